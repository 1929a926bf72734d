using System.Globalization;
using System.Text.RegularExpressions;
using Sitrep.Text;

namespace Sitrep.Situation;

/// <summary>
/// A sentence reduced to what a fact is made of, so that two outlets' wordings compare: content
/// words (lower case, light stemming, stop words dropped) and values (numbers with their units,
/// "five kilometers" = "5 km"), kept apart so that a changed value does not hide a shared fact.
/// </summary>
public sealed partial class FactWords
{
    public required IReadOnlySet<string> Words { get; init; }
    public required IReadOnlyList<Quantity> Numbers { get; init; }

    /// <summary>A number and the unit or noun it counts ("12 civilians" -> 12, "civilian").</summary>
    public readonly record struct Quantity(decimal Value, string Unit)
    {
        public override string ToString() => Unit.Length > 0 ? $"{Value.ToString(CultureInfo.InvariantCulture)} {Unit}" : Value.ToString(CultureInfo.InvariantCulture);
    }

    public static FactWords Of(string sentence)
    {
        var words = new HashSet<string>();
        var numbers = new List<Quantity>();
        var tokens = Tokens(sentence);
        for (int i = 0; i < tokens.Count; i++)
        {
            var lower = tokens[i].ToLowerInvariant();
            if (TryNumber(tokens, ref i, out var value))
            {
                string unit = i + 1 < tokens.Count ? Unit(tokens[i + 1].ToLowerInvariant()) : "";
                if (unit.Length > 0 && !IsYear(value, tokens, i)) i++;
                else if (unit.Length == 0) unit = PartOf(tokens, i);
                if (!IsYear(value, tokens, i)) numbers.Add(new Quantity(value, unit));
                if (unit.Length > 0) words.Add(unit);
                continue;
            }
            if (lower.Length < 2 || StopWords.Contains(lower) || ValueWords.Contains(lower)) continue;
            words.Add(Key(lower));
        }
        return new FactWords { Words = words, Numbers = numbers };
    }

    /// <summary>
    /// The shared tokens that carry a fact: words and numbers with "$" and "%"; other punctuation and a
    /// possessive "'s" say nothing of it ("n't" does).
    /// </summary>
    private static List<string> Tokens(string sentence)
    {
        var tokens = new List<string>();
        foreach (var token in Tokenizer.Tokenize(sentence))
        {
            var form = token.In(sentence);
            if (token.Kind == TokenKind.Punctuation ? form is not ("$" or "%") : form[0] is '\'' or '’') continue;
            tokens.Add(form.ToString());
        }
        return tokens;
    }

    /// <summary>Jaccard overlap of two sentences' content words.</summary>
    public double Similarity(FactWords other)
    {
        if (Words.Count == 0 || other.Words.Count == 0) return 0;
        int shared = Words.Count(other.Words.Contains);
        return (double)shared / (Words.Count + other.Words.Count - shared);
    }

    /// <summary>
    /// How many words the two sentences share, counting a word of one that has a synonym among the
    /// other's unshared words ("struck" / "hit") as shared, each word paired once.
    /// </summary>
    public int SharedWithSynonyms(FactWords other, int exact)
    {
        if (exact == Words.Count || exact == other.Words.Count) return exact;
        var theirs = other.Senses;
        Span<bool> paired = theirs.Length <= 256 ? stackalloc bool[theirs.Length] : new bool[theirs.Length];
        int shared = exact;
        foreach (var (word, senses) in Senses)
        {
            if (senses.Length == 0 || other.Words.Contains(word)) continue;
            for (int j = 0; j < theirs.Length; j++)
            {
                if (paired[j] || theirs[j].Senses.Length == 0 || Words.Contains(theirs[j].Word) || !WordSenses.Share(senses, theirs[j].Senses)) continue;
                paired[j] = true;
                shared++;
                break;
            }
        }
        return shared;
    }

    /// <summary>Each word with its WordNet senses, looked up once: a sentence is compared with many others.</summary>
    private (string Word, int[] Senses)[] Senses => senses ??= [.. Words.Select(w => (w, WordSenses.SensesOf(w)))];
    private (string Word, int[] Senses)[]? senses;

    /// <summary>Jaccard overlap of the content words, synonyms counted as shared.</summary>
    public double SimilarityWithSynonyms(FactWords other)
    {
        if (Words.Count == 0 || other.Words.Count == 0) return 0;
        int shared = SharedWithSynonyms(other, Words.Count(other.Words.Contains));
        return (double)shared / (Words.Count + other.Words.Count - shared);
    }

