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

    public IEnumerable<Document> Read(IEnumerable<string> inputs)
    {
        foreach (var file in Expand(inputs))
            foreach (var document in ReadFile(file))
                yield return document;
    }

    /// <summary>The files behind the inputs, folders expanded in ordinal order of their paths (hidden files and folder documentation left out).</summary>
    public IEnumerable<InputFile> Expand(IEnumerable<string> inputs)
    {
        foreach (var input in inputs)
        {
            if (input == "-")
                yield return InputFile.FromStandardInput();
            else if (Directory.Exists(input))
                foreach (var path in FilesUnder(input))
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

    private static IEnumerable<string> FilesUnder(string folder)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System };
        var files = Directory.GetFiles(folder, "*", options)
            .Where(path => !FolderDocumentation.Contains(Path.GetFileNameWithoutExtension(path)))
            .ToArray();
        Array.Sort(files, StringComparer.Ordinal);
        return files;
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
