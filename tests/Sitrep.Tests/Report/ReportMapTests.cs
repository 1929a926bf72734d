using System.Text.Json;
using System.Text.RegularExpressions;
using Sitrep.Report;
using Sitrep.Situation;
using Sitrep.Tests.Situation;

namespace Sitrep.Tests.Report;

public sealed class ReportMapTests
{
    private static string Map(StoryPicture story)
    {
        var w = new StringWriter();
        ReportMap.Write(w, story, id => "#doc-" + id);
        return w.ToString();
    }

    /// <summary>The data the page gives sitrep-map.js.</summary>
    private static JsonElement Data(string map) =>
        JsonDocument.Parse(Regex.Match(map, "<script type=\"application/json\" class=\"map-data\">(.*?)</script>").Groups[1].Value).RootElement;

    private static IReadOnlyList<(string Name, bool Labelled, int Points)> Outlines(params MapView[] views) =>
        JsonDocument.Parse(ReportMap.Outlines(views, WorldMap.Default)).RootElement.GetProperty("countries").EnumerateArray()
            .Select(c => (c.GetProperty("name").GetString()!, c.TryGetProperty("label", out _),
                          c.GetProperty("rings").EnumerateArray().Sum(r => r.GetString()!.Split(',').Length / 2))).ToList();

    [Fact]
    public void The_baked_outlines_cover_the_world_and_put_cities_in_their_countries()
    {
        var world = WorldMap.Default;
        world.Countries.Count.ShouldBeGreaterThan(200);
        bool In(string country, double lon, double lat) => world.Countries.Single(c => c.Name == country).Rings.Count(r => r.Contains(lon, lat)) % 2 == 1;
        In("Rwanda", 30.0619, -1.9441).ShouldBeTrue();          // Kigali
        In("Dem. Rep. Congo", 29.2205, -1.6585).ShouldBeTrue(); // Goma
        In("Rwanda", 29.2205, -1.6585).ShouldBeFalse();
        In("Mali", 2.4022, 15.9182).ShouldBeTrue();             // Menaka
        In("South Africa", 27.48, -29.31).ShouldBeFalse();      // Maseru, inside Lesotho: a hole in South Africa
    }

    [Fact]
    public void A_story_map_opens_on_its_places_and_gives_each_place_and_event_with_its_sources()
    {
        var kivu = KivuCoverage.Picture().Stories[0];
        var data = Data(Map(kivu));
        var view = data.GetProperty("view").EnumerateArray().Select(v => v.GetDouble()).ToArray(); // south, west, north, east
        foreach (var p in kivu.Places.Where(p => p.Point != null))
        {
            p.Lat!.Value.ShouldBeInRange(view[0], view[2]);
            p.Lon!.Value.ShouldBeInRange(view[1], view[3]);
        }
        (view[2] - view[0]).ShouldBeLessThan(3); // the four towns lie within a degree of each other

        data.GetProperty("places").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ShouldBe(["Sake", "Goma", "Minova", "Bukavu"], ignoreOrder: true);
        var events = data.GetProperty("events").EnumerateArray().ToList();
        events.Count.ShouldBe(kivu.Events.Count(e => e.Lat != null));
        events.Count(e => e.GetProperty("kind").GetString() == EventKind.Strike).ShouldBe(2);
        events.Count(e => e.GetProperty("kind").GetString() == EventKind.Capture).ShouldBe(1);
        events.Where(e => e.TryGetProperty("to", out _)).Select(e => $"{e.GetProperty("place").GetString()} to {e.GetProperty("to").GetProperty("name").GetString()}")
              .ShouldBe(["Sake to Goma", "Minova to Bukavu"], ignoreOrder: true);
        // Every source a marker cites has its link and outlet.
        var sources = data.GetProperty("sources");
        foreach (var id in events.SelectMany(e => e.GetProperty("sources").EnumerateArray()).Select(s => s.GetString()!))
            sources.GetProperty(id)[0].GetString().ShouldBe("#doc-" + id);
        sources.GetProperty("kivu-courier")[1].GetString().ShouldBe("Kivu Courier");
    }

    [Fact]
    public void Outlines_are_detailed_round_a_maps_view_and_coarse_elsewhere()
    {
        var kivu = MapView.Around([(29.0435, -1.5736), (28.8608, -2.5083)]);
        var outlines = Outlines(kivu);
        var congo = outlines.Single(c => c.Name == "Dem. Rep. Congo");
        var canada = outlines.Single(c => c.Name == "Canada");
        congo.Labelled.ShouldBeTrue();
        canada.Labelled.ShouldBeFalse();
        congo.Points.ShouldBeGreaterThan(2 * Outlines(MapView.Around([(-75.0, 45.0)])).Single(c => c.Name == "Dem. Rep. Congo").Points); // coarse from Canada
        outlines.Count.ShouldBeGreaterThan(100);          // zoomed out, the world is still there
        ReportMap.Outlines([kivu], WorldMap.Default).Length.ShouldBeLessThan(60_000);
        // A view of the whole world needs no more than a coarse world.
        ReportMap.Outlines([MapView.Around([(-120.0, 50.0), (140.0, -30.0)])], WorldMap.Default).Length.ShouldBeLessThan(150_000);
    }

    [Fact]
    public void A_single_town_is_shown_with_its_surroundings()
    {
        var view = MapView.Around([(29.2205, -1.6585)]);
        (view.North - view.South).ShouldBeGreaterThanOrEqualTo(MapView.MinimumSpan);
        ((view.West + view.East) / 2).ShouldBe(29.2205, 0.0001);
        ((view.North + view.South) / 2).ShouldBe(-1.6585, 0.0001);
    }

    [Fact]
    public void Places_without_coordinates_are_not_listed_and_a_story_without_located_places_has_no_map()
    {
        var story = StoryAnalyzer.Default().Analyze("s1", [MarkedText.Document("d1", "Fighting spread to {LOC Tawila} and {LOC Kutum} on {DATE Sunday=2025-05-04}.")]);
        story.Places.Clear();
        story.Places.Add(new StoryPlace("Tawila", null, null, null, ["d1"], 1));
        Map(story).ShouldBeEmpty();

        var kivu = KivuCoverage.Picture().Stories[0];
        kivu.Places.Add(new StoryPlace("Red Cross", null, null, null, ["kivu-courier"], 3)); // an organisation the places stage kept
        var map = Map(kivu);
        map.ShouldNotContain("Red Cross");
        Data(map).GetProperty("places").GetArrayLength().ShouldBe(4);
    }
}
