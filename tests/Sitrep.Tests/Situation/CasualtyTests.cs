using Sitrep.Situation;

namespace Sitrep.Tests.Situation;

/// <summary>
/// The tolls of an event (ACLED's fatalities, and the injured) read from the sentences that report it,
/// on sentences written for these tests: each toll word takes its own number, ages, times and counts of
/// other things are no tolls, and a sum over several incidents is no incident's toll.
/// </summary>
public class CasualtyTests
{
    private static Casualties Toll(params string[] documents)
    {
        var analyzer = new StoryAnalyzer([new SentenceCollector(), new ActorMerger(), new EventCoder(), new EventCoreference()]);
        var docs = documents.Select((text, i) => MarkedText.Document($"d{i}", text, "2016-05-09")).ToList();
        return analyzer.Analyze("s", docs).Events.First(e => e.Type == "ASSAULT").Casualties;
    }

    [Theory]
    [InlineData("One person is dead and four others are injured after a shooting on Elm Street in Dayton on Sunday.", 1, 4, null)]
    [InlineData("Two people died and two people were critically injured in a shooting early Monday in Dayton.", 2, 2, null)]
    [InlineData("A gunman opened fire at a party in Dayton on Sunday, killing three and wounding at least five.", 3, 5, null)]
    [InlineData("Five people were shot in an apartment complex in Dayton on Sunday night.", null, null, 5)]
    [InlineData("A shooting in Dayton killed Marcus Hale, 21, and wounded three others on Sunday.", null, 3, null)]
    public void Each_toll_word_takes_its_own_number(string sentence, int? killed, int? injured, int? hit) =>
        Toll(sentence).ShouldBe(new Casualties(killed, injured, hit));

    [Theory]
    [InlineData("Marcus Hale, 25, died after he was shot five times outside a bar in Dayton on Sunday.")]
    [InlineData("A shooting that left two boys, ages 4 and 6, wounded in Dayton on Sunday is under investigation.")]
    [InlineData("Four men were killed in shootings across Dayton on Sunday, police said.")]
    [InlineData("No one was hurt when a man fired at a house in Dayton at 3 a.m. Sunday.")]
    public void Ages_times_other_counts_and_sums_over_several_incidents_are_no_tolls(string sentence)
    {
        var toll = Toll(sentence);
        toll.Killed.ShouldNotBe(25);
        toll.Killed.ShouldNotBe(4);
        toll.Injured.ShouldNotBe(4);
        toll.Injured.ShouldNotBe(1);
        toll.Hit.ShouldNotBe(5);
        toll.Hit.ShouldNotBe(3);
    }

    [Fact]
    public void Two_outlets_giving_one_toll_in_other_words_tie_their_reports_into_one_record()
    {
        var analyzer = new StoryAnalyzer([new SentenceCollector(), new ActorMerger(), new EventCoder(), new EventCoreference()]);
        var docs = new[]
        {
            MarkedText.Document("a", "Five people were shot in an apartment complex on Wednesday night.", "2016-05-12"),
            MarkedText.Document("b", "One man was killed and four other people were wounded when gunfire erupted at an apartment complex on Wednesday night.", "2016-05-12"),
        };
        var assaults = analyzer.Analyze("s", docs.ToList()).Events.Where(e => e.Type == "ASSAULT").ToList();
        assaults.Count.ShouldBe(1);
        assaults[0].Sources.ShouldBe(["a", "b"], ignoreOrder: true);
    }
}
