namespace Sitrep.Ingest;

/// <summary>A read-only stream that can look at its first bytes without consuming them (format sniffing on pipes).</summary>
public sealed class PeekableStream(Stream inner) : ForwardOnlyStream(inner)
{
    private byte[] buffer = [];
    private int position;

    /// <summary>Fills <paramref name="into"/> with the next bytes without consuming them; returns how many there were.</summary>
    public int Peek(Span<byte> into)
    {
        if (buffer.Length - position < into.Length)
        {
            var more = new byte[into.Length];
            int have = buffer.Length - position;
            buffer.AsSpan(position).CopyTo(more);
            while (have < more.Length)
            {
                int n = Inner.Read(more, have, more.Length - have);
                if (n == 0) break;
                have += n;
            }
            buffer = more[..have];
            position = 0;
        }
        int count = Math.Min(into.Length, buffer.Length - position);
        buffer.AsSpan(position, count).CopyTo(into);
        return count;
    }

    public override int Read(Span<byte> target)
    {
        if (position < buffer.Length)
        {
            int n = Math.Min(target.Length, buffer.Length - position);
            buffer.AsSpan(position, n).CopyTo(target);
            position += n;
            return n;
        }
        return Inner.Read(target);
    }

}
