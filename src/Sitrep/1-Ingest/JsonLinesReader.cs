using System.Text;
using System.Text.Json;

namespace Sitrep.Ingest;

/// <summary>
/// Reads JSON Lines: one article per line with <c>id</c>, <c>text</c> or <c>html</c>, and optional
/// <c>title</c>, <c>published</c>, <c>url</c>, <c>outlet</c>, <c>authors</c>, <c>language</c>. The
/// names other exports use for these (body/content, headline, link, date/publishedAt, source,
/// author) are read too. A bad line is reported with its line number and skipped; an empty or
/// binary file is reported.
/// </summary>
public sealed class JsonLinesReader : IArticleReader
{
    public IEnumerable<Document> Read(InputFile file, IProblemSink problems)
    {
        using var stream = file.OpenContent();
        using var lines = BoundedLineReader.Lines(stream).GetEnumerator();
        int lastLine = 0;
        bool anyContent = false;
        while (true)
        {
            RawLine line;
            try
            {
                if (!lines.MoveNext()) break;
                line = lines.Current;
            }
            catch (Exception e) when (e is IOException or InvalidDataException)
            {
                problems.Report(new Problem(new SourceLocation(file.DisplayName, lastLine + 1), $"unreadable from here on: {e.Message}"));
                yield break;
            }
            lastLine = line.Number;
            var where = new SourceLocation(file.DisplayName, line.Number);
            if (line.TooLong)
            {
                problems.Report(new Problem(where, $"line longer than {BoundedLineReader.DefaultMaxLineBytes >> 20} MiB"));
                continue;
            }
            if (IsBlank(line.Bytes.Span)) continue;
            if (!anyContent && InputFormats.LooksBinary(line.Bytes.Span))
            {
                problems.Report(new Problem(where, "binary data, not JSON Lines"));
                yield break;
            }
            anyContent = true;
            var json = line.Number == 1 && line.Bytes.Span.StartsWith("\uFEFF"u8) ? line.Bytes[3..] : line.Bytes;
            var document = Parse(json, where, $"{file.BaseName}:{line.Number}", problems);
            if (document != null) yield return document;
        }
        if (!anyContent)
            problems.Report(new Problem(new SourceLocation(file.DisplayName, 1), "empty file: no JSON Lines records"));
    }

    private static bool IsBlank(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r')) return false;
        return true;
    }

