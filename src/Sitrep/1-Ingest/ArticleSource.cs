namespace Sitrep.Ingest;

/// <summary>
/// The ingest stage: expands the command line's inputs (files, folders walked recursively in a
/// fixed order, and "-" for JSON Lines on standard input) and reads every article from them.
/// </summary>
public sealed class ArticleSource(IProblemSink problems)
{
    private readonly Dictionary<InputFormat, IArticleReader> readers = new()
    {
        [InputFormat.PlainText] = new PlainTextReader(),
        [InputFormat.Html] = new HtmlPageReader(),
        [InputFormat.JsonLines] = new JsonLinesReader(),
        [InputFormat.Feed] = new FeedReader(),
        [InputFormat.Warc] = new WarcReader(),
    };

    /// <summary>Every article of the inputs, in order, each id naming one text (<see cref="UniqueIds"/>).</summary>
    public IEnumerable<Document> Read(IEnumerable<string> inputs) =>
        new UniqueIds(problems).Filter(Expand(inputs).SelectMany(ReadFile));

    /// <summary>The files behind the inputs, folders expanded in ordinal order of their paths (hidden files and folder documentation left out).</summary>
    public IEnumerable<InputFile> Expand(IEnumerable<string> inputs)
    {
        foreach (var input in inputs)
        {
            if (input == "-")
                yield return InputFile.FromStandardInput();
            else if (Directory.Exists(input))
                foreach (var path in FilesUnder(input, problems))
                    yield return InputFile.FromPath(path);
            else if (File.Exists(input))
                yield return InputFile.FromPath(input);
            else
                problems.Report(new Problem(new SourceLocation(input), "no such file or folder"));
        }
    }

    /// <summary>
    /// Files that document a folder rather than hold an article (README.md, ATTRIBUTION.md, LICENSE):
    /// skipped when a folder is walked, read when named on the command line.
    /// </summary>
    private static readonly HashSet<string> FolderDocumentation = new(StringComparer.OrdinalIgnoreCase)
    {
        "README", "ATTRIBUTION", "LICENSE", "LICENCE", "COPYING", "NOTICE", "CHANGELOG", "AUTHORS",
    };

    /// <summary>
    /// The files under a folder, sorted. A folder is walked once however many links lead to it (a
    /// link to an ancestor would loop); a folder that cannot be read is reported, not skipped silently.
    /// </summary>
    private static string[] FilesUnder(string root, IProblemSink problems)
    {
        var options = new EnumerationOptions { IgnoreInaccessible = false, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System };
        var files = new List<string>();
        var walked = new HashSet<string>(StringComparer.Ordinal);
        var folders = new Stack<string>([root]);
        while (folders.Count > 0)
        {
            var folder = folders.Pop();
            try
            {
                var info = new DirectoryInfo(folder);
                var real = info.LinkTarget == null ? info.FullName : info.ResolveLinkTarget(returnFinalTarget: true)!.FullName;
                if (!walked.Add(Path.TrimEndingDirectorySeparator(real))) continue;
                foreach (var path in Directory.EnumerateFiles(folder, "*", options))
                    if (!FolderDocumentation.Contains(Path.GetFileNameWithoutExtension(path))) files.Add(path);
                foreach (var sub in Directory.EnumerateDirectories(folder, "*", options)) folders.Push(sub);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Report(new Problem(new SourceLocation(folder), $"unreadable folder: {e.Message}"));
            }
        }
        files.Sort(StringComparer.Ordinal);
        return [.. files];
    }

    /// <summary>The articles of one input; whatever it holds, problems are reported and nothing is thrown.</summary>
    public IEnumerable<Document> ReadFile(InputFile file)
    {
        IEnumerator<Document> documents;
        try
        {
            var format = file.DisplayName == "-" ? InputFormat.JsonLines : InputFormats.Detect(file);
            if (!readers.TryGetValue(format, out var reader))
            {
                problems.Report(new Problem(new SourceLocation(file.DisplayName, 1), $"{format} input is not supported yet"));
                yield break;
            }
            documents = reader.Read(file, problems).GetEnumerator();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            problems.Report(new Problem(new SourceLocation(file.DisplayName, 1), $"unreadable: {e.Message}"));
            yield break;
        }
        using (documents)
        {
            while (true)
            {
                try
                {
                    if (!documents.MoveNext()) break;
                }
                catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
                {
                    // A reader should report its own problems; this keeps one broken file from ending the run.
                    problems.Report(new Problem(new SourceLocation(file.DisplayName, 1), $"unreadable: {e.Message}"));
                    break;
                }
                yield return documents.Current;
            }
        }
    }
}
