using Sitrep.Ingest;
using Sitrep.Report;
using Sitrep.Situation;

namespace Sitrep.Cli;

/// <summary>
/// The main job: ingest, annotate every document, group them into stories, fuse each story into
/// its picture, and write the report folder.
/// </summary>
public sealed class AnalyzeRun(Func<IReadOnlyList<Document>, IReadOnlyList<IReadOnlyList<Document>>> groupStories)
{
    public int Run(IReadOnlyList<string> inputs, string outFolder)
    {
        var problems = new ConsoleProblemSink();
        var documents = new List<Document>();
        using (var progress = Progress.Start("annotated", outputOnTerminal: false))
            foreach (var document in new DocumentRun(Pipeline.Annotation(), JsonRecords.Annotated, "annotated")
                         .Process(new ArticleSource(problems).Read(inputs), problems))
            {
                documents.Add(document);
                progress.Advance(document);
            }
        var analyzer = StoryAnalyzer.Default();
        var stories = groupStories(documents)
            .Select((members, i) => (Id: $"s{i + 1}", Members: members))
            .AsParallel().AsOrdered()
            .Select(s => analyzer.Analyze(s.Id, s.Members))
            .ToList();
        ReportFolder.Write(new SituationPicture(documents, stories), outFolder);
        return problems.Count > 0 ? SitrepCommandLine.InputProblems : SitrepCommandLine.Success;
    }
}
