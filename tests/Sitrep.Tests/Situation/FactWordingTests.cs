using Sitrep.Situation;

namespace Sitrep.Tests.Situation;

/// <summary>How two outlets' wordings of one fact are read so that they meet: lemmas and senses from WordNet, values with their units, and the attribution left out.</summary>
public class FactWordingTests
{
    [Theory]
    [InlineData("struck", "strike")]
    [InlineData("fled", "flee")]
    [InlineData("killing", "kill")]
    [InlineData("shelling", "shell")]
    [InlineData("civilians", "civilian")]
    [InlineData("casualties", "casualty")]
    public void Inflected_words_are_read_as_their_WordNet_lemma(string word, string lemma) =>
        WordSenses.Lemma(word).ShouldBe(lemma);

    [Theory]
    [InlineData("strike", "hit", true)]
    [InlineData("escape", "flee", true)]
    [InlineData("erupt", "begin", true)]
    [InlineData("retake", "recapture", true)]
    [InlineData("reinforcement", "reinforce", true)]
    [InlineData("flee", "kill", false)]
    [InlineData("hospital", "school", false)]
    public void Words_of_one_sense_are_related_and_others_not(string a, string b, bool related) =>
        WordSenses.Related(a, b).ShouldBe(related);

    [Fact]
    public void Distances_in_words_and_in_digits_are_one_value()
    {
        var written = FactWords.Of("They set up a checkpoint five kilometers from the airport.");
        var digits = FactWords.Of("They set up a checkpoint 5 km from the airport.");
        written.Numbers.ShouldBe(digits.Numbers);
        written.Numbers.Single().ToString().ShouldBe("5 km");
        written.Similarity(digits).ShouldBe(1);
    }

    [Fact]
    public void Synonyms_count_as_shared_words()
    {
        var fled = FactWords.Of("About 4,000 people fled to the coast.");
        var escaped = FactWords.Of("Some 4,000 people escaped to the coast.");
        fled.SimilarityWithSynonyms(escaped).ShouldBeGreaterThan(fled.Similarity(escaped));
        fled.SimilarityWithSynonyms(escaped).ShouldBe(1);
    }

    [Theory]
    [InlineData("Insurgents attacked the town on Saturday, local officials said on Monday.", ", local officials said on Monday.")]
    [InlineData("About 4,000 people fled, according to the International Organization for Migration (IOM).", ", according to the International Organization for Migration (IOM).")]
    [InlineData("According to the ministry, the army retook the town.", "According to the ministry, ")]
    [InlineData("The defence ministry said the army retook the town on Monday.", "The defence ministry said ")]
    [InlineData("Nine civilians were killed when militants stormed the town on Saturday.", null)]
    public void The_clause_naming_who_says_it_is_found(string sentence, string? attribution)
    {
        var span = Attribution.Find(sentence);
        (span is { } s ? sentence[s.Start..s.End] : null).ShouldBe(attribution);
        Attribution.Without(sentence).Length.ShouldBe(sentence.Length);
    }

    [Theory]
    [InlineData("This is a developing story and will be updated.")]
    [InlineData("Check back for updates; more to follow.")]
    public void An_articles_note_about_itself_is_no_forecast(string note)
    {
        ForecastFinder.Parse(note).ShouldBeNull();
        ForecastFinder.IsAboutTheArticle(note).ShouldBeTrue();
    }

    [Fact]
    public void Expected_weather_is_a_forecast_and_the_source_is_not_part_of_the_outcome()
    {
        ForecastFinder.Parse("Forecasters said more rain is expected over the weekend.")!.Outcome.ShouldBe("more rain is expected over the weekend");
        var spread = ForecastFinder.Parse("Aid workers said the number of displaced people could double if the fighting spreads.")!;
        spread.Condition.ShouldBe("the fighting spreads");
        spread.Outcome.ShouldBe("the number of displaced people could double");
    }
}
