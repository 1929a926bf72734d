using System.Text.RegularExpressions;

namespace Sitrep.Situation;

/// <summary>
/// The clause of a sentence that names who states it ("..., local officials said on Monday.",
/// "According to the IOM, ...", "The ministry said ..."): its words name a source and its day is when
/// the statement was made, so a fact's words and day are read without it. The reporting verbs are
/// Data/reporting-verbs.txt.
/// </summary>
public static class Attribution
{
    private static readonly Lazy<Regex[]> Patterns = new(Build);

    /// <summary>The attribution's span in the sentence (start inclusive, end exclusive), or null when it names no source.</summary>
    public static (int Start, int End)? Find(string sentence)
    {
        // Claims, contradictions and the digest each ask of the same sentences, and wire copy repeats them.
        if (Found.TryGetValue(sentence, out var known)) return known;
        (int, int)? span = null;
        foreach (var pattern in Patterns.Value)
        {
            var m = pattern.Match(sentence);
            if (m.Success) { span = (m.Index, m.Index + m.Length); break; }
        }
        if (Found.Count >= RememberedSentences) Found.Clear();
        Found.TryAdd(sentence, span);
        return span;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (int, int)?> Found = new(StringComparer.Ordinal);
    private const int RememberedSentences = 100_000;

    /// <summary>The sentence with its attribution blanked out (same length, so offsets still hold).</summary>
    public static string Without(string sentence) =>
        Find(sentence) is { } span ? sentence[..span.Start] + new string(' ', span.End - span.Start) + sentence[span.End..] : sentence;

    private static Regex[] Build()
    {
        var verbs = string.Join("|", DataFiles.Lines("Situation", "reporting-verbs.txt").Select(v => Regex.Escape(v.Trim())));
        const RegexOptions options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;
        return
        [
            // "..., local officials said on Monday." / "..., a hospital source told the Post."
            new($@",\s*[^,;]{{1,80}}?\s(?:{verbs})\b[^,;]{{0,40}}$", options),
            // "..., said the governor."
            new($@",\s*(?:{verbs})\s[^,;]{{1,80}}$", options),
            // "... according to the IOM." / "According to the IOM, ..."
            new(@",?\s*according to\s[^,;]{1,80}$", options),
            new(@"^according to\s[^,;]{1,80},\s*", options),
            // "The defence ministry said on Monday that ..."
            new($@"^(?:\S+\s){{0,5}}?\S+\s(?:{verbs})(?:\s+(?:on|late|early)\s+\S+)?(?:\s+that)?\s+(?=\S)", options),
        ];
    }
}
