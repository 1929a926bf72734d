namespace Sitrep.Situation;

/// <summary>
/// A stand-in lemmatizer for the event lexicon until the syntax stage's lemmatizer lands (then this
/// class and Data/irregular-forms.tsv go): irregular forms from the data file, regular inflections
/// undone only as far as they reach a word the lexicon knows ("killings" -> "killing" when the
/// lexicon lists it, else "kill").
/// </summary>
public sealed class StandInLemmas(IReadOnlyDictionary<string, string> irregular, IReadOnlySet<string> vocabulary)
{
    public string Lemma(string lower)
    {
        if (irregular.TryGetValue(lower, out var lemma)) return lemma;
        if (lower.EndsWith("n't", StringComparison.Ordinal)) return "not";
        foreach (var candidate in Candidates(lower))
            if (vocabulary.Contains(candidate)) return candidate;
        return lower;
    }

    private static IEnumerable<string> Candidates(string w)
    {
        foreach (var noun in Singulars(w))
        {
            yield return noun;
            foreach (var verb in Stems(noun)) yield return verb;
        }
    }

    private static IEnumerable<string> Singulars(string w)
    {
        yield return w;
        if (w.Length <= 3 || !w.EndsWith('s') || w.EndsWith("ss", StringComparison.Ordinal)) yield break;
        if (w.EndsWith("ies", StringComparison.Ordinal)) yield return w[..^3] + "y";
        if (w.EndsWith("es", StringComparison.Ordinal)) yield return w[..^2];
        yield return w[..^1];
    }

    private static IEnumerable<string> Stems(string w)
    {
        foreach (var suffix in (string[])["ed", "ing"])
        {
            if (w.Length <= suffix.Length + 2 || !w.EndsWith(suffix, StringComparison.Ordinal)) continue;
            var stem = w[..^suffix.Length];
            if (suffix == "ed" && stem.EndsWith('i')) yield return stem[..^1] + "y"; // denied -> deny
            yield return stem;
            yield return stem + "e"; // seized -> seize, fleeing -> flee(e)
            if (stem.Length > 2 && stem[^1] == stem[^2]) yield return stem[..^1]; // stopped -> stop
        }
    }

    /// <summary>Reads "lemma TAB form|form" rows into form -> lemma.</summary>
    public static Dictionary<string, string> ReadIrregular(TextReader reader)
    {
        var forms = new Dictionary<string, string>(StringComparer.Ordinal);
        string? line;
        while ((line = reader.ReadLine()) != null)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var columns = line.Split('\t');
            foreach (var form in columns[1].Split('|')) forms[form] = columns[0];
        }
        return forms;
    }
}
