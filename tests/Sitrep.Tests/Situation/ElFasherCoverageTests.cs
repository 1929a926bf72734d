using System.Text.Json;

namespace Sitrep.Tests.Situation;

/// <summary>
/// <c>sitrep analyze</c> end to end on five invented outlets' coverage of one day in Sudan
/// (Fixtures/el-fasher, see its README), checked fact by fact in situation.json.
/// </summary>
public sealed class ElFasherCoverageTests : IDisposable
{
    private readonly AnalyzedFixture analyzed = new("el-fasher");
    private readonly JsonElement story;

    public ElFasherCoverageTests()
    {
        analyzed.Stories.Length.ShouldBe(1);
        story = analyzed.Stories[0];
    }

    public void Dispose() => analyzed.Dispose();

    private static string[] Strings(JsonElement e, string name) => AnalyzedFixture.Strings(e, name);
    private static string? String(JsonElement e, string name) => AnalyzedFixture.String(e, name);
    private JsonElement Document(string id) => analyzed.Document(id);
    private IEnumerable<JsonElement> Items(string name) => story.GetProperty(name).EnumerateArray();

    [Fact]
    public void All_five_outlets_are_one_story_headed_by_the_original_report()
    {
        String(story, "headline").ShouldBe("RSF drones strike El Fasher hospital as truce takes hold in Kordofan");
        Strings(story, "documents").ShouldBe(["darfur-daily", "horn-analysis", "nile-digest", "sahel-observer", "sudan-monitor"], ignoreOrder: true);
    }

    [Fact]
    public void Rewrites_derive_from_their_original_and_inherit_its_date_marked_inferred()
    {
        foreach (var rewrite in new[] { "darfur-daily", "nile-digest" })
        {
            Strings(Document(rewrite), "derived_from").ShouldBe(["sudan-monitor"]);
            String(Document(rewrite), "published").ShouldBe("2025-05-06");
            Document(rewrite).GetProperty("published_inferred").GetBoolean().ShouldBeTrue();
        }
        Document("sudan-monitor").GetProperty("published_inferred").GetBoolean().ShouldBeFalse();
        Strings(Document("sahel-observer"), "cited_sources").ShouldBe(["Sudan Doctors Network", "Norwegian Refugee Council", "Reuters"]);
        String(Document("sahel-observer"), "title").ShouldBe("Displacement grows around Al Fashir after hospital strike");
    }

    [Theory]
    [InlineData("Rapid Support Forces", "RSF")]
    [InlineData("Mohamed Hamdan Dagalo", "Hemeti|Hemedti")]
    [InlineData("Norwegian Refugee Council", "NRC")]
    [InlineData("El Fasher", "El Fashar|Al Fashir")]
    [InlineData("Abdel Fattah al-Burhan", "Burhan")]
    public void Aliases_from_every_outlet_merge_into_one_actor(string name, string aliases)
    {
        var actor = Items("entities").Single(e => String(e, "name") == name);
        Strings(actor, "aliases").ShouldNotContain(name);
        foreach (var alias in aliases.Split('|')) Strings(actor, "aliases").ShouldContain(alias);
        Items("entities").Count(e => Strings(e, "aliases").Intersect(aliases.Split('|')).Any()).ShouldBe(1);
    }

    [Fact]
    public void El_Fasher_is_on_the_map_under_every_spelling()
    {
        var place = Items("places").Single(p => String(p, "name") == "El Fasher");
        String(place, "country").ShouldBe("SD");
        place.GetProperty("lat").GetDouble().ShouldBe(13.63, 0.05);
        place.GetProperty("lon").GetDouble().ShouldBe(25.35, 0.05);
        Strings(place, "documents").Length.ShouldBe(5);
        // A state lies at the centre of its area, the desert north of El Fasher, as GeoNames places it.
        Items("places").Single(p => String(p, "name") == "North Darfur").GetProperty("lat").GetDouble().ShouldBe(16.3, 0.5);
        Items("places").ShouldNotContain(p => String(p, "name") == "Horn" || String(p, "name") == "East Africa"); // the author's biography
    }

