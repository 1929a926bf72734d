using System.Text.Json;
using Sitrep.Cli;

namespace Sitrep.Tests.Situation;

/// <summary>A fixture folder of invented coverage (Fixtures/NAME) analysed by <c>sitrep analyze</c>, and its situation.json.</summary>
public sealed class AnalyzedFixture : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("sitrep-analyzed-").FullName;

    public AnalyzedFixture(string name)
    {
        AnalyzeRun.Run([Path.Combine(AppContext.BaseDirectory, "Fixtures", name)], folder).ShouldBe(SitrepCommandLine.Success);
        var situation = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "situation.json"))).RootElement;
        Stories = [.. situation.GetProperty("stories").EnumerateArray()];
        Documents = [.. situation.GetProperty("documents").EnumerateArray()];
        Situations = [.. situation.GetProperty("situations").EnumerateArray()];
        ReportMarkdown = File.ReadAllText(Path.Combine(folder, "report.md"));
    }

    public JsonElement[] Stories { get; }
    public JsonElement[] Documents { get; }
    public JsonElement[] Situations { get; }
    public string ReportMarkdown { get; }

    public JsonElement Document(string id) => Documents.Single(d => d.GetProperty("id").GetString() == id);

    /// <summary>The story that holds the document.</summary>
    public JsonElement StoryOf(string id) => Stories.Single(s => Strings(s, "documents").Contains(id));

    public static string[] Strings(JsonElement e, string name) => [.. e.GetProperty(name).EnumerateArray().Select(x => x.GetString()!)];

    public static string? String(JsonElement e, string name) =>
        e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetString();

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
