using System.Text.Json;
using static Sitrep.Tests.Situation.AnalyzedFixture;

namespace Sitrep.Tests.Situation;

/// <summary>
/// <c>sitrep analyze</c> on invented coverage of an insurgent raid and its aftermath from seven
/// outlets, and an unrelated flood (Fixtures/cabo-delgado, see its README), checked fact by fact:
/// claims aligned across paraphrases and counted in independent outlets, a rewrite shown as derived,
/// contradictions on counts and on a background year (never on datelines), forecasts without the
/// article's own notes, a summary and timeline of the developments by the days they happened, and
/// situations above the stories.
/// </summary>
public sealed class CaboDelgadoCoverageTests : IDisposable
{
    private readonly AnalyzedFixture analyzed = new("cabo-delgado");

    public void Dispose() => analyzed.Dispose();

    private JsonElement Raid => analyzed.StoryOf("coastal-wire");

    private static IEnumerable<JsonElement> Items(JsonElement e, string name) => e.GetProperty(name).EnumerateArray();

    private JsonElement Claim(string words) => Items(Raid, "claims").Single(c => String(c, "text")!.Contains(words));

    [Fact]
    public void A_rewrite_naming_its_original_is_derived_from_it()
    {
        String(analyzed.Document("savanna-daily"), "original_source").ShouldBe("Coastal Wire");
        Strings(analyzed.Document("savanna-daily"), "derived_from").ShouldBe(["coastal-wire"]);
    }

    [Fact]
    public void An_undated_page_takes_its_neighbours_date_not_the_latest_of_the_pile()
    {
        var page = analyzed.Document("cabo-monitor");
        String(page, "published").ShouldBe("2025-06-09");
        page.GetProperty("published_inferred").GetBoolean().ShouldBeTrue();
        String(analyzed.Document("savanna-daily"), "published").ShouldBe("2025-06-09"); // its original's
    }

    [Fact]
    public void Paraphrases_of_one_fact_are_one_claim_and_a_rewrite_adds_no_support()
    {
        // "retook" / "recaptured", "Mozambican troops" / "Government forces" / "Mozambique's army"
        var retaken = Claim("retook the town on Monday");
        Strings(retaken, "sources").ShouldBe(["coastal-wire", "indian-ocean-times", "lusophone-post", "savanna-daily"], ignoreOrder: true);
        Strings(retaken, "derived").ShouldBe(["savanna-daily"]);
        retaken.GetProperty("support").GetInt32().ShouldBe(3);

        // "five kilometers" = "5 km"
        var checkpoint = Claim("checkpoint five kilometers");
        Strings(checkpoint, "sources").ShouldBe(["coastal-wire", "indian-ocean-times"], ignoreOrder: true);
        checkpoint.GetProperty("support").GetInt32().ShouldBe(2);

        // "About 4,000 people fled" / "Some 4,000 residents escaped"
        var fled = Claim("About 4,000 people fled");
        Strings(fled, "sources").ShouldBe(["coastal-wire", "indian-ocean-times", "savanna-daily"], ignoreOrder: true);
        fled.GetProperty("support").GetInt32().ShouldBe(2);
    }

    [Fact]
    public void Claims_are_ordered_by_independent_support_and_are_neither_forecasts_nor_notes()
    {
        var claims = Items(Raid, "claims").ToList();
        claims.Select(c => c.GetProperty("support").GetInt32()).ShouldBeInOrder(SortDirection.Descending);
        claims.ShouldNotContain(c => String(c, "text")!.Contains("developing story"));
        claims.ShouldNotContain(c => String(c, "text")!.Contains("could"));
    }

    [Fact]
    public void The_toll_of_nine_against_eleven_is_disputed_with_every_outlet_on_its_side()
    {
        var toll = Items(Raid, "contradictions").Single(c => String(c, "about")!.StartsWith("count of killed"));
        var values = Items(toll, "statements").ToDictionary(s => String(s, "value")!, s => Strings(s, "sources"));
        values["9"].ShouldBe(["coastal-wire", "indian-ocean-times", "savanna-daily"], ignoreOrder: true);
        values["11"].ShouldBe(["lusophone-post"]);
        values.Count.ShouldBe(2);
    }

    [Fact]
    public void How_many_fled_is_disputed()
    {
        var fled = Items(Raid, "contradictions").Single(c => String(c, "about")!.StartsWith("count of displaced"));
        var values = Items(fled, "statements").ToDictionary(s => String(s, "value")!, s => Strings(s, "sources"));
        values["4000"].ShouldBe(["coastal-wire", "indian-ocean-times", "savanna-daily"], ignoreOrder: true);
        values["6000"].ShouldBe(["cabo-monitor"]);
    }

