using System.IO.Compression;
using System.Text;
using Sitrep.Ingest;

namespace Sitrep.Tests.Ingest;

/// <summary>Builds inputs in memory: files, gzip members, WARC records.</summary>
internal static class TestInputs
{
    public static InputFile File(string name, byte[] content) => new(name, () => new MemoryStream(content));

    public static InputFile File(string name, string content) => File(name, Encoding.UTF8.GetBytes(content));

    public static byte[] Gzip(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
            gzip.Write(content);
        return buffer.ToArray();
    }

    public static byte[] Gzip(string content) => Gzip(Encoding.UTF8.GetBytes(content));

    /// <summary>One WARC record: version line, headers, Content-Length-framed block, and the CRLF CRLF after it.</summary>
    public static byte[] WarcRecord(string type, string id, byte[] block, string? targetUri = null, string contentType = "application/http; msgtype=response")
    {
        var head = new StringBuilder()
            .Append("WARC/1.1\r\n")
            .Append($"WARC-Type: {type}\r\n")
            .Append($"WARC-Record-ID: <{id}>\r\n")
            .Append("WARC-Date: 2025-03-04T10:00:00Z\r\n");
        if (targetUri != null) head.Append($"WARC-Target-URI: {targetUri}\r\n");
        head.Append($"Content-Type: {contentType}\r\n")
            .Append($"Content-Length: {block.Length}\r\n\r\n");
        return [.. Encoding.UTF8.GetBytes(head.ToString()), .. block, .. "\r\n\r\n"u8];
    }

    public static byte[] HttpResponse(byte[] body, params string[] headers)
    {
        var head = "HTTP/1.1 200 OK\r\n" + string.Concat(headers.Select(h => h + "\r\n")) + "\r\n";
        return [.. Encoding.Latin1.GetBytes(head), .. body];
    }
}
