using System.IO.Compression;

namespace Sitrep.Ingest;

/// <summary>
/// Decompresses gzip (one member or many concatenated, as in <c>.warc.gz</c>) and, unlike
/// <see cref="GZipStream"/>, fails with <see cref="InvalidDataException"/> when the data ends inside
/// a member: GZipStream silently reports end of stream for a truncated file.
/// </summary>
/// <remarks>
/// How: a small complete gzip member carrying a marker is appended after the real input. If the
/// input's last member was complete, the marker member decodes on its own to exactly the marker
/// (which is held back, never returned). If the input was cut inside a member, the marker member's
/// bytes are taken as more of the broken member: it fails, or decodes to something else.
/// </remarks>
public sealed class CheckedGzipStream : ForwardOnlyStream
{
    private static readonly byte[] Marker = "\0sitrep-gzip-end\u0001"u8.ToArray();
    private static readonly byte[] MarkerMember = Compress(Marker);

    private readonly AppendedStream compressed;
    private readonly byte[] held = new byte[Marker.Length];
    private int heldCount;
    private bool finished;

    public CheckedGzipStream(Stream compressed) : this(new AppendedStream(compressed, MarkerMember)) { }

    private CheckedGzipStream(AppendedStream compressed) : base(new GZipStream(compressed, CompressionMode.Decompress)) => this.compressed = compressed;

    private static InvalidDataException Truncated() => new("truncated gzip data: the file ends inside a compressed member");

    public override int Read(Span<byte> target)
    {
        if (finished || target.IsEmpty) return 0;
        while (true)
        {
            int n;
            try
            {
                n = Inner.Read(target);
            }
            catch (InvalidDataException) when (compressed.Appending)
            {
                throw Truncated(); // the marker member was taken as more of a broken member
            }
            // GZipStream reads more input only once everything decodable from what it has was returned,
            // so output seen after the input ended comes from the marker member (or is garbage).
            if (!compressed.Appending && n > 0) return n;
            if (n == 0)
            {
                finished = true;
                if (heldCount != Marker.Length || !held.AsSpan().SequenceEqual(Marker)) throw Truncated();
                return 0;
            }
            if (heldCount + n > Marker.Length) throw Truncated();
            target[..n].CopyTo(held.AsSpan(heldCount));
            heldCount += n;
        }
    }

    private static byte[] Compress(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(content);
        return buffer.ToArray();
    }

    /// <summary>A stream followed by fixed bytes.</summary>
    private sealed class AppendedStream(Stream first, byte[] then) : ForwardOnlyStream(first)
    {
        private int thenPosition;
        private bool firstDone;

        /// <summary>True once the first stream has ended and the appended bytes are being read.</summary>
        public bool Appending => firstDone;

        public override int Read(Span<byte> target)
        {
            if (!firstDone)
            {
                int n = Inner.Read(target);
                if (n > 0) return n;
                firstDone = true;
            }
            int rest = Math.Min(target.Length, then.Length - thenPosition);
            then.AsSpan(thenPosition, rest).CopyTo(target);
            thenPosition += rest;
            return rest;
        }

    }
}
