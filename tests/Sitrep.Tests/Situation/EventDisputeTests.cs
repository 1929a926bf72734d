using Sitrep.Situation;

namespace Sitrep.Tests.Situation;

/// <summary>Outlets that blame different forces for one strike, or put one strike in two towns, contradict each other.</summary>
public class EventDisputeTests
{
    private static StoryPicture Analyze(params Document[] documents)
    {
        MarkedText.FindDerivations(documents);
        return StoryAnalyzer.Default().Analyze("s1", documents);
    }

    [Fact]
    public void Two_outlets_blaming_different_forces_for_one_strike_dispute_its_perpetrator()
    {
        var story = Analyze(
            MarkedText.Document("delta-news", """
                {ORG Rapid Support Forces} drones struck the airport in {PLACE Port Sudan=SD:19.6158:37.2164} on {DATE Sunday=2025-05-04}.
                """, published: "2025-05-05", outlet: "Delta News"),
            MarkedText.Document("red-sea-post", """
                Witnesses said {ORG Sudanese Armed Forces} drones hit the airport of {PLACE Port Sudan=SD:19.6158:37.2164} early on {DATE Sunday=2025-05-04}.
                Flights were suspended for the rest of the day.
                """, published: "2025-05-05", outlet: "Red Sea Post"));
        var dispute = story.Contradictions.Single(c => c.About.StartsWith("perpetrator"));
        dispute.About.ShouldBe("perpetrator: assault on 2025-05-04");
        dispute.Statements.Select(s => (s.Value, s.Sources.Single())).ShouldBe(
            [("Rapid Support Forces", "delta-news"), ("Sudanese Armed Forces", "red-sea-post")], ignoreOrder: true);
    }

    [Fact]
    public void One_force_named_in_full_and_in_part_is_no_dispute()
    {
        var story = Analyze(
            MarkedText.Document("delta-news", """
                {ORG Rapid Support Forces} drones struck the airport in {PLACE Port Sudan=SD:19.6158:37.2164} on {DATE Sunday=2025-05-04}.
                """, published: "2025-05-05", outlet: "Delta News"),
            MarkedText.Document("red-sea-post", """
                Drones of the {ORG Rapid Support Forces} struck the airport in {PLACE Port Sudan=SD:19.6158:37.2164} on {DATE Sunday=2025-05-04}, officials said.
                """, published: "2025-05-05", outlet: "Red Sea Post"));
        story.Contradictions.ShouldNotContain(c => c.About.StartsWith("perpetrator") || c.About.StartsWith("place"));
    }
}
