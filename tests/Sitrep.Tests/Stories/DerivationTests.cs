using Sitrep.Stories;
using static Sitrep.Tests.Stories.StoryFixtures;

namespace Sitrep.Tests.Stories;

public class DerivationTests
{
    [Fact]
    public void A_rewrite_naming_its_original_source_derives_from_that_outlets_article()
    {
        var original = HarbourStrike[3];
        original.Url = "https://www.harbourtimes.example/2025/06/port-calderon-strike-ends";
        var rewrite = Article("rewrite", """
            Port Calderon back at work
            Cranes at Port Calderon started unloading again after dockworkers ended their nine-day strike.
            Members of the dockers' union backed the pay offer, and the port's director said the waiting ships would be handled in order of arrival.
            Original Source: www.harbourtimes.example
            """, outlet: "Regional Digest");
        rewrite.OriginalSource = "www.harbourtimes.example";
        var index = new DerivationIndex();

        index.Add(HarbourStrike[0]).ShouldBeEmpty();
        index.Add(original).ShouldBeEmpty();
        var found = index.Add(rewrite).Select(d => d.Source).ToList();

        found.ShouldBe(["strike-4"]);
    }

    [Fact]
    public void A_rewrite_whose_original_outlet_was_not_read_derives_from_the_outlet_by_name()
    {
        var rewrite = Article("rewrite", """
            Port Calderon back at work
            Cranes at Port Calderon started unloading again after dockworkers ended their nine-day strike.
            Original Source: www.harbourtimes.example
            """, outlet: "Regional Digest");
        rewrite.OriginalSource = "www.harbourtimes.example";
        var index = new DerivationIndex();

        index.Add(HarbourStrike[0]);
        var found = index.Add(rewrite).Select(d => d.Source).ToList();

        found.ShouldBe(["www.harbourtimes.example"]);
    }

    [Fact]
    public void A_lightly_edited_copy_is_a_near_duplicate_but_independent_coverage_of_the_same_event_is_not()
    {
        var copy = Article("copy", HarbourStrike[0].Text
            .Replace("Dockworkers end nine-day strike at Port Calderon", "Port Calderon dockworkers end strike")
            .Replace("on Friday", "on Friday morning"), outlet: "Aggregator");
        var index = new DerivationIndex();

        index.Add(HarbourStrike[0]);
        index.Add(HarbourStrike[1]).ShouldBeEmpty();
        index.Add(HarbourStrike[2]).ShouldBeEmpty();
        var found = index.Add(copy);

        found.Select(d => d.Source).ShouldBe(["strike-1"]);
        found[0].Evidence.ShouldStartWith("near-duplicate");
    }

    [Fact]
    public void Sentences_copied_word_for_word_into_a_new_article_are_found()
    {
        var borrowing = Article("borrowing", """
            Fruit exporters count the cost of the port strike
            Growers in the Calderon valley say they lost a season's worth of export orders while the port was closed.
            The Calderon Dockers Union said members voted 812 to 190 in favour of the deal.
            Port director Amara Nwosu said the backlog would take two weeks to clear.
            Exporters now want compensation from the port authority for cargo that spoiled at sea.
            """);
        var index = new DerivationIndex();

        index.Add(HarbourStrike[0]);
        index.Add(NorvaniaQuake[0]);
        var found = index.Add(borrowing);

        found.Select(d => d.Source).ShouldBe(["strike-1"]);
        found[0].Evidence.ShouldBe("2 aligned sentences");
    }
}
