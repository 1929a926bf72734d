namespace Sitrep.Syntax;

/// <summary>
/// What WordNet knows of English word forms, built into the engine (Data/wordnet,
/// tools/syntax/build-wordnet-exceptions.sh): WordNet 3.0's lists of irregular forms ("fled flee",
/// "geese goose", "worse bad"), the lexicon's answer for inflected words the treebank never showed it,
/// and WordNet 3.1's verbs and adjectives, which tell a real base form ("shell", "riot") from a wrong
/// cut of a suffix rule ("shel", "riote").
/// </summary>
internal static class WordNet
{
    private static readonly string[] ExceptionFiles = ["noun", "verb", "adj", "adv"];
    private static readonly Lazy<Dictionary<ulong, string>> Exceptions = new(LoadExceptions);
    private static readonly Lazy<HashSet<ulong>> Lemmas = new(LoadLemmas);

    /// <summary>The base form of an inflected word with its Penn tag, or null when WordNet lists none.</summary>
    public static string? BaseForm(ReadOnlySpan<char> lowerWord, string xpos)
    {
        int file = xpos switch
        {
            "NNS" => 0,
            "VBD" or "VBN" or "VBG" or "VBZ" => 1,
            "JJR" or "JJS" => 2,
            "RBR" or "RBS" => 3,
            _ => -1,
        };
        return file >= 0 && Exceptions.Value.TryGetValue(Key(lowerWord, file), out var lemma) ? lemma : null;
    }

    /// <summary>Whether WordNet lists a lower-case word as a verb (for a verb's Penn tag) or an adjective (JJR, JJS).</summary>
    public static bool IsLemma(ReadOnlySpan<char> lowerWord, string xpos)
    {
        int file = xpos.StartsWith("VB", StringComparison.Ordinal) ? 1 : xpos.StartsWith("JJ", StringComparison.Ordinal) ? 2 : -1;
        return file >= 0 && Lemmas.Value.Contains(Key(lowerWord, file));
    }

    private static ulong Key(ReadOnlySpan<char> word, int file) => FeatureHash.Combine(FeatureHash.Of(word), (ulong)file + 7);

    private static Dictionary<ulong, string> LoadExceptions()
    {
        var table = new Dictionary<ulong, string>();
        for (int file = 0; file < ExceptionFiles.Length; file++)
        {
            using var reader = DataFiles.OpenText("Syntax", $"wordnet.{ExceptionFiles[file]}.exc");
            while (reader.ReadLine() is { } line)
            {
                // "form lemma [lemma...]": the first lemma; multiword entries join their words with '_'.
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length < 2 || parts[0].Contains('_')) continue;
                table.TryAdd(Key(parts[0], file), string.Intern(parts[1].Replace('_', ' ')));
            }
        }
        return table;
    }

    private static HashSet<ulong> LoadLemmas()
    {
        var lemmas = new HashSet<ulong>();
        foreach (var (name, file) in new[] { ("verb", 1), ("adj", 2) })
        {
            using var reader = DataFiles.OpenText("Syntax", $"wordnet.{name}-lemmas.txt");
            while (reader.ReadLine() is { } line) if (line.Length > 0) lemmas.Add(Key(line, file));
        }
        return lemmas;
    }
}
