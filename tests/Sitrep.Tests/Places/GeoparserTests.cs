using Sitrep.Places;

namespace Sitrep.Tests.Places;

public class GeoparserTests
{
    private static Document Annotate(string text, params EntityMention[] entities)
    {
        var document = new Document("test", new SourceLocation("test.txt")) { Text = text, TextIsInput = true };
        document.Entities.AddRange(entities);
        new Geoparser().Process(document);
        return document;
    }

    internal static PlaceMention Place(Document d, string surface) =>
        d.Places.FirstOrDefault(p => p.Text == surface) ?? throw new ShouldAssertException(
            $"no place '{surface}' among [{string.Join(", ", d.Places.Select(p => p.Text))}]");

    internal static double Km(PlaceMention p, double lat, double lon) => PlaceResolver.Kilometres(p.Lat!.Value, p.Lon!.Value, lat, lon);

    [Theory]
    [InlineData("El Fasher")]
    [InlineData("Al Fashir")]
    [InlineData("al-Fashir")]
    [InlineData("El-Fasher")]
    public void Spellings_of_El_Fasher_all_land_on_the_Sudanese_city(string spelling)
    {
        var d = Annotate($"The Rapid Support Forces shelled {spelling} again on Tuesday, residents said.");
        var p = Place(d, spelling);
        p.Country.ShouldBe("SD");
        p.Kind.Name().ShouldBe("city");
        Km(p, 13.63, 25.35).ShouldBeLessThan(20);
    }

    [Theory]
    [InlineData("Khan Younis")]
    [InlineData("Khan Yunis")]
    [InlineData("Khān Yūnis")]
    public void Khan_Younis_is_found_however_it_is_transliterated(string spelling)
    {
        var d = Annotate($"Families fled {spelling} after new evacuation orders for the southern Gaza Strip.");
        var p = Place(d, spelling);
        p.Country.ShouldBe("PS");
        Km(p, 31.34, 34.31).ShouldBeLessThan(15);
    }

    [Theory]
    [InlineData("Kiev")]
    [InlineData("Kyiv")]
    [InlineData("Kharkov")]
    [InlineData("Odessa")]
    public void Russian_and_Ukrainian_spellings_resolve_to_the_same_Ukrainian_city(string spelling)
    {
        var d = Annotate($"Air-raid sirens sounded over {spelling} for three hours overnight.");
        Place(d, spelling).Country.ShouldBe("UA");
    }

    [Fact]
    public void A_one_letter_misspelling_of_a_well_known_city_still_resolves()
    {
        var d = Annotate("Separatist officials in Donestk said the shelling had stopped."); // Donetsk, letters swapped
        var p = Place(d, "Donestk");
        p.Country.ShouldBe("UA");
        Km(p, 48.02, 37.80).ShouldBeLessThan(20);
    }

    [Fact]
    public void Paris_is_in_France_when_the_text_is_about_France()
    {
        var d = Annotate("French police cleared a protest camp in Paris on Sunday. Lyon and Marseille saw smaller rallies, " +
                         "the interior ministry of France said.");
        Place(d, "Paris").Country.ShouldBe("FR");
    }

    [Fact]
    public void Paris_is_in_Texas_when_the_text_is_about_Northeast_Texas()
    {
        var d = Annotate("The Lamar County commissioners met in Paris on Monday to discuss road repairs. " +
                         "Drivers between Paris and Clarksville, Texas, should expect delays, officials said.");
        var p = Place(d, "Paris");
        p.Country.ShouldBe("US");
        Km(p, 33.66, -95.56).ShouldBeLessThan(20);
    }

    [Fact]
    public void A_place_written_after_a_comma_holds_the_one_before_it()
    {
        var d = Annotate("The storm knocked out power in Gainesville, Ga., and in Athens, Ga., late Sunday.");
        Place(d, "Gainesville").Lat!.Value.ShouldBe(34.30, 0.1);
        Place(d, "Athens").Country.ShouldBe("US");
        Place(d, "Ga.").Name.ShouldBe("Georgia");
    }

    [Theory]
    [InlineData("Cases were confirmed in Texas, Utah, Washington and Wyoming.")]
    [InlineData("The cow came from a Washington state farm.")]
    [InlineData("Officials in the state of Washington confirmed it.")]
    public void Lists_of_states_and_the_word_state_read_Washington_as_the_state(string text)
    {
        var p = Place(Annotate(text), "Washington");
        p.Kind.Name().ShouldBe("admin");
        p.Lon!.Value.ShouldBeLessThan(-115);
    }

