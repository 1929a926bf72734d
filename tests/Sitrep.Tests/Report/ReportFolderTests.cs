using System.Text.Json;
using Sitrep.Report;
using Sitrep.Situation;
using Sitrep.Tests.Situation;

namespace Sitrep.Tests.Report;

public sealed class ReportFolderTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "sitrep-report-" + Guid.NewGuid().ToString("N"));

    private SituationPicture Picture()
    {
        var documents = new[]
        {
            MarkedText.Document("gaza-1", """
                {ORG Israeli Air Force} jets struck a school in {PLACE Khan Younis=PS:31.3462:34.3063} on {DATE Friday=2025-03-07}.
                Hundreds of families fled {PLACE Khan Younis=PS:31.3462:34.3063} towards {PLACE Rafah=PS:31.2969:34.2455}.
                """, published: "2025-03-08", title: "Strike on Khan Younis school <script>alert('title')</script>", outlet: "Coast Monitor"),
            MarkedText.Document("gaza-2", """
                Jets of the {ORG Israeli Air Force} struck a school in {PLACE Khan Younis=PS:31.3462:34.3063} on {DATE Friday=2025-03-07}. <script>alert('body')</script>
                """, published: "2025-03-08", title: "School hit", outlet: "Levant Ledger"),
        };
        var story = StoryAnalyzer.Default().Analyze("s1", documents);
        return new SituationPicture(documents, [story]);
    }

    [Fact]
    public void Analyze_writes_the_five_files_with_cited_events_and_located_features()
    {
        ReportFolder.Write(Picture(), folder);

        using var situation = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "situation.json")));
        var story = situation.RootElement.GetProperty("stories")[0];
        var strike = story.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "ASSAULT");
        strike.GetProperty("mode").GetString().ShouldBe("aerial");
        strike.GetProperty("sources").EnumerateArray().Select(s => s.GetString()).ShouldBe(["gaza-1", "gaza-2"]);
        strike.GetProperty("date").GetString().ShouldBe("2025-03-07");
        var flight = story.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "DISPLACE");
        flight.GetProperty("destination").GetProperty("name").GetString().ShouldBe("Rafah");

        var csv = File.ReadAllLines(Path.Combine(folder, "events.csv"));
        csv[0].ShouldStartWith("event_id,story_id,event_date,event_type,sub_event_type,actor1,actor2,country,admin1,location,latitude,longitude,source");
        csv.ShouldContain(line => line.Contains("ASSAULT,aerial,Israeli Air Force") && line.Contains("Coast Monitor; Levant Ledger"));

        using var geo = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "places.geojson")));
        var features = geo.RootElement.GetProperty("features").EnumerateArray().ToList();
        features.ShouldContain(f => f.GetProperty("properties").GetProperty("feature").GetString() == "event"
                                    && f.GetProperty("properties").GetProperty("type").GetString() == "DISPLACE");
        features.Count(f => f.GetProperty("properties").GetProperty("feature").GetString() == "place").ShouldBe(2);

        File.ReadAllText(Path.Combine(folder, "report.md")).ShouldContain("### Timeline");
    }

    [Fact]
    public void Article_text_and_titles_with_script_tags_are_shown_as_text_in_the_html_report()
    {
        ReportFolder.Write(Picture(), folder);
        var html = File.ReadAllText(Path.Combine(folder, "report.html"));
        html.ShouldNotContain("<script>alert");
        html.ShouldContain("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;");
        // In the map's data the text is JSON with its angle brackets escaped: it cannot end the script element.
        var data = System.Text.RegularExpressions.Regex.Match(html, "class=\"map-data\">(.*?)</script>").Groups[1].Value;
        data.ShouldNotContain("<");
        data.ShouldContain("\"kind\":\"strike\"");
    }

    public void Dispose()
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }
}
