using System.IO.Compression;
using System.Text;

namespace Sitrep.Ingest;

/// <summary>
/// Reads web archives (<c>.warc</c>, <c>.warc.gz</c> with one gzip member per record): every
/// successful <c>response</c> record whose HTTP body is HTML, every HTML <c>resource</c> record, and
/// every plain-text <c>conversion</c> record (the page text of WET files) becomes one document
/// (id = WARC-Record-ID, url = WARC-Target-URI). Requests, metadata, warcinfo,
/// revisits, redirects, errors and non-HTML bodies are skipped silently by design. The HTTP body is
/// de-chunked and decompressed, and decoded with the charset its Content-Type header declares.
/// </summary>
public sealed class WarcReader : IArticleReader
{
    /// <summary>Larger records are pages no one writes by hand (or not pages at all): skipped unread.</summary>
    public const long MaxRecordBytes = 64L << 20;

    public IEnumerable<Document> Read(InputFile file, IProblemSink problems)
    {
        using var stream = file.OpenContent();
        var records = new WarcRecordReader(stream);
        int count = 0;
        while (true)
        {
            WarcRecord? record;
            try
            {
                record = records.Next(WantsBlock);
            }
            catch (WarcFormatException e)
            {
                problems.Report(new Problem(new SourceLocation(file.DisplayName, e.Line), e.Message));
                yield break;
            }
            catch (Exception e) when (e is IOException or InvalidDataException)
            {
                problems.Report(new Problem(new SourceLocation(file.DisplayName, records.Line), $"unreadable from here on: {e.Message}"));
                yield break;
            }
            if (records.Skipped is { } skipped)
                problems.Report(new Problem(new SourceLocation(file.DisplayName, skipped.Line), skipped.Reason));
            if (record == null) break;
            count++;
            if (record.Block == null) continue;
            var where = new SourceLocation(file.DisplayName, record.Line);
            var document = ToDocument(record, where, problems);
            if (document != null) yield return document;
        }
        if (count == 0)
            problems.Report(new Problem(new SourceLocation(file.DisplayName, 1), "empty file: no WARC records"));
    }

    private static bool WantsBlock(IReadOnlyDictionary<string, string> headers, long length)
    {
        if (length > MaxRecordBytes) return false;
        var type = headers.GetValueOrDefault("WARC-Type", "");
        var contentType = headers.GetValueOrDefault("Content-Type", "");
        return type == "response" && contentType.Contains("application/http", StringComparison.OrdinalIgnoreCase)
               || type == "resource" && IsHtml(contentType)
               || type == "conversion" && contentType.Contains("text/plain", StringComparison.OrdinalIgnoreCase);
    }

    private static Document? ToDocument(WarcRecord record, SourceLocation where, IProblemSink problems)
    {
        var origin = record["WARC-Record-ID"] == null ? IdOrigin.Position : IdOrigin.Given;
        var id = (record["WARC-Record-ID"] ?? $"record-{record.Line}").Trim('<', '>');
        var url = record["WARC-Target-URI"]?.Trim('<', '>');
        if (record.Type == "conversion")
        {
            var text = TextDecoding.Decode(record.Block!, TextDecoding.CharsetOfContentType(record["Content-Type"]));
            return string.IsNullOrWhiteSpace(text) ? null : new Document(id, where) { IdOrigin = origin, Text = text, Url = url };
        }
        byte[] body;
        string? contentType;
        if (record.Type == "resource")
        {
            body = record.Block!;
            contentType = record["Content-Type"];
        }
        else
        {
            if (!HttpResponse.TryParse(record.Block!, out var response))
            {
                problems.Report(new Problem(where, $"WARC record {id}: the response block is not an HTTP response"));
                return null;
            }
            if (response.Status is < 200 or >= 300) return null;
            contentType = response.Header("Content-Type");
            if (contentType != null ? !IsHtml(contentType) : !LooksLikeHtml(response.Body)) return null;
            try
            {
                body = response.DecodedBody(MaxRecordBytes);
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                problems.Report(new Problem(where, $"WARC record {id}: {e.Message}"));
                return null;
            }
        }
        if (body.AsSpan().Trim(" \t\r\n"u8).IsEmpty) return null;
        return new Document(id, where)
        {
            IdOrigin = origin,
            Html = TextDecoding.Decode(body, TextDecoding.CharsetOfContentType(contentType)),
            Url = url,
        };
    }

    private static bool IsHtml(string contentType) =>
        contentType.Contains("text/html", StringComparison.OrdinalIgnoreCase)
        || contentType.Contains("application/xhtml", StringComparison.OrdinalIgnoreCase);

