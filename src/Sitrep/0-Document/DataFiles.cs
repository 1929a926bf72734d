using System.IO.Compression;

namespace Sitrep;

/// <summary>
/// The one loader of the data files each stage ships in its Data/ folder (word lists, gazetteers,
/// models), embedded in the build as "Sitrep.STAGE.Data.FILE" so nothing is read from disk by default.
/// An analyst extends a word list or table without code: a file of the same name in the folder that
/// the SITREP_DATA environment variable names is read after the shipped one (<see cref="Lines"/>).
/// </summary>
public static class DataFiles
{
    /// <summary>The environment variable naming a folder of local additions to the shipped lists.</summary>
    public const string LocalFolderVariable = "SITREP_DATA";

    /// <summary>The shipped file's bytes as stored (a model reads its own compressed format).</summary>
    public static Stream Open(string stage, string file)
    {
        var name = $"Sitrep.{stage}.Data.{file}";
        return typeof(DataFiles).Assembly.GetManifestResourceStream(name)
               ?? throw new InvalidOperationException($"the data file {name} is missing from the build");
    }

    /// <summary>
    /// A model file: the one of the same name in the SITREP_DATA folder when there is one (a model
    /// retrained by `sitrep train`, e.g. on some folds of its data), else the shipped one.
    /// </summary>
    public static Stream OpenModel(string stage, string file) =>
        LocalFile(file) is { } local ? File.OpenRead(local) : Open(stage, file);

    /// <summary>The shipped text file, un-gzipped when its name ends in .gz.</summary>
    public static StreamReader OpenText(string stage, string file)
    {
        var stream = Open(stage, file);
        return new StreamReader(file.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(stream, CompressionMode.Decompress) : stream);
    }

    /// <summary>
    /// The lines of a shipped text file and then of its local addition, without blank lines and
    /// '#' comments, trimmed of trailing whitespace.
    /// </summary>
    public static IEnumerable<string> Lines(string stage, string file)
    {
        using (var shipped = OpenText(stage, file))
            foreach (var line in Content(shipped)) yield return line;
        if (LocalFile(file) is not { } local) yield break;
        using var added = new StreamReader(local);
        foreach (var line in Content(added)) yield return line;
    }

    /// <summary>Named word lists in one file: a line "[name]" starts a list, every other line is one entry.</summary>
    public static IReadOnlyDictionary<string, string[]> Sections(string stage, string file)
    {
        var sections = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string>? current = null;
        foreach (var line in Lines(stage, file))
        {
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                var name = line[1..^1];
                if (!sections.TryGetValue(name, out current)) sections[name] = current = [];
            }
            else if (current == null) throw new InvalidDataException($"{file}: '{line}' comes before the first [section]");
            else current.Add(line.Trim());
        }
        return sections.ToDictionary(s => s.Key, s => s.Value.ToArray(), StringComparer.Ordinal);
    }

    private static string? LocalFile(string file) =>
        Environment.GetEnvironmentVariable(LocalFolderVariable) is { Length: > 0 } folder && File.Exists(Path.Combine(folder, file))
            ? Path.Combine(folder, file) : null;

    private static IEnumerable<string> Content(TextReader reader)
    {
        while (reader.ReadLine() is { } line)
        {
            line = line.TrimEnd();
            if (line.Length > 0 && line[0] != '#') yield return line;
        }
    }
}
