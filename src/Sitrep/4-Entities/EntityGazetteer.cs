using Sitrep.Syntax;
using Sitrep.Text;

namespace Sitrep.Entities;

/// <summary>
/// Name lists (countries, demonyms, cities, regions, first names) matched against token sequences,
/// case-insensitively, longest match first. The tagger uses the matches as features only.
/// </summary>
public sealed class EntityGazetteer
{
    public static readonly string[] Kinds = ["COUNTRY", "DEMONYM", "CITY", "REGION", "FIRST"];
    private const int MaxTokens = 6;

    /// <summary>First token's lower-case hash to the entries starting with it.</summary>
    private readonly Dictionary<ulong, List<(ulong[] Tail, int Kind)>> _entries = [];

    /// <summary>One bit per hash bucket of first tokens: most words are rejected without a dictionary lookup.</summary>
    private readonly ulong[] _firstWords = new ulong[1 << 12];

    public static EntityGazetteer Shipped { get; } = LoadShipped();

    private static EntityGazetteer LoadShipped()
    {
        using var reader = DataFiles.OpenText("Entities", "gazetteer.tsv");
        var gazetteer = new EntityGazetteer();
        while (reader.ReadLine() is { } line)
        {
            int tab = line.IndexOf('\t');
            if (tab <= 0) continue;
            int kind = Array.IndexOf(Kinds, line[..tab]);
            if (kind >= 0) gazetteer.Add(line[(tab + 1)..], kind);
        }
        return gazetteer;
    }

    public void Add(string name, int kind)
    {
        var tokens = Tokenizer.Tokenize(name);
        if (tokens.Count == 0 || tokens.Count > MaxTokens) return;
        var hashes = tokens.Select(t => FeatureHash.OfLower(t.In(name))).ToArray();
        if (!_entries.TryGetValue(hashes[0], out var list)) _entries[hashes[0]] = list = [];
        _firstWords[(hashes[0] >> 6) & 0xFFF] |= 1UL << (int)(hashes[0] & 63);
        var rest = hashes[1..];
        if (!list.Any(e => e.Kind == kind && e.Tail.AsSpan().SequenceEqual(rest))) list.Add((rest, kind));
    }

    /// <summary>
    /// Marks tokens [first, end) with bit (2 * kind) where a name of that kind starts and bit
    /// (2 * kind + 1) where it continues. <paramref name="lower"/> holds the tokens' lower-case hashes.
    /// </summary>
    public void Mark(ReadOnlySpan<ulong> lower, int first, int end, Span<ushort> marks)
    {
        for (int i = first; i < end; i++)
        {
            if ((_firstWords[(lower[i] >> 6) & 0xFFF] & (1UL << (int)(lower[i] & 63))) == 0 || !_entries.TryGetValue(lower[i], out var list)) continue;
            foreach (var (rest, kind) in list)
            {
                if (i + 1 + rest.Length > end) continue;
                bool match = true;
                for (int k = 0; k < rest.Length && match; k++) match = lower[i + 1 + k] == rest[k];
                if (!match) continue;
                marks[i] |= (ushort)(1 << (2 * kind));
                for (int k = 1; k <= rest.Length; k++) marks[i + k] |= (ushort)(1 << (2 * kind + 1));
            }
        }
    }
}