    [Fact]
    public void Washington_alone_is_the_capital()
    {
        var p = Place(Annotate("Talks resumed in Washington on Tuesday."), "Washington");
        Km(p, 38.90, -77.04).ShouldBeLessThan(20);
    }

    [Fact]
    public void A_place_inside_an_organisation_name_is_a_place_mention_but_no_LOC_entity()
    {
        var d = Annotate("The Sudan Doctors Network said 14 people were killed in El Fasher. " +
                         "The Kharkiv Regional Administration reported no casualties.");
        d.Places.Select(p => p.Text).ShouldBe(["Sudan", "El Fasher", "Kharkiv"]);
        Place(d, "Sudan").Country.ShouldBe("SD");
        Place(d, "Sudan").Context?.Name().ShouldBe("organisation");
        Place(d, "Kharkiv").Lat!.Value.ShouldBe(50.0, 0.1);
        Place(d, "El Fasher").Context.ShouldBeNull();
        d.Entities.ShouldNotContain(e => e.Type == EntityType.Location && (e.Text == "Sudan" || e.Text == "Kharkiv"));
    }

    [Fact]
    public void The_taggers_organisation_mentions_keep_their_type_and_the_place_inside_them_is_located()
    {
        const string text = "Officials of Kherson Oblast Military Administration said Kherson was shelled.";
        var org = new EntityMention(13, 49, "Kherson Oblast Military Administration", EntityType.Organization);
        var d = Annotate(text, org);
        d.Places.Select(p => p.Text).ShouldBe(["Kherson", "Kherson"]);
        d.Places.ShouldAllBe(p => p.Country == "UA");
        d.Entities.Count(e => e.Type == EntityType.Organization).ShouldBe(1);
        d.Entities.Single(e => e.Type == EntityType.Location).Start.ShouldBe(text.LastIndexOf("Kherson", StringComparison.Ordinal));
    }

    [Fact]
    public void The_taggers_location_mentions_are_resolved_even_where_the_matcher_would_not_read_a_place()
    {
        const string text = "Reading was quiet overnight, police said.";
        var d = Annotate(text, new EntityMention(0, 7, "Reading", EntityType.Location));
        Place(d, "Reading").Country.ShouldBe("GB");
        d.Entities.Count(e => e.Type == EntityType.Location).ShouldBe(1); // not added twice
        Annotate(text).Places.ShouldBeEmpty();
    }

    [Fact]
    public void Demonyms_name_their_country_and_steer_the_reading_of_ambiguous_names()
    {
        var d = Annotate("Lebanese officials said Tripoli was calm after the clashes.");
        Place(d, "Lebanese").Name.ShouldBe("Lebanon");
        Place(d, "Lebanese").Context?.Name().ShouldBe("demonym");
        d.Entities.ShouldNotContain(e => e.Text == "Lebanese" && e.Type == EntityType.Location);
        Place(d, "Tripoli").Country.ShouldBe("LB");

        var libya = Annotate("Libyan officials said Tripoli was calm after the clashes.");
        Place(libya, "Tripoli").Country.ShouldBe("LY");
    }

    [Fact]
    public void People_named_like_towns_are_not_places()
    {
        var d = Annotate("Chiquita Raquel Henry, 19, was arrested on Tuesday. Henry told deputies she lived in Alexandria, La.");
        d.Places.Select(p => p.Text).ShouldBe(["Alexandria", "La."]);
        Place(d, "Alexandria").Lat!.Value.ShouldBe(31.3, 0.2);
    }

    [Fact]
    public void Named_features_are_attached_to_their_place()
    {
        var d = Annotate("Drones struck the Kherson airport. Government forces shelled the M4 motorway near Saraqib.");
        var airport = Place(d, "Kherson airport");
        airport.Kind.Name().ShouldBe("feature");
        airport.Country.ShouldBe("UA");
        var motorway = Place(d, "M4 motorway");
        motorway.Kind.Name().ShouldBe("feature");
        Km(motorway, 35.86, 36.80).ShouldBeLessThan(20);
    }

