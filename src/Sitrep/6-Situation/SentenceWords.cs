using System.Collections.Concurrent;
using Sitrep.Syntax;
using Sitrep.Text;

namespace Sitrep.Situation;

/// <summary>A sentence's words in lower case, their document offsets and, when tagged, their lemmas and Penn tags.</summary>
public sealed class SentenceWords
{
    public IReadOnlyList<string> Lower { get; }
    /// <summary>Lemmas from the syntax stage (lower case but for proper nouns); the lower-case words when untagged.</summary>
    public IReadOnlyList<string> Lemmas { get; }
    /// <summary>Penn Treebank tags ("VBD", "NNS", "MD"); empty strings when untagged.</summary>
    public IReadOnlyList<string> Tags { get; }
    public IReadOnlyList<int> Starts { get; }
    public IReadOnlyList<int> Ends { get; }

    private SentenceWords(IReadOnlyList<string> lower, IReadOnlyList<string> lemmas, IReadOnlyList<string> tags, IReadOnlyList<int> starts, IReadOnlyList<int> ends)
    {
        Lower = lower;
        Lemmas = lemmas;
        Tags = tags;
        Starts = starts;
        Ends = ends;
    }

    /// <summary>The words of a sentence (the text stage's tokens but punctuation other than the , ; : that end clauses), untagged.</summary>
    public SentenceWords(StorySentence sentence)
    {
        var words = WordsOnce(sentence.Text);
        int offset = sentence.InLead ? 0 : sentence.Start;
        var starts = new int[words.Tokens.Length];
        var ends = new int[words.Tokens.Length];
        for (int i = 0; i < starts.Length; i++)
        {
            starts[i] = offset + words.Tokens[i];
            ends[i] = starts[i] + words.Lower[i].Length;
        }
        Lower = words.Lower;
        Lemmas = words.Lower;
        Tags = words.Tags;
        Starts = starts;
        Ends = ends;
    }

    private static readonly ConcurrentDictionary<string, Reading> WordsBefore = new(StringComparer.Ordinal);

    /// <summary>A text's words (lowered; Tokens holds where each starts in the text), found once per distinct sentence.</summary>
    private static Reading WordsOnce(string text)
    {
        if (WordsBefore.TryGetValue(text, out var known)) return known;
        var (lower, starts) = (new List<string>(), new List<int>());
        foreach (var token in Tokenizer.Tokenize(text))
        {
            var form = text.AsSpan(token.Start, token.Length);
            if (token.Kind == TokenKind.Punctuation && form is not ("," or ";" or ":")) continue;
            // The cue lists read a clitic with its word ("sheriff's", "didn't"), as people write them.
            if (IsClitic(form) && starts.Count > 0 && starts[^1] + lower[^1].Length == token.Start) lower[^1] += Lowered(form.ToString());
            else
            {
                lower.Add(Lowered(form.ToString()));
                starts.Add(token.Start);
            }
        }
        var reading = new Reading([.. lower], [.. lower], [.. lower.Select(_ => "")], [.. starts]);
        if (WordsBefore.Count >= RememberedSentences) WordsBefore.Clear();
        WordsBefore.TryAdd(text, reading);
        return reading;
    }

    private static bool IsClitic(ReadOnlySpan<char> form) =>
        form.Length is 2 or 3 && (form[0] is '\'' or '’' || form[0] is 'n' or 'N' && form[1] is '\'' or '’');

    /// <summary>
    /// A body sentence's tokens (words, numbers and , ; :) with the syntax stage's tags and lemmas: the
    /// document's own analysis when it was parsed, else the shipped tagger run on the sentence here.
    /// A lemma the caller does not <paramref name="know"/> is asked again as a verb's or a common
    /// noun's (the tagger confuses "fled"/VBD with "fled"/VBN, takes "withdrew" for a preposition and a
    /// sentence's first word for a name), and the known answer kept.
    /// </summary>
    public static SentenceWords Tagged(StorySentence sentence, Func<string, bool>? know = null)
    {
        if (sentence.InLead) return new SentenceWords(sentence);
        var document = sentence.Document;
        var tokens = document.Tokens;
        int first = FirstTokenAt(tokens, sentence.Start), end = FirstTokenAt(tokens, sentence.End);
        if (end <= first) return new SentenceWords(sentence);
        var forms = new string[end - first];
        for (int i = 0; i < forms.Length; i++) forms[i] = tokens[first + i].In(document.Text).ToString();
        var reading = document.Syntax() is { } parsed ? Read(forms, tokens, first, parsed, first, know) : ReadOnce(forms, tokens, first, know);
        var starts = new List<int>(reading.Tokens.Length);
        var ends = new List<int>(reading.Tokens.Length);
        foreach (int t in reading.Tokens)
        {
            starts.Add(tokens[first + t].Start);
            ends.Add(tokens[first + t].End);
        }
        return new SentenceWords(reading.Lower, reading.Lemmas, reading.Tags, starts, ends);
    }

