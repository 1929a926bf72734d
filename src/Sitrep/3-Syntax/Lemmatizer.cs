namespace Sitrep.Syntax;

/// <summary>Lemmas for any stage: the shipped lexicon's answer for a word and its Penn tag.</summary>
public static class Lemmatizer
{
    /// <summary>The lemma of a word with its Penn tag (<c>attacked</c>/VBN gives <c>attack</c>); proper nouns keep their case.</summary>
    public static string Lemma(string word, string xpos) => SyntaxModel.Shipped.Lexicon.Lemma(word, xpos);
}
