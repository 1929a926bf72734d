using System.Buffers;

namespace Sitrep.Ingest;

/// <summary>One line of a line-oriented input: its 1-based number and bytes (without the line break).</summary>
public readonly record struct RawLine(int Number, ReadOnlyMemory<byte> Bytes, bool TooLong);

/// <summary>
/// Splits a byte stream into lines without ever holding more than <c>maxLineBytes</c> of one line:
/// a longer line is skipped to its end and returned marked <see cref="RawLine.TooLong"/>, so a
/// 1 GB line costs time, not memory.
/// </summary>
public static class BoundedLineReader
{
    public const int DefaultMaxLineBytes = 64 << 20;

    public static IEnumerable<RawLine> Lines(Stream stream, int maxLineBytes = DefaultMaxLineBytes)
    {
        var chunk = ArrayPool<byte>.Shared.Rent(1 << 16);
        var line = new ArrayBufferWriter<byte>();
        bool tooLong = false;
        int number = 0;
        try
        {
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                int start = 0;
                while (start < read)
                {
                    int nl = Array.IndexOf(chunk, (byte)'\n', start, read - start);
                    int end = nl < 0 ? read : nl;
                    if (!tooLong)
                    {
                        if (line.WrittenCount + (end - start) > maxLineBytes) { tooLong = true; line.Clear(); }
                        else line.Write(chunk.AsSpan(start, end - start));
                    }
                    if (nl < 0) break;
                    yield return Finish(++number, line, tooLong);
                    line = new ArrayBufferWriter<byte>();
                    tooLong = false;
                    start = nl + 1;
                }
            }
            if (line.WrittenCount > 0 || tooLong)
                yield return Finish(++number, line, tooLong);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private static RawLine Finish(int number, ArrayBufferWriter<byte> line, bool tooLong)
    {
        var bytes = line.WrittenMemory;
        if (bytes.Length > 0 && bytes.Span[^1] == (byte)'\r') bytes = bytes[..^1];
        return new RawLine(number, bytes, tooLong);
    }
}
