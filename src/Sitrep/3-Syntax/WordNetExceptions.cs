
namespace Sitrep.Syntax;

/// <summary>
/// WordNet 3.0's lists of irregular forms ("fled flee", "geese goose", "worse bad"), built into the
/// engine (Data/wordnet, tools/syntax/build-wordnet-exceptions.sh): the lexicon's answer for inflected
/// words the treebank never showed it, before its suffix rules.
/// </summary>
internal static class WordNetExceptions
{
    private static readonly string[] Files = ["noun", "verb", "adj", "adv"];
    private static readonly Lazy<Dictionary<ulong, string>> Table = new(Load);

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
        return file >= 0 && Table.Value.TryGetValue(Key(lowerWord, file), out var lemma) ? lemma : null;
    }

    private static ulong Key(ReadOnlySpan<char> word, int file) => FeatureHash.Combine(FeatureHash.Of(word), (ulong)file + 7);

    private static Dictionary<ulong, string> Load()
    {
        var table = new Dictionary<ulong, string>();
        for (int file = 0; file < Files.Length; file++)
        {
            using var reader = DataFiles.OpenText("Syntax", $"wordnet.{Files[file]}.exc");
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
}
