namespace Sitrep.Text;

/// <summary>
/// Splits text into tokens and sentences with exact UTF-16 offsets. Words keep internal hyphens and
/// periods of abbreviations (al-Bashir, U.S., Gen.); punctuation, quotes, brackets and the
/// possessive 's are split off; URLs and e-mail addresses stay whole.
/// </summary>
public static class Tokenizer
{
    private static readonly IReadOnlyDictionary<string, string[]> Lists = DataFiles.Sections("Text", "tokenizer-words.txt");

    /// <summary>Abbreviations that keep their final period (compared without it, case-insensitively).</summary>
    private static readonly HashSet<string> Abbreviations = new(Lists["Abbreviations"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Abbreviations that never end a sentence: titles come before a name.</summary>
    private static readonly HashSet<string> Titles = new(Lists["Titles"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that start a sentence after an abbreviation such as "U.S." ends one.</summary>
    private static readonly HashSet<string> SentenceStarters = new(Lists["SentenceStarters"], StringComparer.Ordinal);

    public static List<Token> Tokenize(string text) => Tokenize(text, 0, text.Length);

    public static List<Token> Tokenize(string text, int start, int end)
    {
        var tokens = new List<Token>(Math.Max(16, (end - start) / 5));
        int i = start;
        while (i < end)
        {
            if (char.IsWhiteSpace(text[i])) { i++; continue; }
            int chunkEnd = i;
            while (chunkEnd < end && !char.IsWhiteSpace(text[chunkEnd])) chunkEnd++;
            SplitChunk(text, i, chunkEnd, tokens);
            i = chunkEnd;
        }
        return tokens;
    }

    /// <summary>
    /// Groups tokens into sentences: a sentence ends at . ! ? (with any closing quotes or brackets after
    /// them) before a capitalised word, a digit or an opening quote; after an abbreviation only before a
    /// typical sentence opener; and at a line break unless the next line goes on in lower case.
    /// A run of more than <see cref="Sentence.MaxTokens"/> tokens without an end is broken there.
    /// </summary>
    public static List<Sentence> SplitSentences(string text, IReadOnlyList<Token> tokens)
    {
        var sentences = new List<Sentence>();
        int first = 0;
        for (int t = 0; t < tokens.Count; t++)
        {
            bool last = t + 1 == tokens.Count;
            if (last || t + 1 - first == Sentence.MaxTokens || EndsSentence(text, tokens, t))
            {
                sentences.Add(new Sentence(first, t + 1 - first));
                first = t + 1;
            }
        }
        return sentences;
    }

    private static bool EndsSentence(string text, IReadOnlyList<Token> tokens, int t)
    {
        var token = tokens[t];
        var next = tokens[t + 1];
        char nextFirst = text[next.Start];
        if (LineBreakBetween(text, token.End, next.Start) && !char.IsLower(nextFirst)) return true;
        if (IsClosing(text, token) && t > 0 && IsTerminal(text, tokens[t - 1]) && tokens[t - 1].End == token.Start)
        {
            if (IsClosing(text, next) && next.Start == token.End) return false;
            return StartsSentence(text, next);
        }
        if (!IsTerminal(text, token) || IsClosing(text, next) && next.Start == token.End) return false;
        if (token.Length == 1 || text[token.Start] == '.' ) return StartsSentence(text, next);
        // An abbreviation with its period: "U.S." ends a sentence only before a typical opener.
        if (text[token.End - 1] != '.') return false;
        var bare = text.AsSpan(token.Start, token.Length - 1);
        if (Titles.GetAlternateLookup<ReadOnlySpan<char>>().Contains(bare)) return false;
        return SentenceStarters.GetAlternateLookup<ReadOnlySpan<char>>().Contains(next.In(text));
    }

    private static bool LineBreakBetween(string text, int from, int to)
    {
        for (int i = from; i < to; i++) if (text[i] == '\n' || text[i] == '\r') return true;
        return false;
    }

    private static bool IsTerminal(string text, Token token)
    {
        char last = text[token.End - 1];
        return token.Kind is TokenKind.Punctuation or TokenKind.Word && (last is '.' or '!' or '?' or '…');
    }

    private static bool IsClosing(string text, Token token) =>
        token.Length == 1 && text[token.Start] is '"' or '\'' or '”' or '’' or ')' or ']' or '»';

    private static bool StartsSentence(string text, Token next)
    {
        char c = text[next.Start];
        return char.IsUpper(c) || char.IsDigit(c) || c is '"' or '“' or '‘' or '\'' or '(' or '[' or '«' or '-' or '—';
    }

    private static void SplitChunk(string text, int start, int end, List<Token> tokens)
    {
        // Opening punctuation: quotes, brackets, currency signs.
        while (start < end && IsLeading(text, start, end))
        {
            tokens.Add(new Token(start, start + 1, TokenKind.Punctuation));
            start++;
        }
        if (start >= end) return;
        if (IsUrl(text, start, end, out int urlEnd) || IsEmail(text, start, end, out urlEnd))
        {
            var kind = text.AsSpan(start, urlEnd - start).Contains('@') && !text.AsSpan(start, urlEnd - start).Contains("://", StringComparison.Ordinal)
                ? TokenKind.Email : TokenKind.Url;
            tokens.Add(new Token(start, urlEnd, kind));
            SplitChunk(text, urlEnd, end, tokens);
            return;
        }
        // Closing punctuation, peeled from the end: added first, in peeling order, then moved after the
        // core by two reversals (no list per word).
        int peeledFrom = tokens.Count;
        while (end > start)
        {
            char c = text[end - 1];
            if (c == '.')
            {
                if (end - start >= 3 && text[end - 2] == '.' && text[end - 3] == '.')
                {
                    tokens.Add(new Token(end - 3, end, TokenKind.Punctuation));
                    end -= 3;
                    continue;
                }
                if (KeepsPeriod(text, start, end)) break;
                tokens.Add(new Token(end - 1, end, TokenKind.Punctuation));
                end--;
            }
            else if (c is ',' or ';' or ':' or '!' or '?' or '"' or ')' or ']' or '}' or '”' or '’' or '»' or '…' or '%' or '\'' or '“' or '‘')
            {
                tokens.Add(new Token(end - 1, end, TokenKind.Punctuation));
                end--;
            }
            else break;
        }
        int peeled = tokens.Count - peeledFrom;
        SplitCore(text, start, end, tokens);
        if (peeled == 0) return;
        var moved = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens)[peeledFrom..];
        moved.Reverse();
        moved[..^peeled].Reverse();
    }

    private static bool IsLeading(string text, int at, int end)
    {
        char c = text[at];
        if (c is '"' or '“' or '‘' or '(' or '[' or '{' or '«' or '$' or '£' or '€' or '¥') return true;
        // A leading apostrophe quotes, unless it shortens a year ('90s) or a word ('em).
        if (c is '\'' or '’') return at + 1 < end && !char.IsDigit(text[at + 1]) && !(end - at <= 3 && char.IsLower(text[at + 1]));
        return false;
    }

    /// <summary>Whether the period ending [start, end) belongs to the word: U.S., e.g., F., Gen., Dec.</summary>
    private static bool KeepsPeriod(string text, int start, int end)
    {
        int length = end - start - 1;
        if (length <= 0) return false;
        var bare = text.AsSpan(start, length);
        if (length == 1) return char.IsLetter(bare[0]);
        // Letter-period sequences: U.S., U.N., e.g., a.m.
        bool dotted = true;
        for (int i = 0; i < bare.Length; i++)
        {
            bool letterSlot = i % 2 == 0;
            if (letterSlot ? !char.IsLetter(bare[i]) : bare[i] != '.') { dotted = false; break; }
        }
        if (dotted) return true;
        return Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>().Contains(bare);
    }

    /// <summary>Splits a chunk without its outer punctuation at em dashes, ellipses, slashes between words and before 's / n't.</summary>
    private static void SplitCore(string text, int start, int end, List<Token> tokens)
    {
        int tokenStart = start;
        for (int i = start; i < end; i++)
        {
            char c = text[i];
            bool split = c is '—' or '…' or ',' && !(c == ',' && IsDigitAt(text, i - 1, start) && IsDigitAt(text, i + 1, end, true))
                         || c == '.' && i + 2 < end && text[i + 1] == '.' && text[i + 2] == '.';
            if (c == '-' && i + 1 < end && text[i + 1] == '-') split = true;
            if (split)
            {
                Emit(text, tokenStart, i, tokens);
                int width = c == '.' ? 3 : c == '-' ? 2 : 1;
                tokens.Add(new Token(i, i + width, TokenKind.Punctuation));
                i += width - 1;
                tokenStart = i + 1;
                continue;
            }
            if ((c is '\'' or '’') && i > tokenStart)
            {
                // Possessive 's and contractions split off: Bashir's -> Bashir 's; don't -> do n't.
                int rest = end - i;
                if (rest == 2 && (text[i + 1] is 's' or 'S' or 'd' or 'm')
                    || rest == 3 && (string.Compare(text, i + 1, "ll", 0, 2, StringComparison.OrdinalIgnoreCase) == 0
                                     || string.Compare(text, i + 1, "re", 0, 2, StringComparison.OrdinalIgnoreCase) == 0
                                     || string.Compare(text, i + 1, "ve", 0, 2, StringComparison.OrdinalIgnoreCase) == 0))
                {
                    int cut = i;
                    if (i - 1 > tokenStart && (text[i - 1] is 'n' or 'N') && rest == 2 && (text[i + 1] is 't' or 'T')) cut = i - 1;
                    Emit(text, tokenStart, cut, tokens);
                    tokens.Add(new Token(cut, end, TokenKind.Word));
                    return;
                }
                if (rest == 2 && (text[i + 1] is 't' or 'T') && i - 1 > tokenStart && text[i - 1] is 'n' or 'N')
                {
                    Emit(text, tokenStart, i - 1, tokens);
                    tokens.Add(new Token(i - 1, end, TokenKind.Word));
                    return;
                }
            }
        }
        Emit(text, tokenStart, end, tokens);
    }

    private static bool IsDigitAt(string text, int at, int limit, bool before = false) =>
        (before ? at < limit : at >= limit) && char.IsDigit(text[at]);

    private static void Emit(string text, int start, int end, List<Token> tokens)
    {
        if (end <= start) return;
        bool number = char.IsDigit(text[start]) || (end - start > 1 && text[start] is '-' or '+' or '.' && char.IsDigit(text[start + 1]));
        bool letters = false;
        for (int i = start; i < end && !letters; i++) letters = char.IsLetter(text[i]);
        var kind = number && !HasLetterRun(text, start, end) ? TokenKind.Number
            : letters || number ? TokenKind.Word : TokenKind.Punctuation;
        tokens.Add(new Token(start, end, kind));
    }

    private static bool HasLetterRun(string text, int start, int end)
    {
        int run = 0;
        for (int i = start; i < end; i++)
        {
            run = char.IsLetter(text[i]) ? run + 1 : 0;
            if (run >= 3) return true;
        }
        return false;
    }

    private static bool IsUrl(string text, int start, int end, out int urlEnd)
    {
        urlEnd = start;
        var chunk = text.AsSpan(start, end - start);
        if (!chunk.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !chunk.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            && !chunk.StartsWith("www.", StringComparison.OrdinalIgnoreCase)) return false;
        urlEnd = TrimTrailing(text, start, end);
        return urlEnd > start;
    }

    private static bool IsEmail(string text, int start, int end, out int emailEnd)
    {
        emailEnd = start;
        int at = text.IndexOf('@', start, end - start);
        if (at <= start) return false;
        for (int i = start; i < at; i++)
            if (!(char.IsLetterOrDigit(text[i]) || text[i] is '.' or '_' or '-' or '+')) return false;
        int stop = TrimTrailing(text, at + 1, end);
        int dot = text.IndexOf('.', at + 1, Math.Max(0, stop - at - 1));
        if (dot < 0 || dot == at + 1 || dot >= stop - 1) return false;
        for (int i = at + 1; i < stop; i++)
            if (!(char.IsLetterOrDigit(text[i]) || text[i] is '.' or '-')) return false;
        emailEnd = stop;
        return true;
    }

    private static int TrimTrailing(string text, int start, int end)
    {
        while (end > start && text[end - 1] is '.' or ',' or ';' or ':' or '!' or '?' or ')' or ']' or '"' or '\'' or '”' or '’' or '»')
            end--;
        return end;
    }
}
