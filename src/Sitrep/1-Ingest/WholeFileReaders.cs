namespace Sitrep.Ingest;

/// <summary>Reads a file that holds one article: its bytes, decoded, become one document.</summary>
public abstract class WholeFileReader : IArticleReader
{
    /// <summary>One article is never this large; a bigger file is refused rather than held in memory.</summary>
    public const long MaxArticleBytes = 64L << 20;

    public IEnumerable<Document> Read(InputFile file, IProblemSink problems)
    {
        var where = new SourceLocation(file.DisplayName, 1);
        using var buffer = new MemoryStream();
        try
        {
            using var stream = new LimitedStream(file.OpenContent(), MaxArticleBytes, file.DisplayName);
            stream.CopyTo(buffer);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            // Points at the line where reading stopped: the end of what a truncated file still holds.
            int line = buffer.GetBuffer().AsSpan(0, (int)buffer.Length).Count((byte)'\n') + 1;
            problems.Report(new Problem(where with { Line = line }, $"unreadable: {e.Message}"));
            yield break;
        }
        var bytes = buffer.ToArray();
        if (bytes.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            problems.Report(new Problem(where, "empty file"));
            yield break;
        }
        if (InputFormats.LooksBinary(bytes))
        {
            problems.Report(new Problem(where, "binary file, not text or HTML"));
            yield break;
        }
        yield return Create(file, bytes, where);
    }

    protected abstract Document Create(InputFile file, byte[] bytes, SourceLocation where);
}

/// <summary>A <c>.txt</c> or <c>.md</c> article: the text exactly as decoded, offsets refer to it.</summary>
public sealed class PlainTextReader : WholeFileReader
{
    protected override Document Create(InputFile file, byte[] bytes, SourceLocation where) =>
        new(file.BaseName, where) { IdOrigin = IdOrigin.FileName, Text = TextDecoding.Decode(bytes), TextIsInput = true };
}

/// <summary>A web page saved as a file: its HTML, decoded, for the text stage to extract.</summary>
public sealed class HtmlPageReader : WholeFileReader
{
    protected override Document Create(InputFile file, byte[] bytes, SourceLocation where) =>
        new(file.BaseName, where) { IdOrigin = IdOrigin.FileName, Html = TextDecoding.Decode(bytes) };
}