    [Fact]
    public void The_year_the_insurgency_began_is_disputed()
    {
        var year = Items(Raid, "contradictions").Single(c => String(c, "about")!.StartsWith("year"));
        String(year, "about")!.ShouldContain("insurgency");
        var values = Items(year, "statements").ToDictionary(s => String(s, "value")!, s => Strings(s, "sources"));
        values["2017"].ShouldBe(["coastal-wire", "indian-ocean-times"], ignoreOrder: true);
        values["2018"].ShouldBe(["lusophone-post"]);
    }

    [Fact]
    public void Datelines_and_the_days_statements_were_made_are_never_disputed()
    {
        // The reports are dated June 9, 10, 12 and 13 and "officials said on Monday": no day of an event differs.
        Items(Raid, "contradictions").ShouldNotContain(c => String(c, "about")!.StartsWith("date"));
        Items(Raid, "contradictions").Count().ShouldBe(3);
    }

    [Fact]
    public void A_story_without_contradictions_says_so()
    {
        Items(analyzed.StoryOf("andes-herald"), "contradictions").ShouldBeEmpty();
        analyzed.ReportMarkdown.ShouldContain("No contradictions found.");
    }

    [Fact]
    public void Forecasts_keep_condition_and_outcome_and_the_articles_own_notes_are_none()
    {
        var forecasts = Items(Raid, "forecasts").ToList();
        forecasts.ShouldNotContain(f => String(f, "text")!.Contains("developing story"));
        var food = forecasts.Single(f => String(f, "condition") == "the road to Macomia stays closed");
        String(food, "outcome").ShouldBe("food shortages in Pemba could worsen");
        forecasts.ShouldContain(f => String(f, "outcome") == "the number of displaced people in Pemba could double" && String(f, "condition") == "the fighting spreads");
    }

    [Fact]
    public void The_summary_tells_each_main_development_once_with_its_day_and_no_background()
    {
        var summary = Items(Raid, "summary").ToList();
        summary.Count.ShouldBeInRange(3, 8);
        var texts = summary.Select(s => String(s, "text")!).ToList();
        texts.ShouldNotContain(t => t.Contains("2017") || t.Contains("2018") || t.Contains("could") || t.Contains("developing story"));
        texts.Count(t => t.Contains("nine") || t.Contains("Nine") || t.Contains("11 people")).ShouldBe(1); // one version of the toll
        texts.Count(t => t.Contains("4,000") || t.Contains("6,000")).ShouldBe(1); // one version of the flight
        texts.Count(t => t.Contains("retook") || t.Contains("recaptured") || t.Contains("regained")).ShouldBe(1);
        summary.Single(s => String(s, "text")!.Contains("attacked the town of Macomia")).GetProperty("date").GetString().ShouldBe("2025-06-07");
        var dates = summary.Select(s => String(s, "date")).Where(d => d != null).ToList();
        dates.ShouldBeInOrder();
        dates.ShouldContain("2025-06-11"); // the ambush, the later development
    }

    [Fact]
    public void The_timeline_dates_events_by_when_they_happened_not_when_they_were_published()
    {
        var timeline = Items(Raid, "timeline").ToList();
        var dates = timeline.Select(t => String(t, "date")!).ToList();
        dates.ShouldBeInOrder();
        dates[0].ShouldBe("2025-06-07");
        dates.ShouldBeSubsetOf(["2025-06-07", "2025-06-09", "2025-06-11", "2025-06-12"]);
        timeline.ShouldNotContain(t => String(t, "text")!.Contains("2017") || String(t, "text")!.Contains("could"));
        timeline.Count(t => String(t, "text")!.Contains("retook the town")).ShouldBe(1);
    }

    [Fact]
    public void The_raid_and_the_ambush_are_one_situation_and_the_flood_another()
    {
        var situations = analyzed.Situations;
        var insurgency = situations.Single(s => Strings(s, "documents").Contains("coastal-wire"));
        Strings(insurgency, "documents").ShouldBe(
            ["cabo-monitor", "coastal-wire", "indian-ocean-times", "lusophone-post", "northern-star", "pemba-bulletin", "savanna-daily"], ignoreOrder: true);
        Strings(insurgency, "documents").ShouldNotContain("andes-herald");
        var flood = situations.Single(s => Strings(s, "documents").Contains("andes-herald"));
        Strings(flood, "stories").ShouldBe([String(analyzed.StoryOf("andes-herald"), "id")!]);
        Items(insurgency, "timeline").Select(t => String(t, "date")!).ShouldBeInOrder();
        Items(insurgency, "summary").Count().ShouldBeInRange(3, 8);
    }
}