    private static bool LooksLikeHtml(ReadOnlySpan<byte> body) =>
        InputFormats.Detect(body[..Math.Min(body.Length, 1024)], "") == InputFormat.Html;
}

/// <summary>An HTTP/1.x response as a WARC response record stores it: status line, headers, raw body.</summary>
public sealed class HttpResponse
{
    private readonly List<KeyValuePair<string, string>> headers = [];

    public int Status { get; private set; }

    /// <summary>The body as transmitted (possibly chunked and compressed).</summary>
    public byte[] Body { get; private set; } = [];

    public string? Header(string name) =>
        headers.LastOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public static bool TryParse(byte[] block, out HttpResponse response)
    {
        response = new HttpResponse();
        var span = block.AsSpan();
        int headerEnd = span.IndexOf("\r\n\r\n"u8), separator = 4;
        int bareEnd = span.IndexOf("\n\n"u8);
        if (headerEnd < 0 || bareEnd >= 0 && bareEnd < headerEnd) { headerEnd = bareEnd; separator = 2; }
        if (headerEnd < 0) { headerEnd = block.Length; separator = 0; }
        var lines = Encoding.Latin1.GetString(span[..headerEnd]).Split('\n');
        var status = lines[0].Trim().Split(' ', 3);
        if (status.Length < 2 || !status[0].StartsWith("HTTP/", StringComparison.Ordinal) || !int.TryParse(status[1], out var code))
            return false;
        response.Status = code;
        foreach (var line in lines.Skip(1))
        {
            int colon = line.IndexOf(':');
            if (colon > 0) response.headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }
        response.Body = block[Math.Min(block.Length, headerEnd + separator)..];
        return true;
    }

    /// <summary>The body with its transfer encoding (chunked) and content encoding (gzip, deflate, br) undone.</summary>
    public byte[] DecodedBody(long maxBytes)
    {
        var body = Body;
        if (Header("Transfer-Encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true)
            body = Dechunk(body);
        var encoding = Header("Content-Encoding")?.Trim().ToLowerInvariant();
        return encoding switch
        {
            null or "" or "identity" or "none" => body,
            "gzip" or "x-gzip" => Inflate(new CheckedGzipStream(new MemoryStream(body)), maxBytes, encoding),
            "deflate" => Inflate(IsZlib(body) ? new ZLibStream(new MemoryStream(body), CompressionMode.Decompress)
                                              : new DeflateStream(new MemoryStream(body), CompressionMode.Decompress), maxBytes, encoding),
            "br" => Inflate(new BrotliStream(new MemoryStream(body), CompressionMode.Decompress), maxBytes, encoding),
            _ => throw new InvalidDataException($"unsupported Content-Encoding \"{encoding}\""),
        };
    }

    /// <summary>"deflate" is meant to be zlib-wrapped but some servers send raw deflate.</summary>
    private static bool IsZlib(byte[] b) => b.Length >= 2 && (b[0] & 0x0F) == 8 && ((b[0] << 8) | b[1]) % 31 == 0;

    private static byte[] Inflate(Stream decoder, long maxBytes, string encoding)
    {
        try
        {
            using var limited = new LimitedStream(decoder, maxBytes, "HTTP body");
            using var output = new MemoryStream();
            limited.CopyTo(output);
            return output.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"HTTP body is not valid {encoding}: {e.Message}");
        }
    }

    /// <summary>
    /// Undoes chunked transfer encoding: hex size line, data, CRLF, ..., a zero-size chunk. A cut-off
    /// last chunk keeps what arrived; a body that does not start with a chunk size was already
    /// de-chunked by the crawler that kept the header.
    /// </summary>
    public static byte[] Dechunk(byte[] body)
    {
        using var output = new MemoryStream(body.Length);
        int at = 0;
        while (at < body.Length)
        {
            int nl = Array.IndexOf(body, (byte)'\n', at);
            if (nl < 0) break;
            var sizeText = Encoding.Latin1.GetString(body, at, nl - at).Split(';')[0].Trim();
            if (!int.TryParse(sizeText, System.Globalization.NumberStyles.HexNumber, null, out var size) || size < 0)
            {
                if (at == 0) return body;
                throw new InvalidDataException($"bad chunk size \"{sizeText}\" in a chunked HTTP body");
            }
            if (size == 0) break;
            at = nl + 1;
            int take = Math.Min(size, body.Length - at);
            output.Write(body, at, take);
            at += take;
            if (at < body.Length && body[at] == '\r') at++;
            if (at < body.Length && body[at] == '\n') at++;
        }
        return output.ToArray();
    }
}
