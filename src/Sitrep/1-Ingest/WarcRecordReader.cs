using System.Text;

namespace Sitrep.Ingest;

/// <summary>One WARC record: its headers and, when asked for, its block (the bytes Content-Length frames).</summary>
public sealed class WarcRecord(int line, Dictionary<string, string> headers, byte[]? block)
{
    /// <summary>The 1-based line of the record's "WARC/1.x" version line in the (decompressed) file.</summary>
    public int Line { get; } = line;

    public IReadOnlyDictionary<string, string> Headers { get; } = headers;

    /// <summary>The record's content, or null when the caller chose to skip it.</summary>
    public byte[]? Block { get; } = block;

    public string? this[string name] => Headers.TryGetValue(name, out var v) ? v : null;

    public string Type => this["WARC-Type"] ?? "";
}

/// <summary>A WARC file that cannot be framed any further (no version line, bad Content-Length, cut short).</summary>
public sealed class WarcFormatException(int line, string message) : IOException(message)
{
    public int Line { get; } = line;
}

/// <summary>
/// Splits a WARC stream (ISO 28500, versions 0.x to 1.1; gunzip it first) into records: a version
/// line, "Name: value" headers up to a blank line, then exactly Content-Length bytes of block.
/// Blocks the caller does not want are skipped without being held in memory.
/// </summary>
public sealed class WarcRecordReader(Stream stream)
{
    private const int MaxHeaderLineBytes = 64 << 10;
    private const int MaxHeaders = 1000;

    private readonly byte[] buffer = new byte[1 << 16];
    private int position, length;
    private int newlinesBefore;

    /// <summary>The 1-based line the reader is on.</summary>
    public int Line => newlinesBefore + 1;

    /// <summary>
    /// Set by <see cref="Next"/> when it had to skip bytes to find a record (a wrong Content-Length
    /// before them, or stray data): the line where the skipped part began and why; else null.
    /// </summary>
    public (int Line, string Reason)? Skipped { get; private set; }

    private bool anyRecord;

    /// <summary>
    /// The next record, or null at the end; <paramref name="wantBlock"/> decides from the headers
    /// whether to read the block. Where a record should begin but something else does, the reader
    /// skips to the next "WARC/" line (see <see cref="Skipped"/>), so one bad Content-Length costs
    /// the records it hides, not the rest of the file.
    /// </summary>
    public WarcRecord? Next(Func<IReadOnlyDictionary<string, string>, long, bool> wantBlock)
    {
        Skipped = null;
        string? version;
        do
        {
            version = ReadLine(tolerant: anyRecord);
            if (version == null) return null;
        } while (version.Length == 0);
        int line = Line - 1;
        if (!version.StartsWith("WARC/", StringComparison.Ordinal))
        {
            var found = $"expected a WARC record (a \"WARC/1.x\" line), found \"{Shorten(version)}\"";
            if (!anyRecord) throw new WarcFormatException(line, found);
            do version = ReadLine(tolerant: true);
            while (version != null && !version.StartsWith("WARC/", StringComparison.Ordinal));
            if (version == null) throw new WarcFormatException(line, found);
            Skipped = (line, $"{found}; skipped to the next record, at line {Line - 1}");
            line = Line - 1;
        }
        anyRecord = true;
        var headers = ReadHeaders(line);
        if (!headers.TryGetValue("Content-Length", out var lengthText) || !long.TryParse(lengthText, out var blockLength) || blockLength < 0)
            throw new WarcFormatException(line, "WARC record without a valid Content-Length");
        byte[]? block = null;
        long got;
        if (wantBlock(headers, blockLength))
        {
            block = new byte[blockLength];
            got = ReadInto(block);
        }
        else
        {
            got = Skip(blockLength);
        }
        if (got < blockLength)
            throw new WarcFormatException(line, $"truncated WARC record {headers.GetValueOrDefault("WARC-Record-ID", "(no id)")}: {got} of {blockLength} bytes");
        return new WarcRecord(line, headers, block);
    }

    private Dictionary<string, string> ReadHeaders(int recordLine)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? last = null;
        while (true)
        {
            var line = ReadLine() ?? throw new WarcFormatException(recordLine, "WARC headers cut short by the end of the file");
            if (line.Length == 0) return headers;
            if (line[0] is ' ' or '\t' && last != null)
            {
                headers[last] += " " + line.Trim(); // a folded continuation line
                continue;
            }
            int colon = line.IndexOf(':');
            if (colon <= 0) continue; // a stray line in the header block: tolerated, as readers of real crawls must
            last = line[..colon].Trim();
            headers[last] = line[(colon + 1)..].Trim();
            if (headers.Count > MaxHeaders) throw new WarcFormatException(recordLine, "more than 1000 WARC headers");
        }
    }

    /// <summary>
    /// One line without its line break (UTF-8), or null at the end of the stream. A line longer
    /// than a header line may be fails, or, when <paramref name="tolerant"/>, comes back cut short.
    /// </summary>
    private string? ReadLine(bool tolerant = false)
    {
        using var line = new MemoryStream();
        while (true)
        {
            if (position == length && !Fill())
                return line.Length == 0 ? null : Decode(line);
            int nl = Array.IndexOf(buffer, (byte)'\n', position, length - position);
            int end = nl < 0 ? length : nl;
            if (line.Length + (end - position) > MaxHeaderLineBytes && !tolerant)
                throw new WarcFormatException(Line, $"header line longer than {MaxHeaderLineBytes >> 10} KiB: not a WARC file?");
            line.Write(buffer, position, Math.Min(end - position, Math.Max(0, MaxHeaderLineBytes - (int)line.Length)));
            position = end;
            if (nl >= 0)
            {
                position++;
                newlinesBefore++;
                return Decode(line);
            }
        }
    }

    private static string Decode(MemoryStream line)
    {
        var bytes = line.GetBuffer().AsSpan(0, (int)line.Length);
        if (bytes.Length > 0 && bytes[^1] == '\r') bytes = bytes[..^1];
        return Encoding.UTF8.GetString(bytes);
    }

    private long ReadInto(byte[] block)
    {
        int got = 0;
        while (got < block.Length)
        {
            if (position == length && !Fill()) break;
            int n = Math.Min(block.Length - got, length - position);
            buffer.AsSpan(position, n).CopyTo(block.AsSpan(got));
            Consume(n);
            got += n;
        }
        return got;
    }

    private long Skip(long count)
    {
        long skipped = 0;
        while (skipped < count)
        {
            if (position == length && !Fill()) break;
            int n = (int)Math.Min(count - skipped, length - position);
            Consume(n);
            skipped += n;
        }
        return skipped;
    }

    private void Consume(int n)
    {
        newlinesBefore += buffer.AsSpan(position, n).Count((byte)'\n');
        position += n;
    }

    private bool Fill()
    {
        position = 0;
        length = stream.Read(buffer, 0, buffer.Length);
        return length > 0;
    }

    private static string Shorten(string s)
    {
        var printable = new string(s.Take(40).Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return s.Length > 40 ? printable + "…" : printable;
    }
}
