using Sitrep.Composition;
using Sitrep.Ingest;
using Sitrep.Report;
using Sitrep.Situation;
using Sitrep.Store;

namespace Sitrep.Cli;

/// <summary>
/// The main job: ingest the inputs, annotate every document, group them into stories, fuse each
/// story into its picture, and write the report folder. With a store alone (<c>--db</c>, no INPUT)
/// the stories are the store's own, as its workers and <c>sitrep serve</c> know them: queued
/// articles are read into them first, then each story is analysed. A store with INPUTs is regrouped
/// as one batch with them.
/// </summary>
public static class AnalyzeRun
{
    public static int Run(IReadOnlyList<string> inputs, string outFolder, string? database = null)
    {
        var problems = new ConsoleProblemSink();
        using var store = database == null ? null : ArticleStore.Open(database);
        var picture = store != null && inputs.Count == 0 ? StoredPicture(store, problems) : BatchPicture(store, inputs, problems);
        if (picture.Documents.Count == 0)
        {
            // An empty picture never replaces a report: a mistyped input must not cost the last good one.
            Console.Error.WriteLine($"sitrep: no documents read; {outFolder} left as it was");
            return SitrepCommandLine.InputProblems;
        }
        try
        {
            ReportFolder.Write(picture, outFolder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"sitrep: {outFolder}: cannot write the report there: {e.Message}");
            return SitrepCommandLine.BadUsage;
        }
        Console.Out.WriteLine($"{Count(picture.Documents.Count, "document")}, {Count(picture.Stories.Count, "story", "stories")}, " +
                                $"{Count(picture.Stories.Sum(s => s.Events.Count), "event")} → {Path.Combine(outFolder, "report.html")}");
        return problems.Count > 0 ? SitrepCommandLine.InputProblems : SitrepCommandLine.Success;
    }

    private static string Count(int n, string one, string? many = null) => $"{n:N0} {(n == 1 ? one : many ?? one + "s")}";

    private static SituationPicture BatchPicture(ArticleStore? store, IReadOnlyList<string> inputs, ConsoleProblemSink problems)
    {
        // Stored articles first, so that an input repeating one is read once and one reusing an id is renamed.
        var read = store == null ? new ArticleSource(problems).Read(inputs) : new UniqueIds(problems).Filter(store.Documents().Concat(new ArticleSource(problems).Read(inputs)));
        var documents = new List<Document>();
        using (var progress = Progress.Start("annotated", outputOnTerminal: false))
            foreach (var document in new DocumentRun(Pipeline.StoryReading(), JsonRecords.Annotated, "annotated").Process(read, problems))
            {
                documents.Add(document);
                progress.Advance(document);
            }
        return SituationBuilder.Build(documents);
    }

    private static SituationPicture StoredPicture(ArticleStore store, ConsoleProblemSink problems)
    {
        var worker = new StoryWorker(store, $"analyze:{Environment.ProcessId}", problems);
        var justRead = new Dictionary<string, Document>(StringComparer.Ordinal);
        for (var batch = worker.ReadBatch(); batch.Count > 0; batch = worker.ReadBatch())
            foreach (var document in batch) justRead[document.Id] = document;
        // The articles the worker just read are annotated already: only the others are read again.
        var stored = store.Documents().Select(d => justRead.GetValueOrDefault(d.Id) ?? d).ToList();
        var byId = stored.ToDictionary(d => d.Id, StringComparer.Ordinal);
        // One story at a time, each reading its documents on all cores.
        var stories = store.Stories().Select(s =>
        {
            IReadOnlyList<Document> members = [.. s.Articles.Select(id => byId[id])];
            Pipeline.ReadForStories(members);
            return SituationBuilder.Story(s.Id, members);
        }).ToList();
        var inStories = stories.SelectMany(s => s.Documents).ToHashSet();
        return new SituationPicture([.. stored.Where(inStories.Contains)], stories);
    }
}
