namespace Sitrep.Time;

internal enum TokenKind : byte { Word, Number, Punct }

/// <summary>
/// One token of the light scan: a word (with its lexicon entry, if any), a digit run (with a
/// suffix such as "s", "th" or "pm" kept apart) or a single punctuation character.
/// </summary>
internal struct TimeToken
{
    public int Start, End;
    public TokenKind Kind;
    public bool SpaceBefore;     // whitespace separates it from the previous token
    public bool NewlineBefore;
    public bool Capitalized;
    public WordInfo? Info;       // words only
    public int Number;           // digit runs: their value (capped); 0 otherwise
    public int Digits;           // digit runs: how many digits
    public int SuffixStart;      // digit runs: where a letter suffix starts ("1960s", "20th", "9pm"), else End

    public readonly bool Is(WordClass c) => Info is { } i && i.Is(c);
    public readonly bool HasSuffix => Kind == TokenKind.Number && SuffixStart < End;
}

/// <summary>
/// The time stage's view of the shared tokens (<see cref="Sitrep.Text.Tokenizer"/>): each token split
/// further into letter runs, digit runs and single punctuation characters ("10:30" is 10 : 30,
/// "1960s" is 1960 with its suffix), each word looked up in <see cref="TimeLexicon"/>. Tokens go into
/// a reusable array (read in place by the matcher, never copied).
/// </summary>
internal static class TimeTokens
{
    /// <summary>Fills <paramref name="tokens"/> (grown when needed) from the shared tokens of <paramref name="text"/> and returns how many it holds.</summary>
    public static int Split(string text, IReadOnlyList<Token> shared, ref TimeToken[] tokens)
    {
        int count = 0, previousEnd = 0;
        foreach (var token in shared)
        {
            // an abbreviation's dot may have been taken already ("Mon." where the tokenizer split it off)
            int i = Math.Max(token.Start, previousEnd), n = token.End;
            while (i < n)
            {
                var t = new TimeToken { Start = i };
                (t.SpaceBefore, t.NewlineBefore) = count == 0 ? (true, true) : Gap(text, previousEnd, i);
                char c = text[i];
                if (char.IsLetter(c))
                {
                    int j = i + 1;
                    while (j < n && char.IsLetter(text[j])) j++;
                    // single-letter abbreviations with dots: a.m., p.m.
                    if (j - i == 1 && j + 1 < n && text[j] == '.' && char.IsLetter(text[j + 1]) && (j + 2 >= text.Length || !char.IsLetter(text[j + 2])))
                        j += 2;
                    t.Kind = TokenKind.Word;
                    t.Capitalized = char.IsUpper(c);
                    t.End = j;
                    if (j - i <= TimeLexicon.LongestWord && TimeLexicon.Find(text.AsSpan(i, j - i)) is { } info)
                    {
                        t.Info = info;
                        if (j < text.Length && text[j] == '.' && info.Senses.Any(s => s.Abbreviation) && !EndsSentence(text, j)) t.End = j + 1;
                    }
                }
                else if (char.IsAsciiDigit(c))
                {
                    int j = i, value = 0;
                    while (j < n && char.IsAsciiDigit(text[j]))
                    {
                        if (value < 100_000_000) value = value * 10 + (text[j] - '0');
                        j++;
                    }
                    t.Kind = TokenKind.Number;
                    t.Number = value;
                    t.Digits = j - i;
                    t.SuffixStart = j;
                    int k = j;
                    while (k < n && char.IsAsciiLetter(text[k]) && k - j < 3) k++;
                    if (k > j && (k >= text.Length || !char.IsLetter(text[k])) && IsNumberSuffix(text.AsSpan(j, k - j))) j = k;
                    t.End = j;
                }
                else
                {
                    t.Kind = TokenKind.Punct;
                    t.End = i + 1;
                }
                if (count == tokens.Length) Array.Resize(ref tokens, Math.Max(256, tokens.Length * 2));
                tokens[count++] = t;
                i = previousEnd = t.End;
            }
        }
        return count;
    }

    /// <summary>Whether whitespace, and a line break, lie between two tokens.</summary>
    private static (bool Space, bool Newline) Gap(string text, int from, int to)
    {
        bool space = false;
        for (int k = from; k < to; k++)
        {
            if (text[k] == '\n') return (true, true);
            space |= char.IsWhiteSpace(text[k]);
        }
        return (space, false);
    }

    /// <summary>A dot that also ends the sentence ("at 10 p.m. The"): it is the sentence's, not the abbreviation's.</summary>
    private static bool EndsSentence(string text, int dot)
    {
        int k = dot + 1;
        if (k >= text.Length || text[k] == '\n') return true;
        if (!char.IsWhiteSpace(text[k])) return false;
        while (k < text.Length && text[k] is ' ' or '\t') k++;
        if (k >= text.Length || text[k] == '\n' || text[k] is '"' or '\u201C') return true;
        if (!char.IsUpper(text[k])) return false;
        // "10 p.m. Tuesday", "5 p.m. EST" go on; "10 p.m. The" does not
        int end = k;
        while (end < text.Length && char.IsLetter(text[end])) end++;
        return TimeLexicon.Find(text.AsSpan(k, end - k)) is not { } next ||
               !next.Is(WordClass.Weekday | WordClass.Month | WordClass.Zone | WordClass.DayWord);
    }

    private static bool IsNumberSuffix(ReadOnlySpan<char> s) =>
        s.Equals("s", StringComparison.OrdinalIgnoreCase) || s.Equals("st", StringComparison.OrdinalIgnoreCase) ||
        s.Equals("nd", StringComparison.OrdinalIgnoreCase) || s.Equals("rd", StringComparison.OrdinalIgnoreCase) ||
        s.Equals("th", StringComparison.OrdinalIgnoreCase) || s.Equals("am", StringComparison.OrdinalIgnoreCase) ||
        s.Equals("pm", StringComparison.OrdinalIgnoreCase);
}
