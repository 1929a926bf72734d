using Sitrep.Situation;

namespace Sitrep.Tests.Situation;

/// <summary>
/// An invented story told by five outlets: a drone strike on Port Sudan's airport, a ceasefire whose
/// start the outlets disagree on, a toll given as 12 and 15, people fleeing, and forecasts.
/// </summary>
public class StoryAnalyzerTests
{
    private const string Sudan = "SD:19.6158:37.2164";

    private static readonly Document[] Coverage =
    [
        MarkedText.Document("nile-post", """
            {ORG Rapid Support Forces} drones struck the airport in {PLACE Port Sudan=SD:19.6158:37.2164} on {DATE Sunday=2025-05-04}, killing 12 civilians.
            The {ORG RSF=Rapid Support Forces} has not commented on the attack.
            A ceasefire brokered by {LOC Saudi Arabia} took effect on {DATE Monday=2025-05-05}, officials said.
            Thousands of residents fled {PLACE El Fasher=SD:13.6279:25.3494} towards {PLACE Tawila=SD:13.4978:24.8906}.
            If talks collapse, the paramilitary may renew its assault on {PLACE El Fasher=SD:13.6279:25.3494}.
            """, published: "2025-05-06", title: "RSF drones hit Port Sudan airport", outlet: "Nile Post"),
        MarkedText.Document("red-sea-daily", """
            Drones launched by the {ORG Rapid Support Forces (RSF)=Rapid Support Forces} struck the airport in {PLACE Port Sudan=SD:19.6158:37.2164} on {DATE Sunday=2025-05-04}, killing fifteen civilians.
            The ceasefire took effect on {DATE Tuesday=2025-05-06}, according to mediators.
            Aid agencies warned that food prices could rise further in the coming weeks.
            """, published: "2025-05-06", title: "Drone strike on Port Sudan", outlet: "Red Sea Daily"),
        MarkedText.Document("khartoum-wire", """
            {ORG RSF=Rapid Support Forces} drones struck the airport in {PLACE Port Sudan=SD:19.6158:37.2164} on {DATE Sunday=2025-05-04}, killing 12 civilians.
            A ceasefire brokered by {LOC Saudi Arabia} took effect on {DATE Monday=2025-05-05}, officials said.
            """, published: null, title: "Port Sudan airport struck", outlet: "Khartoum Wire"),
    ];

    private static StoryPicture Analyze()
    {
        Coverage[2].OriginalSource = "www.nilepost.com";
        Coverage[0].Url = "https://www.nilepost.com/sudan/port-sudan-airport";
        MarkedText.FindDerivations(Coverage);
        return StoryAnalyzer.Default().Analyze("s1", Coverage);
    }

    [Fact]
    public void The_strike_reported_by_three_outlets_is_one_aerial_assault_citing_all_three()
    {
        var story = Analyze();
        var strike = story.Events.Single(e => e.Type == "ASSAULT" && e.Place == "Port Sudan");
        strike.Mode.ShouldBe("aerial");
        strike.Actor.ShouldBe("Rapid Support Forces");
        strike.Target.ShouldBe("airport in Port Sudan");
        strike.Date.ToString().ShouldBe("2025-05-04");
        strike.Sources.ShouldBe(["nile-post", "red-sea-daily", "khartoum-wire"], ignoreOrder: true);
    }

    [Fact]
    public void Acronyms_and_full_names_across_outlets_are_one_actor()
    {
        var story = Analyze();
        var rsf = story.Actors.Single(a => a.Name == "Rapid Support Forces");
        rsf.Aliases.ShouldContain("RSF");
        rsf.Documents.Count.ShouldBe(3);
    }

    [Fact]
    public void The_disputed_start_of_the_ceasefire_is_a_contradiction_with_both_sides_cited()
    {
        var story = Analyze();
        var dispute = story.Contradictions.Single(c => c.About.StartsWith("date"));
        dispute.About.ShouldContain("ceasefire");
        dispute.Statements.Single(s => s.Value == "2025-05-05").Sources.ShouldBe(["nile-post", "khartoum-wire"], ignoreOrder: true);
        dispute.Statements.Single(s => s.Value == "2025-05-06").Sources.ShouldBe(["red-sea-daily"]);
    }

    [Fact]
    public void The_toll_given_as_twelve_and_as_fifteen_is_a_contradiction()
    {
        var story = Analyze();
        var toll = story.Contradictions.Single(c => c.About.StartsWith("count of killed"));
        toll.Statements.Select(s => s.Value).ShouldBe(["12", "15"], ignoreOrder: true);
        story.Contradictions.ShouldNotContain(c => c.About.StartsWith("count of civilian")); // one dispute, counted by its kind
    }

    [Fact]
    public void People_fleeing_are_a_displacement_at_the_place_they_fled()
    {
        var story = Analyze();
        var flight = story.Events.Single(e => e.Type == "DISPLACE");
        flight.Place.ShouldBe("El Fasher");
        flight.Sources.ShouldBe(["nile-post"]);
    }