    /// <summary>Turns one JSON object into a document, or reports why it cannot.</summary>
    public static Document? Parse(ReadOnlyMemory<byte> json, SourceLocation where, string fallbackId, IProblemSink problems)
    {
        try
        {
            using var parsed = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
            var root = parsed.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problems.Report(new Problem(where, $"expected a JSON object, found {root.ValueKind}"));
                return null;
            }
            string? text = StringField(root, "text"), html = StringField(root, "html") ?? FirstString(root, OtherHtmlFields);
            // Exports from other tools name the body differently; there it may be HTML or text.
            if (text == null && html == null && FirstString(root, OtherTextFields) is { } body)
            {
                if (Markup.LooksLikeHtml(body)) html = body;
                else text = body;
            }
            if (text == null && html == null && Tokens(root) is { Count: > Sentence.MaxTokens } tooMany)
            {
                problems.Report(new Problem(where, $"a pre-tokenized sentence of {tooMany.Count:N0} tokens, more than the {Sentence.MaxTokens} a sentence may have; skipped"));
                return null;
            }
            if (text == null && html == null && Tokens(root) is { } tokens)
                return Pretokenized(StringField(root, "id") ?? NumberField(root, "id") ?? fallbackId, where, tokens);
            if (text == null && html == null)
            {
                problems.Report(new Problem(where, "record has neither \"text\" nor \"html\""));
                return null;
            }
            var id = StringField(root, "id") ?? NumberField(root, "id");
            var document = new Document(id ?? fallbackId, where)
            {
                IdOrigin = id == null ? IdOrigin.Position : IdOrigin.Given,
                Title = StringField(root, "title") ?? StringField(root, "headline"),
                Url = StringField(root, "url") ?? StringField(root, "link"),
                Outlet = StringField(root, "outlet") ?? NameField(root, "source") ?? StringField(root, "site_name") ?? NameField(root, "publisher"),
                Language = StringField(root, "language") ?? StringField(root, "lang"),
            };
            if (text != null)
            {
                document.Text = text;
                document.TextIsInput = true;
            }
            else
            {
                document.Html = html;
            }
            foreach (var author in Names(root, "authors").Concat(Names(root, "author")))
                if (!document.Authors.Contains(author)) document.Authors.Add(author);
            var (dateField, published) = FirstNamed(root, DateFields);
            if (published != null)
            {
                if (WrittenDates.TryParseGiven(published, out var date)) document.SetPublished(date, DateProvenance.Given);
                else problems.Report(new Problem(where, $"\"{dateField}\" is not a date: {Shorten(published)} (ignored)"));
            }
            return document;
        }
        catch (JsonException e)
        {
            problems.Report(new Problem(where, $"invalid JSON: {e.Message}"));
            return null;
        }
        catch (InvalidOperationException e)
        {
            // The parser checks structure, not what strings hold; reading a string finds invalid
            // UTF-8, or an escape (\udc00) that is half of a character.
            problems.Report(new Problem(where, e.InnerException is DecoderFallbackException
                ? "invalid UTF-8 inside a JSON string"
                : "invalid UTF-16 inside a JSON string (a lone surrogate escape)"));
            return null;
        }
    }

    /// <summary>The strings of a "tokens" array; null when there is none or an item is not a non-empty string.</summary>
    private static List<string>? Tokens(JsonElement o)
    {
        if (!o.TryGetProperty("tokens", out var v) || v.ValueKind != JsonValueKind.Array) return null;
        var tokens = new List<string>(v.GetArrayLength());
        foreach (var item in v.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || item.GetString() is not { Length: > 0 } token) return null;
            tokens.Add(token);
        }
        return tokens;
    }

    /// <summary>One pre-tokenized sentence: the tokens joined by spaces, each kept as given (never split again).</summary>
    private static Document Pretokenized(string id, SourceLocation where, List<string> tokens)
    {
        var document = new Document(id, where) { Text = string.Join(' ', tokens), TextIsInput = true, TokensGiven = true };
        int start = 0;
        foreach (var token in tokens)
        {
            var kind = char.IsDigit(token[0]) ? TokenKind.Number : token.Any(char.IsLetterOrDigit) ? TokenKind.Word : TokenKind.Punctuation;
            document.Tokens.Add(new Token(start, start + token.Length, kind));
            start += token.Length + 1;
        }
        if (tokens.Count > 0) document.Sentences.Add(new Sentence(0, tokens.Count));
        return document;
    }

    private static readonly string[] OtherTextFields = ["body", "content", "article", "maintext", "full_text"];
    private static readonly string[] OtherHtmlFields = ["raw_html", "content_html"];
    private static readonly string[] DateFields = ["published", "date", "published_at", "publishedAt", "pubDate", "datetime"];

    private static string? FirstString(JsonElement o, string[] names) => FirstNamed(o, names).Value;

    private static (string Name, string? Value) FirstNamed(JsonElement o, string[] names)
    {
        foreach (var name in names)
            if (StringField(o, name) is { } value) return (name, value);
        return ("", null);
    }

    /// <summary>A string, or the "name" of an object ({"source": {"id": "x", "name": "Reuters"}}).</summary>
    private static string? NameField(JsonElement o, string name) =>
        StringField(o, name) ?? (o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? StringField(v, "name") : null);

    /// <summary>Author names given as a string, an array of strings, or objects with a "name".</summary>
    private static IEnumerable<string> Names(JsonElement o, string name)
    {
        if (!o.TryGetProperty(name, out var v)) yield break;
        var items = v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().ToList() : [v];
        foreach (var item in items)
        {
            var value = item.ValueKind switch
            {
                JsonValueKind.String => item.GetString(),
                JsonValueKind.Object => StringField(item, "name"),
                _ => null,
            };
            if (!string.IsNullOrWhiteSpace(value)) yield return value.Trim();
        }
    }

    private static string? StringField(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string? NumberField(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetRawText() : null;

    private static string Shorten(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
