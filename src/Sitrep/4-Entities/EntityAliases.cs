namespace Sitrep.Entities;

/// <summary>
/// The curated alias table (Data/aliases.tsv): names that no spelling rule relates (Kyiv = Kiev,
/// ISIS = ISIL = Islamic State), each mapped to one canonical name.
/// </summary>
public sealed class EntityAliases
{
    private readonly Dictionary<string, string> _canonical = new(StringComparer.OrdinalIgnoreCase);

    public static EntityAliases Shipped { get; } = Load();

    public EntityAliases(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var names = line.Split('\t', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var name in names) _canonical.TryAdd(name, names[0]);
        }
    }

    /// <summary>The shipped table and the analyst's additions (SITREP_DATA/aliases.tsv).</summary>
    private static EntityAliases Load() => new(DataFiles.Lines("Entities", "aliases.tsv"));

    /// <summary>The canonical name for a whole name, or null when the table does not list it.</summary>
    public string? CanonicalOf(string name) => _canonical.GetValueOrDefault(name);
}
