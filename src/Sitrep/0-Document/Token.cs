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
    public int EndToken => FirstToken + TokenCount;
}
