using System.Text.Json;
using static Sitrep.Tests.Situation.AnalyzedFixture;

namespace Sitrep.Tests.Situation;

/// <summary>
/// <c>sitrep analyze</c> on invented coverage of drone strikes on Kharkiv from four outlets, mixed
/// with two reports of floods in Kenya (Fixtures/kharkiv, see its README).
/// </summary>
public sealed class KharkivCoverageTests : IDisposable
{
    private readonly AnalyzedFixture analyzed = new("kharkiv");

    public void Dispose() => analyzed.Dispose();

    private JsonElement Kharkiv => analyzed.StoryOf("east-ledger");
    private JsonElement Kenya => analyzed.StoryOf("rift-valley-times");

    [Fact]
    public void The_floods_in_Kenya_are_a_story_of_their_own()
    {
        analyzed.Stories.Length.ShouldBe(2);
        Strings(Kharkiv, "documents").ShouldBe(["border-monitor", "dnipro-digest", "east-ledger", "steppe-post"], ignoreOrder: true);
        Strings(Kenya, "documents").ShouldBe(["lakeside-herald", "rift-valley-times"], ignoreOrder: true);
    }

    [Fact]
    public void A_wire_dateline_dates_the_story_and_the_undated_outlets_inherit_it()
    {
        String(analyzed.Document("east-ledger"), "published").ShouldBe("2026-03-12");
        analyzed.Document("east-ledger").GetProperty("text").GetString()!.ShouldStartWith("Russian drones struck");
        String(analyzed.Document("steppe-post"), "published").ShouldBe("2026-03-12");
        analyzed.Document("steppe-post").GetProperty("published_inferred").GetBoolean().ShouldBeTrue();
        Strings(analyzed.Document("dnipro-digest"), "derived_from").ShouldBe(["east-ledger"]);
    }

    [Theory]
    [InlineData("Kharkiv", "Kharkov")]
    [InlineData("Kyiv", "Kiev")]
    [InlineData("Armed Forces of Ukraine", "AFU")]
    [InlineData("International Committee of the Red Cross", "ICRC")]
    public void Transliterations_and_acronyms_are_one_actor(string name, string alias)
    {
        var actor = Kharkiv.GetProperty("entities").EnumerateArray().Single(e => String(e, "name")!.Equals(name, StringComparison.OrdinalIgnoreCase));
        Strings(actor, "aliases").ShouldContain(alias);
    }

    [Fact]
    public void The_strike_is_one_aerial_assault_by_Russia_on_Kharkiv_citing_three_outlets()
    {
        var strike = Kharkiv.GetProperty("events").EnumerateArray().Single(e => String(e, "type") == "ASSAULT");
        String(strike, "mode").ShouldBe("aerial");
        String(strike, "actor").ShouldBe("Russia");
        String(strike, "place").ShouldBe("Kharkiv");
        String(strike, "date").ShouldBe("2026-03-12");
        Strings(strike, "sources").ShouldBe(["dnipro-digest", "east-ledger", "steppe-post"], ignoreOrder: true);
    }

    [Fact]
    public void The_count_of_drones_shot_down_is_disputed()
    {
        var disputed = Kharkiv.GetProperty("contradictions").EnumerateArray().Single(c => String(c, "about")!.StartsWith("count"));
        disputed.GetProperty("statements").EnumerateArray().Select(s => String(s, "value")).ShouldBe(["31 drone", "33 drone"], ignoreOrder: true);
    }

    [Fact]
    public void The_warning_about_power_cuts_is_a_conditional_forecast()
    {
        var forecast = Kharkiv.GetProperty("forecasts").EnumerateArray().Single(f => String(f, "condition") == "the strikes continue");
        String(forecast, "outcome").ShouldBe("power cuts in Kharkiv could last for weeks");
    }

    [Fact]
    public void Floods_displace_people_and_are_no_assault()
    {
        var events = Kenya.GetProperty("events").EnumerateArray().ToList();
        events.ShouldNotContain(e => String(e, "type") == "ASSAULT");
        var displaced = events.Single(e => String(e, "type") == "DISPLACE");
        Strings(displaced, "sources").ShouldBe(["lakeside-herald", "rift-valley-times"], ignoreOrder: true);
        String(displaced, "date").ShouldBe("2026-03-11");
    }
}