    private static bool IsYear(decimal value, List<string> tokens, int i) =>
        value is >= 1900 and <= 2100 && decimal.Truncate(value) == value && !tokens[i].Contains(',');

    /// <summary>Reads a number in digits ("1,200", "3.5") or words ("twenty-five", "two hundred"), advancing past it.</summary>
    internal static bool TryNumber(IReadOnlyList<string> tokens, ref int i, out decimal value)
    {
        var token = tokens[i];
        if (char.IsDigit(token[0]) && decimal.TryParse(token.Replace(",", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out value))
        {
            if (i + 1 < tokens.Count && Multipliers.TryGetValue(tokens[i + 1].ToLowerInvariant(), out var m)) { value *= m; i++; }
            return true;
        }
        value = 0;
        decimal current = 0;
        int j = i;
        bool any = false;
        while (j < tokens.Count)
        {
            var w = tokens[j].ToLowerInvariant();
            if (Units.TryGetValue(w, out var u)) { current += u; any = true; }
            else if (w.Contains('-') && w.Split('-') is [var tens, var ones] && Units.TryGetValue(tens, out var t) && Units.TryGetValue(ones, out var o)) { current += t + o; any = true; }
            else if (any && Multipliers.TryGetValue(w, out var m)) { current = Math.Max(current, 1) * m; if (m >= 1000) { value += current; current = 0; } }
            else if (any && w == "and" && j + 1 < tokens.Count && Units.ContainsKey(tokens[j + 1].ToLowerInvariant())) { }
            else break;
            j++;
        }
        if (!any) return false;
        value += current;
        i = j - 1;
        return true;
    }

    /// <summary>"31 of 40 drones": the part counts what the whole counts.</summary>
    private static string PartOf(IReadOnlyList<string> tokens, int i)
    {
        int k = i + 2;
        if (k >= tokens.Count || !tokens[i + 1].Equals("of", StringComparison.OrdinalIgnoreCase) || !TryNumber(tokens, ref k, out _)) return "";
        return k + 1 < tokens.Count ? Unit(tokens[k + 1].ToLowerInvariant()) : "";
    }

    private static string Unit(string word) => UnitNames.TryGetValue(word, out var unit) ? unit : Nouns().IsMatch(word) && !StopWords.Contains(word) ? Key(word) : "";

    /// <summary>A lower-case word as fact words hold it: WordNet's lemma ("struck" -> "strike", "fled" -> "flee"), else its stem.</summary>
    internal static string Key(string lower) => WordSenses.Lemma(lower) ?? Stem(lower);

    /// <summary>Plural and common inflections off, so "civilians" meets "civilian" and "killed" meets "kill".</summary>
    private static string Stem(string w)
    {
        if (w.Length > 4 && w.EndsWith("ies")) return w[..^3] + "y";
        if (w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss") && !w.EndsWith("us")) w = w[..^1];
        if (w.Length > 5 && w.EndsWith("ed")) return w[..^2];
        if (w.Length > 6 && w.EndsWith("ing")) return w[..^3];
        return w;
    }

    private static readonly IReadOnlyDictionary<string, string[]> Lists = DataFiles.Sections("Situation", "fact-words.txt");

    /// <summary>A list of fact-words.txt whose entries are a word, a tab and a value, as a table.</summary>
    private static Dictionary<string, T> Table<T>(string list, Func<string, T> value)
    {
        var table = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var entry in Lists[list].Select(l => l.Split('\t')))
            table[entry[0]] = value(entry.Length > 1 ? entry[1] : ""); // a local addition overrides a shipped entry
        return table;
    }

    /// <summary>Number words ("five"), multipliers ("hundred") and units with what they normalise to ("kilometres" = "km").</summary>
    private static readonly Dictionary<string, decimal> Units = Table("Numbers", v => decimal.Parse(v, CultureInfo.InvariantCulture));
    private static readonly Dictionary<string, decimal> Multipliers = Table("Multipliers", v => decimal.Parse(v, CultureInfo.InvariantCulture));
    private static readonly Dictionary<string, string> UnitNames = Table("Units", v => v);

    /// <summary>Words that carry a value rather than a fact: they may differ between outlets reporting one fact.</summary>
    private static readonly HashSet<string> ValueWords = [.. Lists["ValueWords"]];

    internal static readonly HashSet<string> StopWords = [.. Lists["StopWords"]];

    [GeneratedRegex(@"^\p{L}{3,}$")]
    private static partial Regex Nouns();
}
