namespace Sitrep.Ingest;

/// <summary>Reads a file that holds one article: its bytes, decoded, become one document.</summary>
public abstract class WholeFileReader : IArticleReader
{
    public IEnumerable<Document> Read(InputFile file, IProblemSink problems)
    {
        var where = new SourceLocation(file.DisplayName, 1);
        byte[] bytes;
        try
        {
            using var stream = file.OpenContent();
            bytes = ReadAll(stream);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            problems.Report(new Problem(where with { Line = 0 }, $"unreadable: {e.Message}"));
            yield break;
        }
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

    private static byte[] ReadAll(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}

/// <summary>A <c>.txt</c> or <c>.md</c> article: the text exactly as decoded, offsets refer to it.</summary>
public sealed class PlainTextReader : WholeFileReader
{
    protected override Document Create(InputFile file, byte[] bytes, SourceLocation where) =>
        new(file.BaseName, where) { Text = TextDecoding.Decode(bytes), TextIsInput = true };
}

/// <summary>A web page saved as a file: its HTML, decoded, for the text stage to extract.</summary>
public sealed class HtmlPageReader : WholeFileReader
{
    protected override Document Create(InputFile file, byte[] bytes, SourceLocation where) =>
        new(file.BaseName, where) { Html = TextDecoding.Decode(bytes) };
}
