using System.Text.Json;
using Sitrep.Cli;

namespace Sitrep.Tests.Stories;

public class ClusterCommandTests
{
    [Fact]
    public void Cluster_writes_every_document_in_exactly_one_story_and_what_rewrites_reuse()
    {
        var folder = Directory.CreateTempSubdirectory("sitrep-cluster-");
        try
        {
            var input = Path.Combine(folder.FullName, "feed.jsonl");
            var documents = StoryFixtures.NorvaniaQuake.Concat(StoryFixtures.HarbourStrike).ToList();
            var copy = new { id = "strike-copy", text = StoryFixtures.HarbourStrike[0].Text.Replace("on Friday", "late on Friday"), outlet = "Aggregator" };
            File.WriteAllLines(input, documents.Select(d => JsonSerializer.Serialize(new { id = d.Id, text = d.Text, outlet = d.Outlet }))
                .Append(JsonSerializer.Serialize(copy)).Append("{\"id\": \"broken\""));
            var output = Path.Combine(folder.FullName, "stories.json");

            int exit = SitrepCommandLine.Build().Parse(["cluster", input, "--out", output]).Invoke();

            exit.ShouldBe(SitrepCommandLine.InputProblems); // the broken line is reported, the rest clustered
            using var result = JsonDocument.Parse(File.ReadAllText(output));
            var stories = result.RootElement.GetProperty("stories").EnumerateArray()
                .Select(s => s.GetProperty("documents").EnumerateArray().Select(d => d.GetString()!).ToList()).ToList();
            stories.SelectMany(s => s).Order().ShouldBe(documents.Select(d => d.Id).Append("strike-copy").Order());
            stories.ShouldContain(s => s.Count == 6 && s.Contains("strike-copy"));
            result.RootElement.GetProperty("derived_from").GetProperty("strike-copy").EnumerateArray().Select(e => e.GetString()).ShouldBe(["strike-1"]);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