    [Fact]
    public void The_drone_strike_is_one_aerial_assault_on_Sunday_citing_every_outlet()
    {
        var strikes = Items("events").Where(e => String(e, "type") == "ASSAULT" && String(e, "mode") == "aerial").ToList();
        var strike = strikes.ShouldHaveSingleItem();
        String(strike, "actor").ShouldBe("Rapid Support Forces");
        String(strike, "place").ShouldBe("El Fasher");
        String(strike, "date").ShouldBe("2025-05-04");
        Strings(strike, "sources").ShouldBe(["darfur-daily", "horn-analysis", "nile-digest", "sahel-observer", "sudan-monitor"], ignoreOrder: true);
    }

    [Fact]
    public void The_ceasefire_is_one_event_and_its_disputed_start_a_contradiction()
    {
        var ceasefire = Items("events").Single(e => String(e, "mode") == "ceasefire");
        String(ceasefire, "type").ShouldBe("AGREE");
        String(ceasefire, "date").ShouldBe("2025-05-05"); // Monday, as two outlets of three say
        Strings(ceasefire, "sources").ShouldBe(["horn-analysis", "nile-digest", "sudan-monitor"], ignoreOrder: true);

        var disputed = Items("contradictions").Single(c => String(c, "about")!.StartsWith("date"));
        var values = disputed.GetProperty("statements").EnumerateArray().ToDictionary(s => String(s, "value")!, s => Strings(s, "sources"));
        values["2025-05-05"].ShouldBe(["nile-digest", "sudan-monitor"], ignoreOrder: true);
        values["2025-05-06"].ShouldBe(["horn-analysis"]);
    }

    [Fact]
    public void The_toll_of_12_against_15_is_a_contradiction()
    {
        var toll = Items("contradictions").Single(c => String(c, "about")!.StartsWith("count"));
        var values = toll.GetProperty("statements").EnumerateArray().ToDictionary(s => String(s, "value")!, s => Strings(s, "sources"));
        values.Keys.Select(v => v.Split(' ')[0]).ShouldBe(["12", "15"], ignoreOrder: true);
    }

    [Fact]
    public void People_fleeing_El_Fasher_are_a_displacement_from_it()
    {
        var displaced = Items("events").Where(e => String(e, "type") == "DISPLACE").ToList();
        displaced.ShouldNotBeEmpty();
        displaced.ShouldAllBe(e => String(e, "place") == "El Fasher");
    }

    [Fact]
    public void Forecasts_from_the_analysts_bullets_and_the_aid_agency_keep_condition_and_outcome()
    {
        var forecasts = Items("forecasts").ToList();
        var spread = forecasts.Single(f => String(f, "condition") == "the Kordofan truce collapses");
        String(spread, "outcome").ShouldBe("fighting could spread to North Kordofan");
        Strings(spread, "sources").ShouldBe(["horn-analysis"]);
        forecasts.ShouldContain(f => String(f, "outcome") == "food prices in North Darfur could rise further" && String(f, "condition") == "supply routes stay closed");
        forecasts.ShouldContain(f => String(f, "text")!.Contains("intensify drone attacks"));
    }

    [Fact]
    public void The_summary_and_timeline_cite_their_sources_in_order()
    {
        var summary = Items("summary").ToList();
        summary.Count.ShouldBeInRange(3, 8);
        summary.ShouldAllBe(s => Strings(s, "sources").Length > 0);
        summary.Count(s => String(s, "text")!.Contains("12 people") || String(s, "text")!.Contains("15 people")).ShouldBe(1); // one version of the toll
        var dates = Items("timeline").Select(t => String(t, "date")!).ToList();
        dates.ShouldBeInOrder();
        dates[0].ShouldBe("2025-05-04");
    }
}
