namespace Sitrep;

/// <summary>What a token is, so later stages need not re-inspect its characters.</summary>
public enum TokenKind : byte { Word, Number, Punctuation, Url, Email }

/// <summary>A token: a half-open range [Start, End) of UTF-16 code units in a document's text.</summary>
public readonly record struct Token(int Start, int End, TokenKind Kind)
{
    public int Length => End - Start;
    public ReadOnlySpan<char> In(string text) => text.AsSpan(Start, End - Start);
}

/// <summary>A sentence: tokens [FirstToken, FirstToken + TokenCount) of the document's token list.</summary>
public readonly record struct Sentence(int FirstToken, int TokenCount)
{
    /// <summary>
    /// Ten times a long news sentence. Later stages (the parser, the situation layer) grow faster than
    /// linearly in a sentence's length: one 1 MB record without punctuation kept <c>analyze</c> busy
    /// for more than five minutes, so no sentence is longer than this.
    /// </summary>
    public const int MaxTokens = 400;

    public int EndToken => FirstToken + TokenCount;
}
