using Sitrep.Syntax;

namespace Sitrep.Tests.Syntax;

public class LexiconTests
{
    [Theory]
    [InlineData("attacked", "VBN", "attack")]
    [InlineData("militants", "NNS", "militant")]
    [InlineData("was", "VBD", "be")]
    [InlineData("shot", "VBN", "shoot")]
    // Irregular forms the treebank lacks come from WordNet's exception lists.
    [InlineData("strove", "VBD", "strive")]
    [InlineData("Shelling", "VBG", "shell")]
    [InlineData("Kabul", "NNP", "Kabul")]
    // Words the training data lacks take the suffix rules of their tag.
    [InlineData("outflanked", "VBD", "outflank")]
    [InlineData("warlords", "NNS", "warlord")]
    // Of the rules that fit an unseen word, the longest ending's that gives a verb WordNet or the treebank knows.
    [InlineData("shelled", "VBD", "shell")]
    [InlineData("rioted", "VBD", "riot")]
    [InlineData("rioting", "VBG", "riot")]
    [InlineData("raiding", "VBG", "raid")]
    [InlineData("torched", "VBN", "torch")]
    [InlineData("ceasing", "VBG", "cease")]
    [InlineData("cancelling", "VBG", "cancel")]
    public void A_word_and_its_penn_tag_give_the_ud_lemma(string word, string xpos, string lemma) =>
        Lemmatizer.Lemma(word, xpos).ShouldBe(lemma);

    [Fact]
    public void Tagging_a_tokenized_sentence_gives_tags_lemmas_and_features_without_a_tree()
    {
        var tagged = SyntaxModel.Shipped.Tag(["Gunmen", "killed", "three", "villagers", "."]);
        tagged.Upos.ShouldBe([Upos.NOUN, Upos.VERB, Upos.NUM, Upos.NOUN, Upos.PUNCT]);
        tagged.Xpos.ShouldBe(["NNS", "VBD", "CD", "NNS", "."]);
        tagged.Lemmas.ShouldBe(["gunman", "kill", "three", "villager", "."]);
        tagged.Features[3].ShouldBe("Number=Plur");
        tagged.Heads.ShouldAllBe(h => h == -1);
    }
}