    [Fact]
    public void Every_place_named_as_a_place_is_also_a_LOC_entity_with_the_same_span()
    {
        var d = Annotate("Heavy rain hit Bangladesh and the Indian state of Assam, flooding Sylhet.");
        d.Places.Select(p => p.Text).ShouldBe(["Bangladesh", "Indian", "Assam", "Sylhet"]);
        foreach (var p in d.Places.Where(p => p.Text != "Indian"))
            d.Entities.ShouldContain(e => e.Start == p.Start && e.End == p.End && e.Type == EntityType.Location);
        Place(d, "Indian").Country.ShouldBe("IN");
        Place(d, "Bangladesh").Kind.Name().ShouldBe("country");
        Place(d, "Assam").Kind.Name().ShouldBe("admin");
    }

    [Fact]
    public void Regions_named_with_north_or_northern_are_one_region()
    {
        var d = Annotate("Fighting spread from North Darfur to Southern Kordofan and South Kordofan.");
        Place(d, "North Darfur").Name.ShouldBe("Northern Darfur");
        Place(d, "North Darfur").Kind.Name().ShouldBe("admin");
        d.Places.Where(p => p.Text.EndsWith("Kordofan")).Select(p => p.Name).Distinct().ShouldHaveSingleItem();
    }

    [Fact]
    public void Ordinary_words_and_weekdays_are_not_places()
    {
        var d = Annotate("However, Police said on Monday that Hope remained. March was wet in Georgia.");
        d.Places.Select(p => p.Text).ShouldBe(["Georgia"]);
    }

    [Fact]
    public void A_capital_keeps_its_reading_when_a_namesake_of_another_name_would_pull_it_away()
    {
        // Columbus, Ohio alone must not drag Jackson to Ohio: Jackson's own readings also vote for
        // Mississippi, where Columbus has a namesake too.
        var d = Annotate("The governor toured flood damage in Jackson, Columbus and Natchez.");
        Km(Place(d, "Jackson"), 32.30, -90.18).ShouldBeLessThan(20);
    }

    [Fact]
    public void A_location_the_gazetteer_does_not_know_is_read_for_the_place_names_inside_it()
    {
        const string text = "Storms moved across Northeast Kentucky overnight, and Frobbly Hollow lost power.";
        var d = Annotate(text, new EntityMention(20, 38, "Northeast Kentucky", EntityType.Location), new EntityMention(54, 68, "Frobbly Hollow", EntityType.Location));
        var kentucky = Place(d, "Kentucky");
        kentucky.Kind.Name().ShouldBe("admin");
        kentucky.Country.ShouldBe("US");
        // Nothing known inside: still a place, at the place its sentence names.
        var hollow = Place(d, "Frobbly Hollow");
        hollow.Name.ShouldBe("Frobbly Hollow");
        (hollow.Lat, hollow.Lon).ShouldBe((kentucky.Lat, kentucky.Lon));
    }

    [Fact]
    public void A_place_inside_an_organisation_name_draws_ambiguous_names_near_it()
    {
        var d = Annotate("Officers of the Shreveport Police Department were sent to help in Carthage.");
        Km(Place(d, "Carthage"), 32.16, -94.34).ShouldBeLessThan(20); // Texas, across the state line
    }

    [Theory]
    [InlineData("Henry County will repave two bridges this spring.", 0, 12)]
    [InlineData("Deputies took him to the Henry County Jail on Friday.", 25, 42)]
    public void A_county_named_like_a_person_is_a_county_even_where_the_tagger_reads_a_person(string text, int start, int end)
    {
        var d = Annotate(text, new EntityMention(start, end, text[start..end], EntityType.Person));
        var county = Place(d, "Henry County");
        county.Kind.Name().ShouldBe("admin");
        county.Country.ShouldBe("US");
    }

    [Fact]
    public void A_name_before_man_or_native_is_a_place_even_where_the_tagger_reads_a_person()
    {
        const string text = "A Tacoma man won the state lottery on Friday.";
        var d = Annotate(text, new EntityMention(2, 8, "Tacoma", EntityType.Person));
        Km(Place(d, "Tacoma"), 47.25, -122.44).ShouldBeLessThan(20);
    }

