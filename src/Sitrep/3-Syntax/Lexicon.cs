
namespace Sitrep.Syntax;

/// <summary>
/// Lemmas and morphological features of tagged words, learned from a treebank. A word seen in training
/// with its Penn tag gets its most frequent lemma and features there; an unseen word gets the lemma of
/// WordNet's base form when it lists the word as irregular, else the edit rule (strip a suffix, append
/// another) most frequent among training words of its tag that end like it, longest ending first, whose
/// result is a known base form (when any is); and
/// the features most frequent for its tag pair.
/// </summary>
public sealed class Lexicon
{
    private const int LongestEnding = 5;
    private readonly Dictionary<ulong, string> _lemmas;
    private readonly Dictionary<ulong, string> _features;
    private readonly Dictionary<ulong, (int Strip, string Append)> _rules;

    private Lexicon(Dictionary<ulong, string> lemmas, Dictionary<ulong, string> features, Dictionary<ulong, (int, string)> rules)
    {
        _lemmas = lemmas;
        _features = features;
        _rules = rules;
    }

    /// <summary>The lemma of a word with its Penn tag, as UD writes it (proper nouns keep their case).</summary>
    public string Lemma(ReadOnlySpan<char> word, string xpos)
    {
        if (_lemmas.TryGetValue(Key(word, xpos, lower: false), out var known)) return known;
        bool proper = xpos.StartsWith("NNP", StringComparison.Ordinal);
        if (!proper && _lemmas.TryGetValue(Key(word, xpos, lower: true), out known)) return known;
        Span<char> form = word.Length <= 256 ? stackalloc char[word.Length] : new char[word.Length];
        word.CopyTo(form);
        if (!proper) for (int i = 0; i < form.Length; i++) form[i] = char.ToLowerInvariant(form[i]);
        if (!proper && WordNet.BaseForm(form, xpos) is { } irregular) return irregular;
        // The rule of the longest ending, unless it cuts a word no dictionary knows ("shelled": "shel")
        // and the rule of a shorter ending gives one that is known ("shell").
        string? first = null;
        for (int length = Math.Min(LongestEnding, form.Length - 1); length >= 0; length--)
        {
            if (!_rules.TryGetValue(RuleKey(form[^length..], xpos), out var rule) || rule.Strip >= form.Length) continue;
            var candidate = string.Concat(form[..^rule.Strip], rule.Append);
            if (proper || IsBaseForm(candidate, xpos)) return candidate;
            first ??= candidate;
        }
        return first ?? form.ToString();
    }

    /// <summary>Whether a word is a known base form for an inflected Penn tag: the treebank shows it with the base tag, or WordNet lists it.</summary>
    private bool IsBaseForm(string word, string xpos)
    {
        string? baseTag = xpos switch
        {
            "VBD" or "VBN" or "VBG" or "VBZ" => "VB",
            "JJR" or "JJS" => "JJ",
            "NNS" => "NN",
            "RBR" or "RBS" => "RB",
            _ => null,
        };
        return baseTag is null || _lemmas.ContainsKey(Key(word, baseTag, lower: true)) || WordNet.IsLemma(word, xpos);
    }

    /// <summary>UD features (<c>Number=Plur|Person=3</c>) of a word with its tags, or null when it has none.</summary>
    public string? Features(ReadOnlySpan<char> word, string upos, string xpos)
    {
        if (_features.TryGetValue(Key(word, xpos, lower: true), out var known) || _features.TryGetValue(PairKey(upos, xpos), out known))
            return known.Length == 0 ? null : known;
        return null;
    }

    private static ulong Key(ReadOnlySpan<char> word, string xpos, bool lower) =>
        FeatureHash.Combine(lower ? FeatureHash.OfLower(word) : FeatureHash.Of(word), FeatureHash.Of(xpos) + (lower ? 1ul : 0ul));

    private static ulong RuleKey(ReadOnlySpan<char> ending, string xpos) => FeatureHash.Combine(FeatureHash.Of(ending) ^ 0x5bd1e995, FeatureHash.Of(xpos));

    private static ulong PairKey(string upos, string xpos) => FeatureHash.Combine(FeatureHash.Of(upos), FeatureHash.Of(xpos) ^ 0x9e37);