    [Fact]
    public void A_displacement_names_where_people_fled_to_with_its_coordinates()
    {
        var flight = Analyze().Events.Single(e => e.Type == "DISPLACE");
        flight.Destination.ShouldNotBeNull();
        flight.Destination.Name.ShouldBe("Tawila");
        flight.Destination.Lon.ShouldBe(24.8906);
        Analyze().Events.Where(e => e.Type != "DISPLACE").ShouldAllBe(e => e.Destination == null);
    }

    [Fact]
    public void Conditional_and_modal_statements_are_forecasts_with_condition_and_outcome()
    {
        var story = Analyze();
        var renewed = story.Forecasts.Single(f => f.Condition == "talks collapse");
        renewed.Outcome.ShouldStartWith("the paramilitary may renew its assault");
        story.Forecasts.ShouldContain(f => f.Condition == null && f.Outcome.Contains("food prices could rise further"));
        story.Events.ShouldNotContain(e => e.Text.StartsWith("If talks collapse"));
    }

    [Fact]
    public void A_rewrite_names_its_origin_and_inherits_the_publication_date_marked_inferred()
    {
        var story = Analyze();
        story.DerivedFrom["khartoum-wire"].ShouldBe(["nile-post"]);
        Coverage[2].Published.ToString().ShouldBe("2025-05-06");
        Coverage[2].PublishedInferred.ShouldBeTrue();
        story.Headline.ShouldBe("RSF drones hit Port Sudan airport");
    }

    [Fact]
    public void Summary_and_timeline_cite_their_sources_without_repeating_a_fact()
    {
        var story = Analyze();
        story.Summary.Count.ShouldBeInRange(3, 8);
        story.Summary.ShouldAllBe(s => s.Sources.Count > 0);
        story.Summary.Count(s => s.Text.Contains("struck the airport")).ShouldBe(1);
        story.Timeline.Select(t => t.Date.FirstDay).ShouldBeInOrder();
        story.Timeline.First().Text.ShouldContain("struck the airport");
        // A toll of 12 is corroborated twice; the fifteen of the third outlet is a claim of its own.
        story.Claims.First().Sources.ShouldBe(["nile-post", "khartoum-wire"], ignoreOrder: true);
        // ... but the wire only rewrites the post: shown as derived, it adds no independent support.
        story.Claims.First().Derived.ShouldBe(["khartoum-wire"]);
        story.Claims.First().Support.ShouldBe(1);
        story.Claims.Single(c => c.Text.Contains("killing fifteen")).Sources.ShouldBe(["red-sea-daily"]);
    }

    [Fact]
    public void A_forecast_framed_by_who_warns_of_it_keeps_only_what_is_forecast()
    {
        var forecast = ForecastFinder.Parse("The World Food Programme warned that fuel prices in Gao could double if the convoy is blocked.");

        forecast.ShouldNotBeNull();
        forecast.Condition.ShouldBe("the convoy is blocked");
        forecast.Outcome.ShouldBe("fuel prices in Gao could double");
    }

    [Fact]
    public void Two_outlets_spelling_one_commander_differently_give_one_actor_but_similar_towns_stay_apart()
    {
        var first = MarkedText.Document("a", """
            The paramilitary commander {PER Hemedti} rejected the accusation on {DATE Tuesday=2025-05-06}.
            Shelling hit {LOC Chuhuyiv} and {LOC Kyiv} overnight.
            """, published: "2025-05-06");
        var second = MarkedText.Document("b", """
            {PER Hemeti} denied that his fighters had shelled the camp.
            """, published: "2025-05-06");
        MarkedText.FindDerivations([first, second]);

        var story = StoryAnalyzer.Default().Analyze("s1", [first, second]);

        var commander = story.Actors.Single(a => a.Name is "Hemedti" or "Hemeti");
        commander.Documents.Order().ShouldBe(["a", "b"]);
        story.Actors.Single(a => a.Name == "Kyiv").Aliases.ShouldNotContain("Chuhuyiv");
    }

    [Fact]
    public void Deaths_in_a_stampede_are_no_assault_and_the_ministry_reporting_them_is_no_participant()
    {
        var report = MarkedText.Document("pilgrims", """
            According to the {ORG Interior Ministry} at least 40 pilgrims were killed in a stampede near {PLACE Mina=SA:21.41:39.89} on {DATE Thursday=2025-06-05}.
            According to the {ORG Interior Ministry}, gunmen killed 3 guards at a checkpoint near {PLACE Mina=SA:21.41:39.89} on {DATE Friday=2025-06-06}.
            """, published: "2025-06-06");
        MarkedText.FindDerivations([report]);

        var story = StoryAnalyzer.Default().Analyze("s1", [report]);

        var assault = story.Events.ShouldHaveSingleItem();
        assault.Type.ShouldBe("ASSAULT");
        assault.Date.ToString().ShouldBe("2025-06-06");
        assault.Target.ShouldNotBe("Interior Ministry");
        assault.Actor.ShouldBeNull();
    }
}
