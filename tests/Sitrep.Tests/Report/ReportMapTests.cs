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
        ReportMap.Write(w, story, WorldMap.Default);
        return w.ToString();
    }

    private static IReadOnlyList<string> Countries(string svg) =>
        Regex.Matches(svg, "<path class=\"country\"[^>]*><title>([^<]+)</title>").Select(m => m.Groups[1].Value).ToList();

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
    public void A_story_map_zooms_to_its_places_with_a_margin_and_draws_only_the_countries_in_view()
    {
        var picture = KivuCoverage.Picture();
        var kivu = Map(picture.Stories[0]);
        Countries(kivu).ShouldContain("Rwanda");
        Countries(kivu).ShouldContain("Dem. Rep. Congo");
        Countries(kivu).ShouldNotContain("Mali");
        Countries(kivu).Count.ShouldBeLessThan(8);
        kivu.Length.ShouldBeLessThan(40_000);

        var places = picture.Stories[0].Places;
        var frame = MapFrame.Around(places.Select(p => (p.Lon!.Value, p.Lat!.Value)).ToList(), 900, 520);
        foreach (var p in places)
        {
            frame.X(p.Lon!.Value).ShouldBeInRange(900 * 0.1, 900 * 0.9);
            frame.Y(p.Lat!.Value).ShouldBeInRange(520 * 0.1, 520 * 0.9);
        }
        (frame.North - frame.South).ShouldBeLessThan(5); // the four towns lie within a degree of each other
    }

    [Fact]
    public void A_single_town_is_shown_with_its_surroundings()
    {
        var frame = MapFrame.Around([(29.2205, -1.6585)], 900, 520);
        (frame.North - frame.South).ShouldBeGreaterThanOrEqualTo(MapFrame.MinimumSpan);
        frame.X(29.2205).ShouldBe(450, 0.01);
        frame.Y(-1.6585).ShouldBe(260, 0.01);
    }

    [Fact]
    public void Strikes_captures_and_displacements_get_their_own_markers_and_flights_become_arrows_to_the_destination()
    {
        var map = Map(KivuCoverage.Picture().Stories[0]);
        var svg = map[..map.IndexOf("<figcaption>", StringComparison.Ordinal)]; // the legend repeats each kind once
        Regex.Count(svg, "class=\"marker event strike\"").ShouldBe(2);
        Regex.Count(svg, "class=\"marker event capture\"").ShouldBe(1);
        Regex.Count(svg, "class=\"marker event displacement\"").ShouldBe(2);
        Regex.Matches(svg, "<path class=\"flight\"[^>]*marker-end=\"url\\(#arrowhead\\)\"><title>([^<]+)</title>")
             .Select(m => m.Groups[1].Value).ShouldBe(["Sake to Goma", "Minova to Bukavu"], ignoreOrder: true);
    }

    [Fact]
    public void Places_without_coordinates_are_named_even_when_there_is_no_map()
    {
        var story = StoryAnalyzer.Default().Analyze("s1", [MarkedText.Document("d1", "Fighting spread to {LOC Tawila} and {LOC Kutum} on {DATE Sunday=2025-05-04}.")]);
        story.Places.Add(new StoryPlace("Tawila", null, null, null, ["d1"], 1));
        var html = Map(story);
        html.ShouldNotContain("<svg");
        html.ShouldContain("Places without coordinates, not on the map: Tawila.");
    }

    [Fact]
    public void A_story_spanning_continents_stays_a_compact_map()
    {
        var story = StoryAnalyzer.Default().Analyze("s1", [MarkedText.Document("d1", """
            Officials in {PLACE Washington=US:38.9072:-77.0369} condemned the strike on {PLACE Kyiv=UA:50.4501:30.5234} and met envoys in {PLACE Beijing=CN:39.9042:116.4074}.
            """)]);
        var svg = Map(story);
        Countries(svg).ShouldContain("Ukraine");
        Countries(svg).ShouldContain("United States of America");
        svg.Length.ShouldBeLessThan(400_000);
    }
}