    /// <summary>Counts lemmas, features and edit rules over the training sentences.</summary>
    public static Lexicon Learn(IEnumerable<UdSentence> sentences)
    {
        var lemmaCounts = new Dictionary<ulong, Dictionary<string, int>>();
        var featureCounts = new Dictionary<ulong, Dictionary<string, int>>();
        var types = new HashSet<(string Word, string Xpos, string Lemma)>();
        static void Count(Dictionary<ulong, Dictionary<string, int>> counts, ulong key, string value)
        {
            if (!counts.TryGetValue(key, out var values)) counts[key] = values = [];
            values[value] = values.GetValueOrDefault(value) + 1;
        }
        foreach (var s in sentences)
            for (int i = 0; i < s.Length; i++)
            {
                string word = s.Forms[i], xpos = s.Xpos[i], lemma = s.Lemmas[i], feats = s.Feats[i] == "_" ? "" : s.Feats[i];
                if (lemma == "_") continue;
                Count(lemmaCounts, Key(word, xpos, lower: false), lemma);
                Count(lemmaCounts, Key(word, xpos, lower: true), lemma);
                Count(featureCounts, Key(word, xpos, lower: true), feats);
                Count(featureCounts, PairKey(s.Upos[i], xpos), feats);
                types.Add((word, xpos, lemma));
            }
        var ruleCounts = new Dictionary<ulong, Dictionary<(int, string), int>>();
        foreach (var (word, xpos, lemma) in types)
        {
            bool proper = xpos.StartsWith("NNP", StringComparison.Ordinal);
            var form = proper ? word : word.ToLowerInvariant();
            int common = 0;
            while (common < form.Length && common < lemma.Length && form[common] == lemma[common]) common++;
            var rule = (form.Length - common, lemma[common..]);
            for (int length = 0; length <= Math.Min(LongestEnding, form.Length - 1); length++)
            {
                if (length < rule.Item1) continue;
                var key = RuleKey(form.AsSpan(form.Length - length), xpos);
                if (!ruleCounts.TryGetValue(key, out var rules)) ruleCounts[key] = rules = [];
                rules[rule] = rules.GetValueOrDefault(rule) + 1;
            }
        }
        static string Most(Dictionary<string, int> values) => values.OrderByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal).First().Key;
        return new Lexicon(
            lemmaCounts.ToDictionary(e => e.Key, e => string.Intern(Most(e.Value))),
            featureCounts.ToDictionary(e => e.Key, e => string.Intern(Most(e.Value))),
            ruleCounts.ToDictionary(e => e.Key, e => e.Value.OrderByDescending(v => v.Value).ThenBy(v => v.Key.Item1).ThenBy(v => v.Key.Item2, StringComparer.Ordinal).First().Key));
    }

    public void Write(BinaryWriter writer)
    {
        static void Table(BinaryWriter writer, Dictionary<ulong, string> table)
        {
            var strings = table.Values.Distinct().Order(StringComparer.Ordinal).ToList();
            var index = strings.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i);
            writer.Write(strings.Count);
            foreach (var s in strings) writer.Write(s);
            writer.Write(table.Count);
            foreach (var (key, value) in table.OrderBy(e => e.Key))
            {
                writer.Write(key);
                writer.Write(index[value]);
            }
        }
        Table(writer, _lemmas);
        Table(writer, _features);
        writer.Write(_rules.Count);
        foreach (var (key, (strip, append)) in _rules.OrderBy(e => e.Key))
        {
            writer.Write(key);
            writer.Write(strip);
            writer.Write(append);
        }
    }

    public static Lexicon Read(BinaryReader reader)
    {
        static Dictionary<ulong, string> Table(BinaryReader reader)
        {
            var strings = new string[reader.ReadInt32()];
            for (int i = 0; i < strings.Length; i++) strings[i] = reader.ReadString();
            int count = reader.ReadInt32();
            var table = new Dictionary<ulong, string>(count);
            for (int i = 0; i < count; i++) table[reader.ReadUInt64()] = strings[reader.ReadInt32()];
            return table;
        }
        var lemmas = Table(reader);
        var features = Table(reader);
        int rules = reader.ReadInt32();
        var ruleTable = new Dictionary<ulong, (int, string)>(rules);
        for (int i = 0; i < rules; i++) ruleTable[reader.ReadUInt64()] = (reader.ReadInt32(), reader.ReadString());
        return new Lexicon(lemmas, features, ruleTable);
    }
}
