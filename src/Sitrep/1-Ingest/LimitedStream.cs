namespace Sitrep.Ingest;

/// <summary>Fails with <see cref="InputTooLargeException"/> once more than a set number of bytes were read.</summary>
public sealed class LimitedStream(Stream inner, long limit, string name) : ForwardOnlyStream(inner)
{
    private long total;

    public override int Read(Span<byte> target)
    {
        int n = Inner.Read(target);
        total += n;
        if (total > limit)
            throw new InputTooLargeException($"{name}: content exceeds {limit / (1 << 20)} MiB after decompression");
        return n;
    }

    public override long Position { get => total; set => throw new NotSupportedException(); }
}

/// <summary>An input larger than the engine accepts; reported, never buffered whole.</summary>
public sealed class InputTooLargeException(string message) : IOException(message);
