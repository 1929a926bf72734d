using Sitrep.Text;

namespace Sitrep.Stories;

/// <summary>A word of a text: its span and what its shape says (capitals, digits, start of a sentence).</summary>
public readonly record struct Word(int Start, int Length, bool Capitalised, bool AllCaps, bool HasDigit, bool SentenceInitial)
{
    public int End => Start + Length;
    public ReadOnlySpan<char> In(string text) => text.AsSpan(Start, Length);
}

/// <summary>
/// The words of a text: the text stage's tokens that start with a letter or digit ("15-year-old",
/// "6.1", "1,200" whole; a possessive "'s" and punctuation left out), with whether each starts a
/// sentence, which the name scanner needs.
/// </summary>
public static class Words
{
    public static List<Word> Scan(string text, int start = 0, int end = -1)
    {
        if (end < 0) end = text.Length;
        var tokens = Tokenizer.Tokenize(text, start, end);
        var words = new List<Word>(tokens.Count);
        bool sentenceStart = true;
        int previousEnd = start;
        foreach (var token in tokens)
        {
            if (text.AsSpan(previousEnd, token.Start - previousEnd).Contains('\n')) sentenceStart = true;
            previousEnd = token.End;
            char first = text[token.Start];
            if (token.Kind is TokenKind.Url or TokenKind.Email || !char.IsLetterOrDigit(first))
            {
                if (first is '.' or '!' or '?' or ':' or ';' or '"' or '\u201C') sentenceStart = true;
                continue;
            }
            var span = text.AsSpan(token.Start, token.Length);
            bool capitalised = char.IsUpper(first);
            words.Add(new Word(token.Start, token.Length, capitalised, capitalised && !HasLower(span) && token.Length > 1, span.ContainsAnyInRange('0', '9'), sentenceStart));
            sentenceStart = false;
        }
        return words;
    }

    private static bool HasLower(ReadOnlySpan<char> span)
    {
        foreach (char c in span) if (char.IsLower(c)) return true;
        return false;
    }

    /// <summary>The word without a possessive "'s" ending.</summary>
    public static ReadOnlySpan<char> WithoutPossessive(ReadOnlySpan<char> w) =>
        w.Length > 2 && (w[^2] == '\'' || w[^2] == '\u2019') && (w[^1] == 's' || w[^1] == 'S') ? w[..^2] : w;
}

/// <summary>English function words and reporting verbs that carry no story: never terms, never names.</summary>
public static class Stopwords
{
    private static readonly HashSet<string> Set = new(DataFiles.Lines("Stories", "stopwords.txt"), StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Set.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool Contains(ReadOnlySpan<char> word) => Lookup.Contains(word);
}
