namespace Sitrep.Ingest;

/// <summary>
/// One input: a file on disk or standard input. Gives its content as a stream, transparently
/// gunzipped (gzip is recognised by its magic bytes, not its name; a truncated gzip file fails
/// with <see cref="InvalidDataException"/> at its end).
/// </summary>
public sealed class InputFile
{
    /// <summary>Decompressed content beyond this is refused: a guard against decompression bombs.</summary>
    public const long MaxContentBytes = 1L << 30;

    private readonly Func<Stream> open;

    public InputFile(string displayName, Func<Stream> open)
    {
        DisplayName = displayName;
        this.open = open;
    }

    public static InputFile FromPath(string path) => new(path, () => OpenRegularFile(path));

    /// <summary>
    /// Opens a file for reading, refusing a pipe, socket or device (a FIFO in an input folder would
    /// wait for a writer forever): on Unix the file is opened without blocking and must be seekable.
    /// </summary>
    private static FileStream OpenRegularFile(string path)
    {
        if (!OperatingSystem.IsLinux()) return File.OpenRead(path); // the flags below are Linux's
        const int ReadOnlyNonBlocking = 0x800, CloseOnExec = 0x80000;
        int fd = NativeOpen(path, ReadOnlyNonBlocking | CloseOnExec);
        if (fd < 0) return File.OpenRead(path); // the same failure, said the usual way
        var stream = new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle(fd, ownsHandle: true), FileAccess.Read);
        if (stream.CanSeek) return stream;
        stream.Dispose();
        throw new IOException("not a regular file (a pipe, socket or device)");
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int NativeOpen([System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string path, int flags);

    public static InputFile FromStandardInput() => new("-", () => new BufferedStream(Console.OpenStandardInput()));

    /// <summary>The name used in messages (the path as given, or "-").</summary>
    public string DisplayName { get; }

    /// <summary>
    /// The name without folders and without any extensions ("a1b2.html.gz" -> "a1b2"), from which
    /// missing ids are derived.
    /// </summary>
    public string BaseName
    {
        get
        {
            var name = Path.GetFileName(DisplayName);
            int dot = name.IndexOf('.', 1);
            return dot > 0 ? name[..dot] : name;
        }
    }

    /// <summary>The extension that names the format, ignoring a trailing ".gz" (".jsonl.gz" -> ".jsonl").</summary>
    public string FormatExtension
    {
        get
        {
            var name = DisplayName.ToLowerInvariant();
            if (name.EndsWith(".gz")) name = name[..^3];
            return Path.GetExtension(name);
        }
    }

    /// <summary>Opens the content, gunzipping it when it starts with the gzip magic bytes.</summary>
    public Stream OpenContent()
    {
        var raw = open();
        var peek = new PeekableStream(raw);
        Span<byte> head = stackalloc byte[2];
        int n = peek.Peek(head);
        if (n == 2 && head[0] == 0x1F && head[1] == 0x8B)
            return new LimitedStream(new CheckedGzipStream(peek), MaxContentBytes, DisplayName);
        return peek;
    }
}
