using Sitrep.Composition;
using Sitrep.Ingest;
using Sitrep.Store;

namespace Sitrep.Cli;

/// <summary><c>sitrep ingest</c>: reads the inputs and keeps every article not stored yet; reports how many were new.</summary>
public static class IngestRun
{
    /// <summary>Pages go through the text stage first, so that the store holds (and searches) the article's own text and metadata.</summary>
    public static IEnumerable<Document> Extracted(IEnumerable<Document> documents)
    {
        var extraction = Pipeline.Extraction();
        return documents.AsParallel().AsOrdered().Select(d => { extraction.Process(d); return d; });
    }

    public static int Run(IReadOnlyList<string> inputs, string database)
    {
        var problems = new ConsoleProblemSink();
        using var store = ArticleStore.Open(database);
        int read = 0;
        int added = store.Add(Extracted(new ArticleSource(problems).Read(inputs)).Select(d => { read++; return d; }), problems);
        Console.Error.WriteLine($"{database}: {added} new articles, {read - added} already stored or refused, {store.Count} in all");
        return problems.Count > 0 ? SitrepCommandLine.InputProblems : SitrepCommandLine.Success;
    }
}
