using Sitrep.Ingest;
using Sitrep.Report;
using Sitrep.Situation;
using Sitrep.Store;

namespace Sitrep.Cli;

/// <summary>
/// The main job: ingest (the inputs, or the articles of a store), annotate every document, group
/// them into stories, fuse each story into its picture, and write the report folder.
/// </summary>
public static class AnalyzeRun
{
    public static int Run(IReadOnlyList<string> inputs, string outFolder, string? database = null)
    {
        var problems = new ConsoleProblemSink();
        using var store = database == null ? null : ArticleStore.Open(database);
        var read = store == null ? new ArticleSource(problems).Read(inputs) : store.Documents().Concat(new ArticleSource(problems).Read(inputs));
        var documents = new List<Document>();
        using (var progress = Progress.Start("annotated", outputOnTerminal: false))
            foreach (var document in new DocumentRun(Pipeline.StoryReading(), JsonRecords.Annotated, "annotated").Process(read, problems))
            {
                documents.Add(document);
                progress.Advance(document);
            }
        ReportFolder.Write(SituationBuilder.Build(documents), outFolder);
        return problems.Count > 0 ? SitrepCommandLine.InputProblems : SitrepCommandLine.Success;
    }
}
