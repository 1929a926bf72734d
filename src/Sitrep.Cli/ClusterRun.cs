using System.Text.Json;
using Sitrep.Ingest;
using Sitrep.Stories;

namespace Sitrep.Cli;

/// <summary>
/// <c>sitrep cluster</c>: reads and annotates all documents, then clusters them in input order as a
/// stream would. The only look-ahead is the document frequencies, counted over the whole input
/// first so that the first documents are weighed as well as the last.
/// </summary>
public static class ClusterRun
{
    public static int Run(IReadOnlyList<string> inputs, string? outPath)
    {
        var problems = new ConsoleProblemSink();
        var profiler = new StoryProfiler();
        var documents = new List<(string Id, DocumentTerms Terms)>();
        var pipeline = new DocumentRun(Pipeline.Annotation(), (_, _) => { }, "read");
        foreach (var document in pipeline.Process(new ArticleSource(problems).Read(inputs), problems))
            documents.Add((document.Id, profiler.Count(document)));

        var stories = StoryBatch.Cluster(documents.Select(d => d.Terms).ToList(), StoryDecision.Default, new StoryRefinement())
            .Select(story => story.Select(i => documents[i].Id).ToList()).ToList();

        using (var output = JsonLinesOutput.Open(outPath))
            output.Write(stories, WriteStories);
        return problems.Count > 0 ? SitrepCommandLine.InputProblems : SitrepCommandLine.Success;
    }

    private static void WriteStories(Utf8JsonWriter w, List<List<string>> stories)
    {
        w.WriteStartObject();
        w.WriteStartArray("stories");
        for (int i = 0; i < stories.Count; i++)
        {
            w.WriteStartObject();
            w.WriteString("id", $"s{i + 1}");
            w.WriteStartArray("documents");
            foreach (var id in stories[i]) w.WriteStringValue(id);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
