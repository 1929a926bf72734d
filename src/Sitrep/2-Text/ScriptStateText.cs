using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Sitrep.Text;

/// <summary>
/// The article text a script-rendered page ships as JSON for its scripts to draw: Next.js's
/// <c>__NEXT_DATA__</c>, a <c>window.__STATE__ = {...}</c> assignment, any <c>application/json</c> block.
/// Read from the raw HTML (the parser skips script text). The article is where the state's prose
/// is: the smallest JSON object or array holding most of the long, sentence-like strings; its
/// strings under the same keys as that prose (the "text" of paragraphs and of headings alike) are
/// the body, in order. Strings holding HTML are read as HTML.
/// </summary>
internal static partial class ScriptStateText
{
    /// <summary>A string this long with several words and a full stop is prose, not a label or an id.</summary>
    private const int MinProseLength = 80;

    /// <summary>The chosen part must hold this share of the state's prose: the article, not one paragraph of it.</summary>
    private const double ArticleShare = 0.8;

    /// <summary>Assignments longer than this before the opening brace are code, not a state blob.</summary>
    private const int MaxAssignmentLength = 120;

    /// <summary>The paragraphs of the article in the page's script state, or an empty list when there is none.</summary>
    public static List<string> Find(string html)
    {
        var best = new List<string>();
        int bestLength = 0, at = 0;
        while (true)
        {
            int open = html.IndexOf("<script", at, StringComparison.OrdinalIgnoreCase);
            if (open < 0) break;
            int tagEnd = html.IndexOf('>', open);
            if (tagEnd < 0) break;
            int close = html.IndexOf("</script", tagEnd, StringComparison.OrdinalIgnoreCase);
            if (close < 0) break;
            at = close;
            var tag = html.AsSpan(open, tagEnd - open);
            // external scripts have no text; JSON-LD is read as such (JsonLdArticle)
            if (tag.Contains("src=", StringComparison.OrdinalIgnoreCase) || tag.Contains("ld+json", StringComparison.OrdinalIgnoreCase)) continue;
            int start = JsonStart(html, tagEnd + 1, close);
            if (start < 0) continue;
            var paragraphs = Read(html.AsSpan(start, close - start));
            int length = paragraphs.Sum(p => p.Length);
            if (length > bestLength) (best, bestLength) = (paragraphs, length);
        }
        return best;
    }

    /// <summary>Where the script's JSON value starts: at once, or after a short assignment ("window.__STATE__ =").</summary>
    private static int JsonStart(string html, int from, int to)
    {
        int brace = html.IndexOfAny(['{', '['], from, to - from);
        if (brace < 0) return -1;
        var before = html.AsSpan(from, brace - from).Trim();
        if (before.IsEmpty) return brace;
        return before.Length <= MaxAssignmentLength && before[^1] == '=' && !before.Contains('(') ? brace : -1;
    }

    private sealed class State
    {
        public readonly List<(string Text, string? Key, bool Prose)> Strings = [];
        /// <summary>Every object and array as the range of strings under it.</summary>
        public readonly List<(int First, int End)> Containers = [];
    }

    private static List<string> Read(ReadOnlySpan<char> json)
    {
        var state = new State();
        try
        {
            var bytes = Encoding.UTF8.GetBytes(json.ToArray());
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowTrailingCommas = true, MaxDepth = 256 });
            using var document = JsonDocument.ParseValue(ref reader);
            Collect(document.RootElement, null, state, 0);
        }
        catch (JsonException)
        {
            return []; // not JSON after all (a script that builds an object in code)
        }
        return Article(state);
    }

    private const int MaxDepth = 200;

    private static void Collect(JsonElement element, string? key, State state, int depth)
    {
        if (depth > MaxDepth) return;
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                var text = element.GetString()!;
                bool markup = text.Contains('<');
                if (markup) text = TextOfMarkup(text);
                state.Strings.Add((text, key, IsProse(text)));
                return;
            case JsonValueKind.Object:
            {
                int first = state.Strings.Count, slot = state.Containers.Count;
                state.Containers.Add((first, first));
                foreach (var property in element.EnumerateObject()) Collect(property.Value, property.Name, state, depth + 1);
                state.Containers[slot] = (first, state.Strings.Count);
                return;
            }
            case JsonValueKind.Array:
            {
                int first = state.Strings.Count, slot = state.Containers.Count;
                state.Containers.Add((first, first));
                foreach (var item in element.EnumerateArray()) Collect(item, key, state, depth + 1);
                state.Containers[slot] = (first, state.Strings.Count);
                return;
            }
        }
    }

    private static bool IsProse(string text)
    {
        if (text.Length < MinProseLength) return false;
        int spaces = 0;
        foreach (char c in text) if (c == ' ') spaces++;
        return spaces * 12 >= text.Length && (text.Contains(". ") || text.TrimEnd()[^1] is '.' or '!' or '?' or '"' or '”');
    }

    private static List<string> Article(State state)
    {
        var strings = state.Strings;
        long prose = 0;
        foreach (var s in strings) if (s.Prose) prose += s.Text.Length;
        if (prose == 0) return [];
        // the smallest part of the state that holds most of its prose; a single string may be it
        (int First, int End) chosen = (0, strings.Count);
        for (int i = 0; i < strings.Count; i++)
            if (strings[i].Prose && strings[i].Text.Length >= ArticleShare * prose) chosen = (i, i + 1);
        if (chosen.End - chosen.First > 1)
            foreach (var (first, end) in state.Containers)
                if (end - first < chosen.End - chosen.First && ProseIn(strings, first, end) >= ArticleShare * prose)
                    chosen = (first, end);
        var keys = new HashSet<string?>();
        for (int i = chosen.First; i < chosen.End; i++) if (strings[i].Prose) keys.Add(strings[i].Key);
        var paragraphs = new List<string>();
        for (int i = chosen.First; i < chosen.End; i++)
        {
            if (!keys.Contains(strings[i].Key)) continue;
            foreach (var line in strings[i].Text.Split('\n'))
            {
                var paragraph = Squeeze(line);
                if (paragraph.Length > 0) paragraphs.Add(paragraph);
            }
        }
        return paragraphs;
    }

    private static long ProseIn(List<(string Text, string? Key, bool Prose)> strings, int first, int end)
    {
        long sum = 0;
        for (int i = first; i < end; i++) if (strings[i].Prose) sum += strings[i].Text.Length;
        return sum;
    }

    /// <summary>HTML held in a JSON string as text: block ends become line breaks, other tags go, entities are decoded.</summary>
    private static string TextOfMarkup(string markup) =>
        WebUtility.HtmlDecode(AnyTag().Replace(BlockEnd().Replace(markup, "\n"), ""));

    [GeneratedRegex(@"</(?:p|div|h[1-6]|li|blockquote|section|article|tr)\s*>|<br\s*/?>|<(?:p|div|h[1-6]|li|blockquote)(?:\s[^>]*)?>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    private static string Squeeze(string line) => Spaces().Replace(line, " ").Trim();
}
