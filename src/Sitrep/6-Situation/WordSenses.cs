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
    private static readonly Lazy<Dictionary<string, int[]>> Table = new(Load);

    /// <summary>Noun and verb endings and what replaces them, in WordNet's morphy order.</summary>
    private static readonly (string Ending, string Replacement)[] Detachments =
    [
        ("ies", "y"), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"),
        ("ied", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""), ("s", ""),
    ];

    /// <summary>The lemma WordNet lists for a lower-case word, or null when it lists none.</summary>
    public static string? Lemma(string word)
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
        // An irregular form is its verb's or noun's before it is a word of its own ("struck" is an adjective too).
        foreach (var tag in IrregularTags)
        {
            var lemma = Lemmatizer.Lemma(word, tag);
            if (lemma != word && table.ContainsKey(lemma)) return lemma;
        }
        return table.ContainsKey(word) ? word : null;
    }

    private static readonly string[] IrregularTags = ["VBD", "VBN", "NNS"];

    /// <summary>True when the two lemmas share one of their frequent senses (or a verb its first sense's broader one).</summary>
    public static bool Related(string a, string b)
    {
        if (a == b) return true;
        var table = Table.Value;
        if (!table.TryGetValue(a, out var x) || !table.TryGetValue(b, out var y)) return false;
        foreach (var s in x)
            if (Array.IndexOf(y, s) >= 0) return true;
        return false;
    }

    /// <summary>True when WordNet lists the lemma.</summary>
    public static bool Knows(string lemma) => Table.Value.ContainsKey(lemma);

    private static Dictionary<string, int[]> Load()
    {
        var table = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var line in DataFiles.Lines("Situation", "wordnet-senses.tsv.gz"))
        {
            int tab = line.IndexOf('\t');
            if (tab <= 0) continue;
            var ids = line[(tab + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
            table[line[..tab]] = ids;
        }
        return table;
    }
}
