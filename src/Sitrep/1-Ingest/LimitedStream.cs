namespace Sitrep.Ingest;

/// <summary>Fails with <see cref="InputTooLargeException"/> once more than a set number of bytes were read.</summary>
public sealed class LimitedStream(Stream inner, long limit, string name) : Stream
{
    private long total;

    public override int Read(byte[] target, int offset, int count) => Read(target.AsSpan(offset, count));

    public override int Read(Span<byte> target)
    {
        int n = inner.Read(target);
        total += n;
        if (total > limit)
            throw new InputTooLargeException($"{name}: content exceeds {limit / (1 << 20)} MiB after decompression");
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => total; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>An input larger than the engine accepts; reported, never buffered whole.</summary>
public sealed class InputTooLargeException(string message) : IOException(message);