    [Fact]
    public void Names_listed_before_counties_are_counties()
    {
        var d = Annotate("Snow emergencies were declared in Polk, Story and Black Hawk counties on Monday.");
        d.Places.Select(p => p.Name).ShouldBe(["Polk County", "Story County", "Black Hawk County"]);
        d.Places.ShouldAllBe(p => p.Kind.Name() == "admin" && p.Lat > 41 && p.Lat < 43 && p.Lon > -95 && p.Lon < -92); // Iowa
    }

    [Theory]
    [InlineData("The East Valley Rotary Club met on Tuesday.")]
    [InlineData("Volunteers of the East Bank Fire Department answered the call.")]
    public void A_compass_word_alone_is_no_place(string text)
    {
        Annotate(text).Places.ShouldNotContain(p => p.Text == "East");
    }

    private static EntityMention Tagged(string text, string surface, EntityType type)
    {
        int start = text.IndexOf(surface, StringComparison.Ordinal);
        return new EntityMention(start, start + surface.Length, surface, type);
    }

    // A street named after a small town ("Kenwood Avenue", which the tagger calls an organisation), a
    // family named like a county whose surname the text gives a person.
    [Theory]
    [InlineData("BALTIMORE — Four people were shot early Saturday in East Baltimore, police said. Officers stayed in the 700 block of N. Kenwood Avenue through the morning.",
                "Kenwood Avenue", "Baltimore", 39.29, -76.61)]
    [InlineData("Four members of the Jones family were struck by shotgun pellets in Philadelphia on Sunday. \"I just started running,\" said Valerie Jones.",
                "Jones", "Philadelphia", 39.95, -75.16)]
    public void A_name_that_says_little_of_where_the_story_is_does_not_move_its_city(string text, string organisation, string city, double lat, double lon)
    {
        var d = Annotate(text, Tagged(text, organisation, EntityType.Organization));
        Km(Place(d, city), lat, lon).ShouldBeLessThan(20);
    }

    [Theory]
    [InlineData("CHICAGO — A teenager was shot to death Friday in the Austin neighborhood on the West Side, police said.", "Austin")]
    [InlineData("Police say seven people were shot in the Kensington section of Philadelphia on Monday afternoon.", "Kensington")]
    public void A_neighborhood_is_a_part_of_the_city_of_the_story_not_a_namesake_town_elsewhere(string text, string neighborhood)
    {
        var d = Annotate(text);
        var city = d.Places.First(p => p.Kind.Name() == "city");
        var part = Place(d, neighborhood);
        if (part.Lat != null) Km(part, city.Lat!.Value, city.Lon!.Value).ShouldBeLessThan(40);
        d.Places.ShouldNotContain(p => p.Lat != null && PlaceResolver.Kilometres(p.Lat.Value, p.Lon!.Value, city.Lat!.Value, city.Lon!.Value) > 100);
    }

    [Theory]
    [InlineData("One man was killed and three others were hurt in a shooting at a Minneapolis restaurant.", "One")]
    [InlineData("Police said a group was standing in the 300 block of West 42nd Street in Chicago when the shots rang out.", "West")]
    public void An_ordinary_word_the_tagger_calls_a_location_is_no_place_without_a_cue(string text, string word)
    {
        var d = Annotate(text, Tagged(text, word, EntityType.Location));
        d.Places.ShouldNotContain(p => p.Text == word);
    }

    [Fact]
    public void A_given_name_in_a_hospital_name_is_no_place_of_the_story()
    {
        const string text = "The second victim was taken to Sidney and Lois Eskenazi Hospital in Indianapolis in stable condition.";
        var d = Annotate(text, Tagged(text, "Sidney", EntityType.Location));
        d.Places.ShouldNotContain(p => p.Text == "Sidney" && p.Context == null);
        Km(Place(d, "Indianapolis"), 39.77, -86.16).ShouldBeLessThan(20);
    }

    [Fact]
    public void The_West_is_still_a_region()
    {
        const string text = "Wildfires burned across the West on Monday.";
        var d = Annotate(text, Tagged(text, "West", EntityType.Location));
        Place(d, "West");
    }

    [Fact]
    public void A_county_named_in_the_possessive_is_that_county()
    {
        var d = Annotate("Six people were shot in Prince George's County on Sunday, county police said.");
        var county = Place(d, "Prince George's County");
        county.Kind.Name().ShouldBe("admin");
        Km(county, 38.89, -76.87).ShouldBeLessThan(30); // Maryland, not Prince George, Virginia or British Columbia
    }
}
