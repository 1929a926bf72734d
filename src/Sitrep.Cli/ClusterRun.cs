using Sitrep.Composition;
using System.Text.Json;
using Sitrep.Ingest;
using Sitrep.Stories;

namespace Sitrep.Cli;

/// <summary>
/// <c>sitrep cluster</c>: reads and annotates all documents, then clusters them in input order as a
/// stream would, and refines the finished stories (<see cref="StoryRefinement"/>). The only
/// look-ahead during the pass is the document frequencies, counted over the whole input first so
/// that the first documents are weighed as well as the last. Only each document's term counts are
/// kept, not its text.
/// </summary>
public static class ClusterRun
{
    public static int Run(IReadOnlyList<string> inputs, string? outPath)
    {
        var problems = new ConsoleProblemSink();
        var grouping = new StoryGrouping<string>();
        var derivedFrom = new List<(string Id, IReadOnlyList<Derivation> From)>();
        var pipeline = new DocumentRun(Pipeline.StoryReading(), (_, _) => { }, "read");
        foreach (var document in pipeline.Process(new ArticleSource(problems).Read(inputs), problems))
        {
            grouping.Add(document, document.Id);
            if (document.DerivedFrom.Count > 0) derivedFrom.Add((document.Id, document.DerivedFrom));
        }
        var stories = grouping.Stories();

        using (var output = JsonLinesOutput.Open(outPath))
            output.Write((stories, derivedFrom), WriteStories);
        return problems.Count > 0 ? SitrepCommandLine.InputProblems : SitrepCommandLine.Success;
    }

    /// <summary>The contract's stories, and (an addition) what each document reuses: earlier document ids or outlet names.</summary>
    private static void WriteStories(Utf8JsonWriter w, (List<List<string>> Stories, List<(string Id, IReadOnlyList<Derivation> From)> DerivedFrom) result)
    {
        var (stories, derivedFrom) = result;
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
        w.WriteStartObject("derived_from");
        foreach (var (id, from) in derivedFrom)
        {
            w.WriteStartArray(id);
            foreach (var source in from.Select(f => f.Source).Distinct()) w.WriteStringValue(source);
            w.WriteEndArray();
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
