namespace Sitrep.Stories;

/// <summary>A word of a text: its span and what its shape says (capitals, digits, start of a sentence).</summary>
public readonly record struct Word(int Start, int Length, bool Capitalised, bool AllCaps, bool HasDigit, bool SentenceInitial)
{
    public int End => Start + Length;
    public ReadOnlySpan<char> In(string text) => text.AsSpan(Start, Length);
}

/// <summary>
/// Splits text into words without allocating: runs of letters and digits, joined across an inner
/// hyphen or apostrophe ("15-year-old", "O'Brien") and across a point or comma between digits
/// ("6.1", "1,200"). Knows whether a word starts a sentence, which the name scanner needs.
/// </summary>
public static class Words
{
    public static List<Word> Scan(string text, int start = 0, int end = -1)
    {
        if (end < 0) end = text.Length;
        var words = new List<Word>(Math.Max(16, (end - start) / 6));
        bool sentenceStart = true;
        int i = start;
        while (i < end)
        {
            char c = text[i];
            if (!char.IsLetterOrDigit(c))
            {
                if (c is '.' or '!' or '?' or '\n' or ':' or ';' or '"' or '\u201C') sentenceStart = true;
                i++;
                continue;
            }
            int s = i;
            bool digit = false, upperOnly = true;
            while (i < end)
            {
                c = text[i];
                if (char.IsLetterOrDigit(c))
                {
                    if (char.IsDigit(c)) digit = true;
                    else if (!char.IsUpper(c)) upperOnly = false;
                    i++;
                }
                else if (i + 1 < end && i > s && char.IsLetterOrDigit(text[i + 1]) && Joins(c, text[i - 1], text[i + 1])) i++;
                else break;
            }
            char first = text[s];
            bool capitalised = char.IsUpper(first);
            words.Add(new Word(s, i - s, capitalised, capitalised && upperOnly && i - s > 1, digit, sentenceStart));
            sentenceStart = false;
        }
        return words;
    }

    private static bool Joins(char c, char before, char after) => c switch
    {
        '-' or '\'' or '\u2019' => true,
        '.' or ',' => char.IsDigit(before) && char.IsDigit(after),
        _ => false,
    };

    /// <summary>The word without a possessive "'s" ending.</summary>
    public static ReadOnlySpan<char> WithoutPossessive(ReadOnlySpan<char> w) =>
        w.Length > 2 && (w[^2] == '\'' || w[^2] == '\u2019') && (w[^1] == 's' || w[^1] == 'S') ? w[..^2] : w;
}

/// <summary>English function words and reporting verbs that carry no story: never terms, never names.</summary>
public static class Stopwords
{
    private static readonly HashSet<string> Set = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do",
        "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "he",
        "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its",
        "itself", "just", "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once",
        "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "same", "she", "should", "so", "some",
        "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this",
        "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where",
        "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself", "said",
        "says", "say", "told", "according", "mr", "mrs", "ms", "dr", "one", "two", "new", "last", "first", "year",
        "years", "may", "might", "must", "shall", "since", "however", "yet", "still", "even", "many", "much", "well",
        "back", "get", "got", "like", "made", "make", "us", "per", "cent", "percent", "week", "day", "days", "time",
        "today", "yesterday", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
        "s", "t", "don't", "it's", "he's", "she's", "there's", "that's", "news", "reported", "report", "reports", "according",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Set.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool Contains(ReadOnlySpan<char> word) => Lookup.Contains(word);
}
