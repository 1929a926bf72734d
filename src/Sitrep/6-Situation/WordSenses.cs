using Sitrep.Syntax;

namespace Sitrep.Situation;

/// <summary>
/// WordNet's lemmas and their most frequent senses (Data/wordnet-senses.tsv.gz): a word's dictionary
/// form found as WordNet's morphy finds it (inflections detached until a lemma is listed, irregular
/// forms from the lexicon), and whether two lemmas can name one thing ("struck" / "hit", "fled" /
/// "escaped", "erupted" / "began"), so two outlets' wordings of one fact meet.
/// </summary>
public static class WordSenses
{
    private static readonly Lazy<Dictionary<string, Entry>> Table = new(Load);

    /// <summary>A lemma's parts of speech ("nv": a noun and a verb) and the ids of its senses.</summary>
    private readonly record struct Entry(string Parts, int[] Senses);

    /// <summary>Noun and verb endings and what replaces them, in WordNet's morphy order.</summary>
    private static readonly (string Ending, string Replacement)[] Detachments =
    [
        ("ies", "y"), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"),
        ("ied", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""), ("s", ""),
    ];

    /// <summary>Lemmas found so far: a story reads the same words many times.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> Lemmas = new(StringComparer.Ordinal);

    private const int MostRemembered = 1 << 18;

    /// <summary>The lemma WordNet lists for a lower-case word, or null when it lists none.</summary>
    public static string? Lemma(string word)
    {
        if (Lemmas.TryGetValue(word, out var known)) return known;
        var lemma = Find(word);
        if (Lemmas.Count < MostRemembered) Lemmas[word] = lemma;
        return lemma;
    }

    private static string? Find(string word)
    {
        var table = Table.Value;
        // An inflected form is read as its base first: "killing" and "forces" are listed as nouns too.
        foreach (var (ending, replacement) in Detachments)
        {
            if (word.Length <= ending.Length + 2 || !word.EndsWith(ending, StringComparison.Ordinal)) continue;
            var stem = word[..^ending.Length];
            if (table.ContainsKey(stem + replacement)) return stem + replacement;
            // "stopped" -> "stop", "shelling" -> "shell"
            if (replacement.Length == 0 && stem.Length > 3 && stem[^1] == stem[^2] && table.ContainsKey(stem[..^1])) return stem[..^1];
        }
        // An irregular form is its verb's or noun's before it is an adjective of its own ("struck").
        if (table.TryGetValue(word, out var own) && (own.Parts.Contains('n') || own.Parts.Contains('v'))) return word;
        foreach (var tag in IrregularTags)
        {
            var lemma = Lemmatizer.Lemma(word, tag);
            if (lemma != word && table.TryGetValue(lemma, out var entry) && (entry.Parts.Contains('n') || entry.Parts.Contains('v'))) return lemma;
        }
        return table.ContainsKey(word) ? word : null;
    }

    private static readonly string[] IrregularTags = ["VBD", "VBN", "NNS"];

    /// <summary>True when the two lemmas share one of their frequent senses (or a verb its first sense's broader one).</summary>
    public static bool Related(string a, string b)
    {
        if (a == b) return true;
        var table = Table.Value;
        return table.TryGetValue(a, out var x) && table.TryGetValue(b, out var y) && Share(x.Senses, y.Senses);
    }

    /// <summary>The ids of a lemma's senses (none when WordNet does not list it): two lemmas are related when they share one.</summary>
    public static int[] SensesOf(string lemma) => Table.Value.TryGetValue(lemma, out var entry) ? entry.Senses : [];

    /// <summary>Whether two lemmas' senses (<see cref="SensesOf"/>) share one.</summary>
    public static bool Share(int[] a, int[] b)
    {
        foreach (var s in a)
            if (Array.IndexOf(b, s) >= 0) return true;
        return false;
    }

    /// <summary>True when WordNet lists the lemma.</summary>
    public static bool Knows(string lemma) => Table.Value.ContainsKey(lemma);

    private static Dictionary<string, Entry> Load()
    {
        var table = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var line in DataFiles.Lines("Situation", "wordnet-senses.tsv.gz"))
        {
            var fields = line.Split('\t');
            if (fields.Length != 3) continue;
            table[fields[0]] = new Entry(fields[1], fields[2].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray());
        }
        return table;
    }
}
