using System.Text.Json;

namespace Sitrep.Ingest;

/// <summary>
/// Reads JSON Lines: one article per line with <c>id</c>, <c>text</c> or <c>html</c>, and optional
/// <c>title</c>, <c>published</c>, <c>url</c>, <c>outlet</c>. A bad line is reported with its line
/// number and skipped.
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
            var document = Parse(line.Bytes, where, $"{file.BaseName}:{line.Number}", problems);
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
            string? text = StringField(root, "text"), html = StringField(root, "html");
            if (text == null && html == null)
            {
                problems.Report(new Problem(where, "record has neither \"text\" nor \"html\""));
                return null;
            }
            var id = StringField(root, "id") ?? NumberField(root, "id") ?? fallbackId;
            var document = new Document(id, where)
            {
                Title = StringField(root, "title"),
                Url = StringField(root, "url"),
                Outlet = StringField(root, "outlet"),
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
            var published = StringField(root, "published");
            if (published != null)
            {
                if (PartialDate.TryParse(published, out var date)) document.Published = date;
                else problems.Report(new Problem(where, $"\"published\" is not an ISO 8601 date: {Shorten(published)} (ignored)"));
            }
            return document;
        }
        catch (JsonException e)
        {
            problems.Report(new Problem(where, $"invalid JSON: {e.Message}"));
            return null;
        }
    }

    private static string? StringField(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string? NumberField(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetRawText() : null;

    private static string Shorten(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
