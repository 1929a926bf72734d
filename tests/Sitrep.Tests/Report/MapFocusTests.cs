using System.Text.RegularExpressions;
using Sitrep.Report;
using Sitrep.Situation;
using Sitrep.Tests.Situation;

namespace Sitrep.Tests.Report;

/// <summary>
/// The map's default view holds a story's main cluster of places: the few far-off points a story
/// also names (officials abroad, a country's centroid, a namesake town a geoparser picked) are
/// named in the caption instead of zooming the map out to the world.
/// </summary>
public sealed class MapFocusTests
{
    /// <summary>A story of one offensive with its cities, the capitals where it was discussed and the geoparser's namesakes, as (name, country, lat, lon, kind, mentions).</summary>
    internal static StoryPicture Story(params (string Name, string Country, double Lat, double Lon, PlaceKind Kind, int Mentions)[] places)
    {
        var story = StoryAnalyzer.Default().Analyze("s1", [MarkedText.Document("d1", "Fighting went on for a third day, residents said.")]);
        story.Places.Clear();
        story.Places.AddRange(places.Select(p => new StoryPlace(p.Name, p.Country, new GeoPoint(p.Lat, p.Lon), p.Kind, ["d1"], p.Mentions)));
        return story;
    }

    internal static readonly (string, string, double, double, PlaceKind, int)[] SyrianCities =
    [
        ("Damascus", "SY", 33.5138, 36.2765, PlaceKind.City, 14), ("Aleppo", "SY", 36.2021, 37.1343, PlaceKind.City, 9),
        ("Idlib", "SY", 35.9306, 36.6339, PlaceKind.City, 7), ("Homs", "SY", 34.7324, 36.7137, PlaceKind.City, 5),
        ("Hama", "SY", 35.1318, 36.7578, PlaceKind.City, 4), ("Latakia", "SY", 35.5317, 35.7901, PlaceKind.City, 3),
        ("Deir ez-Zor", "SY", 35.3359, 40.1408, PlaceKind.City, 3), ("Raqqa", "SY", 35.9594, 39.0079, PlaceKind.City, 2),
        ("Qamishli", "SY", 37.0522, 41.2317, PlaceKind.City, 1), ("Daraa", "SY", 32.6189, 36.1021, PlaceKind.City, 2),
    ];

    internal static readonly (string, string, double, double, PlaceKind, int)[] Elsewhere =
    [
        ("Beirut", "LB", 33.8938, 35.5018, PlaceKind.City, 2), ("Amman", "JO", 31.9454, 35.9284, PlaceKind.City, 1),
        ("Syria", "SY", 34.8021, 38.9968, PlaceKind.Country, 20), ("Russia", "RU", 61.5240, 105.3188, PlaceKind.Country, 4),
        ("Moscow", "RU", 55.7558, 37.6173, PlaceKind.City, 3), ("Washington", "US", 38.9072, -77.0369, PlaceKind.City, 2),
        ("Geneva", "CH", 46.2044, 6.1432, PlaceKind.City, 1), ("Tehran", "IR", 35.6892, 51.3890, PlaceKind.City, 1),
        ("Freedom", "US", 36.9350, -121.7930, PlaceKind.City, 1), ("Satan", "PH", 7.2333, 124.7167, PlaceKind.City, 1),
    ];

    [Fact]
    public void A_syrian_offensive_is_framed_on_syria_and_its_neighbours_whatever_else_it_names()
    {
        var frame = MapFocus.View(Story([.. SyrianCities, .. Elsewhere]))!;

        foreach (var (name, _, lat, lon, _, _) in SyrianCities) frame.Shows(lon, lat).ShouldBeTrue(name);
        frame.West.ShouldBeGreaterThan(28);  // Cyprus and the Turkish coast at most
        frame.East.ShouldBeLessThan(50);     // western Iran at most
        frame.South.ShouldBeGreaterThan(27); // northern Saudi Arabia at most
        frame.North.ShouldBeLessThan(42);    // southern Turkey
        frame.Shows(37.6173, 55.7558).ShouldBeFalse("Moscow");
        frame.Shows(51.3890, 35.6892).ShouldBeFalse("Tehran");
    }

    [Fact]
    public void The_map_holds_every_place_and_names_the_far_ones_in_its_caption()
    {
        var w = new StringWriter();
        ReportMap.Write(w, Story([.. SyrianCities, .. Elsewhere]), id => "#doc-" + id);
        var html = w.ToString();

        var data = System.Text.Json.JsonDocument.Parse(Regex.Match(html, "class=\"map-data\">(.*?)</script>").Groups[1].Value).RootElement;
        var places = data.GetProperty("places").EnumerateArray().ToList();
        places.Count.ShouldBe(SyrianCities.Length + Elsewhere.Length); // zoomed out, the far places are there too
        places.Where(p => p.GetProperty("label").GetBoolean()).Select(p => p.GetProperty("name").GetString()).ShouldNotContain("Moscow");
        html.ShouldContain("Also named, outside this view");
        foreach (var far in new[] { "Moscow (RU)", "Washington (US)", "Freedom (US)", "Satan (PH)", "Geneva (CH)" }) html.ShouldContain(far);
        html.ShouldNotContain("Qamishli (SY)");
    }

    [Fact]
    public void A_sahel_story_with_a_paris_statement_and_a_namesake_abroad_is_framed_on_mali()
    {
        var frame = MapFocus.View(Story(
            ("Menaka", "ML", 15.9182, 2.4022, PlaceKind.City, 6), ("Gao", "ML", 16.2717, -0.0447, PlaceKind.City, 4),
            ("Kidal", "ML", 18.4411, 1.4078, PlaceKind.City, 3), ("Ansongo", "ML", 15.6597, 0.5022, PlaceKind.City, 2),
            ("Niamey", "NE", 13.5116, 2.1254, PlaceKind.City, 1), ("Mali", "ML", 17.5707, -3.9962, PlaceKind.Country, 5),
            ("Paris", "FR", 48.8566, 2.3522, PlaceKind.City, 2), ("Gao", "CN", 34.0, 108.9, PlaceKind.City, 1)))!;

        foreach (var (lon, lat) in new[] { (2.4022, 15.9182), (-0.0447, 16.2717), (1.4078, 18.4411), (2.1254, 13.5116) }) frame.Shows(lon, lat).ShouldBeTrue();
        frame.Shows(2.3522, 48.8566).ShouldBeFalse("Paris");
        (frame.North - frame.South).ShouldBeLessThan(15);
    }

    [Fact]
    public void Capitals_of_a_story_spread_over_continents_all_stay_in_view()
    {
        var frame = MapFocus.View(Story(
            ("Washington", "US", 38.9072, -77.0369, PlaceKind.City, 1), ("Kyiv", "UA", 50.4501, 30.5234, PlaceKind.City, 1)))!;
        frame.Shows(-77.0369, 38.9072).ShouldBeTrue();
        frame.Shows(30.5234, 50.4501).ShouldBeTrue();
    }
}
