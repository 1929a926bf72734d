using System.Text;

namespace Sitrep.Ingest;

/// <summary>The container formats Sitrep reads.</summary>
public enum InputFormat { PlainText, Html, JsonLines, Feed, Warc }

/// <summary>Recognises an input's format by its content first and its extension second.</summary>
public static class InputFormats
{
    public static InputFormat Detect(InputFile file)
    {
        Span<byte> head = stackalloc byte[1024];
        int n;
        using (var stream = file.OpenContent())
            n = ReadUpTo(stream, head);
        return Detect(head[..n], file.FormatExtension);
    }

    /// <summary>Elements that make markup without an &lt;html&gt; element a page (fragments, saved bodies).</summary>
    private static readonly string[] HtmlElements = ["<head", "<body", "<meta ", "<title>", "<div", "<p>", "<p ", "<article", "<br"];

    public static InputFormat Detect(ReadOnlySpan<byte> head, string extension)
    {
        var text = Encoding.Latin1.GetString(head).TrimStart('\uFEFF', '\u00EF', '\u00BB', '\u00BF', ' ', '\t', '\r', '\n');
        if (text.StartsWith("WARC/", StringComparison.Ordinal)) return InputFormat.Warc;
        if (text.StartsWith('{')) return InputFormat.JsonLines;
        var lower = text.ToLowerInvariant();
        if (lower.StartsWith('<'))
        {
            bool page = lower.Contains("<html");
            // A feed may open with a comment or a stylesheet instruction before its root element.
            if (!page && (lower.Contains("<rss") || lower.Contains("<feed") || lower.Contains("<rdf:rdf"))) return InputFormat.Feed;
            if (page || lower.StartsWith("<!doctype html") || HtmlElements.Any(lower.Contains)) return InputFormat.Html;
        }
        return extension switch
        {
            ".html" or ".htm" or ".xhtml" => InputFormat.Html,
            ".jsonl" or ".ndjson" => InputFormat.JsonLines,
            ".xml" or ".rss" or ".atom" => InputFormat.Feed,
            ".warc" => InputFormat.Warc,
            _ => InputFormat.PlainText,
        };
    }

    /// <summary>True for content that is clearly not text: NUL bytes or many control characters early on.</summary>
    public static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 8192)];
        if (head.Length >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF)))
            return false; // UTF-16 text has NULs by design
        int control = 0;
        foreach (var b in head)
        {
            if (b == 0) return true;
            if (b < 0x20 && b is not (9 or 10 or 12 or 13 or 27)) control++;
        }
        return control > head.Length / 20 + 2;
    }

    private static int ReadUpTo(Stream stream, Span<byte> into)
    {
        int total = 0;
        while (total < into.Length)
        {
            int n = stream.Read(into[total..]);
            if (n == 0) break;
            total += n;
        }
        return total;
    }
}