    /// <summary>What a sentence's words say, apart from where they are: Tokens locates each word (a token's index from the sentence's first, or a text offset).</summary>
    private sealed record Reading(string[] Lower, string[] Lemmas, string[] Tags, int[] Tokens);

    private static Reading Read(string[] forms, IReadOnlyList<Token> tokens, int first, SyntaxAnalysis analysis, int offset, Func<string, bool>? know)
    {
        var (lower, lemmas, tags, kept) = (new List<string>(), new List<string>(), new List<string>(), new List<int>());
        for (int i = 0; i < forms.Length; i++)
        {
            if (tokens[first + i].Kind == TokenKind.Punctuation && forms[i] is not ("," or ";" or ":")) continue;
            // A capital at the start of a sentence is no name's ("Gunfire erupted"); elsewhere it is ("in March").
            bool name = analysis.Xpos[offset + i].StartsWith("NNP", StringComparison.Ordinal);
            var form = name && lower.Count == 0 ? Lowered(forms[i]) : forms[i];
            var lemma = name && lower.Count == 0 ? Lowered(analysis.Lemmas[offset + i]) : analysis.Lemmas[offset + i];
            if (know != null && !know(lemma) && (!name || lower.Count == 0) && char.IsLetter(form[0]))
                lemma = Confusable.Select(tag => Lemmatizer.Lemma(form, tag)).FirstOrDefault(know) ?? lemma;
            lower.Add(Lowered(forms[i]));
            // An acronym keeps its case as a name would, yet "IED" is the lexicon's "ied".
            lemmas.Add(forms[i].All(c => !char.IsLower(c)) ? Lowered(lemma) : lemma);
            tags.Add(analysis.Xpos[offset + i]);
            kept.Add(i);
        }
        return new Reading([.. lower], [.. lemmas], [.. tags], [.. kept]);
    }

    // Wire copy repeats sentences word for word across outlets: each distinct sentence (with the same
    // judge of known lemmas) is tagged and read once, the tagger reading nothing but the words; the
    // memory stays bounded.
    private static readonly ConcurrentDictionary<(object?, string), Reading> ReadBefore = new();
    private const int RememberedSentences = 100_000;

    private static Reading ReadOnce(string[] forms, IReadOnlyList<Token> tokens, int first, Func<string, bool>? know)
    {
        var key = (know?.Target, string.Join('\u001F', forms));
        if (ReadBefore.TryGetValue(key, out var known)) return known;
        var reading = Read(forms, tokens, first, SyntaxModel.Shipped.Tag(forms), 0, know);
        if (ReadBefore.Count >= RememberedSentences) ReadBefore.Clear();
        ReadBefore.TryAdd(key, reading);
        return reading;
    }

    /// <summary>The tags a lemma is asked again under, verbs and common nouns ("withdrew" tagged IN is withdraw/VBD).</summary>
    private static readonly string[] Confusable = ["VBD", "VBN", "NN", "NNS", "VBG", "VBZ"];

    private static int FirstTokenAt(IReadOnlyList<Token> tokens, int offset)
    {
        int lo = 0, hi = tokens.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (tokens[mid].Start < offset) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private static string Lowered(string word) => word.ToLowerInvariant().Replace('’', '\'');

    public int Count => Lower.Count;

    /// <summary>The words of any text (a headline) in lower case, as a sentence's are.</summary>
    public static IReadOnlyList<string> LowerWords(string text) => WordsOnce(text).Lower;

    /// <summary>Index of the first word starting at or after a document offset (Count when none).</summary>
    public int WordAt(int offset)
    {
        for (int i = 0; i < Starts.Count; i++)
            if (Starts[i] >= offset) return i;
        return Starts.Count;
    }
}
