using System.Text.Encodings.Web;
using System.Text.Json;

namespace Sitrep.Cli;

/// <summary>JSON Lines to a file or standard output: one compact object per line, UTF-8, non-ASCII kept readable.</summary>
public sealed class JsonLinesOutput : IDisposable
{
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = false };

    private readonly Stream stream;
    private readonly Utf8JsonWriter writer;

    private JsonLinesOutput(Stream stream)
    {
        this.stream = stream;
        writer = new Utf8JsonWriter(stream, WriterOptions);
    }

    public static JsonLinesOutput Open(string? path)
    {
        if (path == null || path == "-") return new JsonLinesOutput(new BufferedStream(Console.OpenStandardOutput(), 1 << 16));
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder != null) Directory.CreateDirectory(folder);
        return new JsonLinesOutput(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16));
    }

    public void Write<T>(T item, Action<Utf8JsonWriter, T> write)
    {
        write(writer, item);
        writer.Flush();
        writer.Reset();
        stream.WriteByte((byte)'\n');
    }

    public void Dispose()
    {
        writer.Dispose();
        stream.Flush();
        stream.Dispose();
    }
}
