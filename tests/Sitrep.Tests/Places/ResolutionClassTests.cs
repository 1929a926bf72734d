using Sitrep.Places;
using static Sitrep.Tests.Places.GeoparserTests;

namespace Sitrep.Tests.Places;

/// <summary>The error classes of held-out geoparsing sets (issue 19), each on sentences written for it.</summary>
public class ResolutionClassTests
{
    private static Document Annotate(string text, params (string Surface, EntityType Type)[] entities)
    {
        var document = new Document("test", new SourceLocation("test.txt")) { Text = text, TextIsInput = true };
        foreach (var (surface, type) in entities)
        {
            int start = text.IndexOf(surface, StringComparison.Ordinal);
            document.Entities.Add(new EntityMention(start, start + surface.Length, surface, type));
        }
        new Geoparser().Process(document);
        return document;
    }

    [Fact]
    public void A_place_the_gazetteer_lacks_lies_at_the_place_named_in_its_sentence()
    {
        var d = Annotate("Rebels in Ghouta shelled Damascus on Tuesday, killing four people.", ("Ghouta", EntityType.Location), ("Damascus", EntityType.Location));
        var ghouta = Place(d, "Ghouta");
        ghouta.Name.ShouldBe("Ghouta");
        Km(ghouta, 33.51, 36.29).ShouldBeLessThan(30);
    }

    [Fact]
    public void A_place_the_gazetteer_lacks_lies_at_the_town_the_story_names_most()
    {
        var d = Annotate("Fire crews were sent to Kelowna on Monday as a wildfire grew. By the evening the flames had reached "
                         + "Ashbury Flats, where 40 homes were evacuated. Kelowna's mayor asked residents to stay away.",
            ("Ashbury Flats", EntityType.Location));
        Km(Place(d, "Ashbury Flats"), 49.88, -119.49).ShouldBeLessThan(20);
    }

    [Fact]
    public void An_ordinary_word_inside_a_longer_name_is_no_place()
    {
        var d = Annotate("The Holy See said the envoy would arrive on Independence Day.", ("Holy See", EntityType.Organization), ("Independence Day", EntityType.Misc));
        d.Places.ShouldNotContain(p => p.Text == "See" || p.Text == "Day" || p.Text == "Independence");
    }

    [Fact]
    public void An_organisation_written_in_capitals_is_no_place_but_a_dateline_is()
    {
        var d = Annotate("CINCINNATI (AP) — NATO ministers will meet in Brussels next week, the alliance said.",
            ("CINCINNATI", EntityType.Organization), ("NATO", EntityType.Organization), ("Brussels", EntityType.Location));
        d.Places.ShouldNotContain(p => p.Text == "NATO");
        Km(Place(d, "CINCINNATI"), 39.10, -84.51).ShouldBeLessThan(20);
    }

    [Fact]
    public void A_disease_named_after_a_place_is_no_place()
    {
        var d = Annotate("Health officials in Marburg confirmed two new cases of Marburg fever, one of West Nile virus, and warned of HIV infections.",
            ("HIV", EntityType.Misc), ("West Nile", EntityType.Location));
        d.Places.Count(p => p.Text == "Marburg").ShouldBe(1);
        d.Places.ShouldNotContain(p => p.Text == "HIV" || p.Text.Contains("Nile"));
    }

    [Fact]
    public void A_title_or_an_ordinary_word_alone_is_no_place()
    {
        var d = Annotate("The Pope will celebrate Mass at the Park in Ottawa on Sunday.", ("Pope", EntityType.Location), ("Park", EntityType.Location), ("Ottawa", EntityType.Location));
        d.Places.Select(p => p.Text).ShouldBe(["Ottawa"]);
    }

    [Fact]
    public void A_respelling_is_never_a_demonym()
    {
        var d = Annotate("Talks on the Korean Peninsula stalled again on Friday.", ("Korean", EntityType.Misc));
        d.Places.ShouldNotContain(p => p.Name == "Kerian");
    }

    [Theory]
    [InlineData("Texas", 31.25, -99.25, 50)]
    [InlineData("Heilongjiang", 48.0, 128.0, 100)]
    [InlineData("Manitoba", 55.0, -97.0, 50)]
    [InlineData("Ontario", 49.25, -84.5, 150)]
    public void A_first_level_region_lies_at_the_centre_of_its_area(string region, double lat, double lon, double km)
    {
        // The points GeoNames gives these regions; the centre of their towns lay far south of them.
        var d = Annotate($"Officials in {region} said the new rules would take effect in January.");
        var p = Place(d, region);
        p.Kind.Name().ShouldBe("admin");
        Km(p, lat, lon).ShouldBeLessThan(km);
    }

    [Fact]
    public void Canadian_and_Australian_abbreviations_name_their_province_or_state()
    {
        var d = Annotate("Wildfires forced evacuations near Kelowna, B.C., while floods cut roads around Dubbo, N.S.W., on Sunday.");
        Place(d, "B.C.").Name.ShouldBe("British Columbia");
        Place(d, "N.S.W.").Name.ShouldBe("New South Wales");
        Km(Place(d, "Dubbo"), -32.25, 148.60).ShouldBeLessThan(20);
    }

    [Fact]
    public void An_acronym_ending_a_sentence_leaves_the_full_stop_out()
    {
        var d = Annotate("Heavy rain is forecast for Sydney and the coast of New South Wales. Flood warnings cover much of NSW.");
        Place(d, "NSW").Name.ShouldBe("New South Wales");
    }

    [Theory]
    [InlineData("Frankfurt", 50.11, 8.68)]
    [InlineData("Ludwigshafen", 49.48, 8.45)]
    [InlineData("Newcastle", 54.97, -1.61)]
    public void A_city_is_known_by_its_name_without_its_river(string city, double lat, double lon)
    {
        var d = Annotate($"A chemical plant in {city} caught fire on Thursday, and the fire brigade warned residents across Germany and Britain to keep windows shut.");
        Km(Place(d, city), lat, lon).ShouldBeLessThan(20);
    }
}
