using System.Globalization;
using System.Runtime;
using System.Runtime.CompilerServices;

namespace Sitrep.Places;

/// <summary>What a gazetteer entry is: it decides the output kind and how prominent the entry is.</summary>

/// <summary>One place of the gazetteer.</summary>
public sealed record GazetteerEntry(int Id, string Name, PlaceKind Kind, string Country, string Admin1,
    double Lat, double Lon, long Population, string Code);

/// <summary>How a name of the text met an entry: its own name, another spelling of it, or weaker readings.</summary>
public enum AliasKind : byte
{
    /// <summary>The entry's name or an alternate spelling the data gives.</summary>
    Name,
    /// <summary>The name without its generic part ("Kyiv" for "Kyiv Oblast", "Laurel" for "Laurel County").</summary>
    Short,
    /// <summary>A state abbreviation, trusted only after a town ("Gainesville, Ga.").</summary>
    Abbreviation,
    /// <summary>The people or adjective of a country ("Syrian", "Ukrainians").</summary>
    Demonym,
    /// <summary>Another spelling met through the transliteration skeleton or a one-letter edit ("Kharkov").</summary>
    Variant,
}

/// <summary>An entry reachable under a key, and how.</summary>
public readonly record struct NameMatch(GazetteerEntry Entry, AliasKind Alias);

/// <summary>
/// The shipped gazetteer: GeoNames places, regions and countries (see Data/ATTRIBUTION.md), indexed
/// by folded name and by transliteration skeleton. Loaded once per process.
/// </summary>
public sealed class Gazetteer
{
    private static readonly Lazy<Gazetteer> Shared = new(() => Load(DataFiles.OpenText("Places", "gazetteer.tsv.gz")));

    /// <summary>The gazetteer shipped with Sitrep, loaded on first use.</summary>
    public static Gazetteer Default => Shared.Value;

    private readonly Dictionary<string, List<NameMatch>> byName;
    private readonly Dictionary<string, List<GazetteerEntry>> bySkeleton;
    private readonly Dictionary<string, GazetteerEntry> countries;

    private Gazetteer(Dictionary<string, List<NameMatch>> byName, Dictionary<string, List<GazetteerEntry>> bySkeleton,
        Dictionary<string, GazetteerEntry> countries, int count)
    {
        this.byName = byName;
        this.bySkeleton = bySkeleton;
        this.countries = countries;
        Count = count;
        byDeletion = new(BuildDeletionIndex);
    }

    public int Count { get; }

    /// <summary>Entries whose name, folded, is <paramref name="foldedName"/>.</summary>
    public IReadOnlyList<NameMatch> Find(string foldedName) =>
        byName.TryGetValue(foldedName, out var found) ? found : [];

    /// <summary>Entries whose name has the transliteration skeleton <paramref name="skeleton"/>.</summary>
    public IReadOnlyList<GazetteerEntry> FindBySkeleton(string skeleton) =>
        bySkeleton.TryGetValue(skeleton, out var found) ? found : [];

    public bool Contains(string foldedName) => byName.ContainsKey(foldedName);

    /// <summary>
    /// Prominent places (countries, first-level regions, cities of 100,000 or more) whose name is one
    /// letter away from <paramref name="foldedName"/>: added, dropped, changed or two swapped.
    /// </summary>
    public IReadOnlyList<GazetteerEntry> FindWithinOneEdit(string foldedName)
    {
        var found = new List<GazetteerEntry>();
        void Collect(string key)
        {
            if (!byDeletion.Value.TryGetValue(key, out var entries)) return;
            foreach (var e in entries) if (!found.Contains(e)) found.Add(e);
        }
        Collect(foldedName);
        for (int i = 0; i < foldedName.Length; i++) Collect(foldedName.Remove(i, 1));
        return found;
    }

    // Symmetric deletions: two names one edit apart share a key after at most one deletion each.
    private readonly Lazy<Dictionary<string, List<GazetteerEntry>>> byDeletion;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs once, over 200,000 rows: no time to warm up
    private Dictionary<string, List<GazetteerEntry>> BuildDeletionIndex()
    {
        var index = new Dictionary<string, List<GazetteerEntry>>();
        void Add(string key, GazetteerEntry e)
        {
            if (!index.TryGetValue(key, out var list)) index[key] = list = [];
            if (list.Count == 0 || list[^1] != e) list.Add(e);
        }
        foreach (var (key, matches) in byName)
        {
            if (key.Length < 5) continue;
            foreach (var m in matches)
            {
                if (m.Alias != AliasKind.Name || !(m.Entry.Kind is PlaceKind.Country or PlaceKind.Admin1 || m.Entry.Population >= 100_000)) continue;
                Add(key, m.Entry);
                for (int i = 0; i < key.Length; i++) Add(key.Remove(i, 1), m.Entry);
            }
        }
        return index;
    }

    /// <summary>The country entry of an ISO 3166-1 alpha-2 code.</summary>
    public GazetteerEntry? Country(string iso2) => countries.GetValueOrDefault(iso2);

    /// <summary>
    /// Reads the tab-separated rows tools/build-gazetteer.js writes: kind, name, alternate names,
    /// country, admin1, lat, lon, population, feature code, demonyms (countries, continents) or abbreviations.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs once, over 200,000 rows: no time to warm up
    public static Gazetteer Load(TextReader reader)
    {
        var rows = new List<(GazetteerEntry Entry, string Alternates, string Extras)>(210_000);
        var countries = new Dictionary<string, GazetteerEntry>();
        using (reader)
        {
            var inv = CultureInfo.InvariantCulture;
            while (reader.ReadLine() is { } line)
            {
                if (line.Length == 0 || line[0] == '#') continue;
                var f = line.Split('\t');
                if (f.Length < 10) continue;
                var kind = f[0] switch
                {
                    "P" => PlaceKind.City, "A1" => PlaceKind.Admin1, "A2" => PlaceKind.Admin2,
                    "C" => PlaceKind.Country, _ => PlaceKind.Region,
                };
                var entry = new GazetteerEntry(rows.Count, f[1], kind, f[3], f[4],
                    double.Parse(f[5], inv), double.Parse(f[6], inv), long.Parse(f[7], inv), f[8]);
                if (kind == PlaceKind.Country) countries[entry.Country] = entry;
                rows.Add((entry, f[2], f[9]));
            }
        }
        // The two indexes are independent: build them side by side.
        var names = Task.Run(() => IndexNames(rows));
        var skeletons = IndexSkeletons(rows);
        var gazetteer = new Gazetteer(names.Result, skeletons, countries, rows.Count);
        // Loading leaves some hundred megabytes of parsed lines and grown tables behind: give them back now.
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return gazetteer;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs once, over 200,000 rows: no time to warm up
    private static Dictionary<string, List<NameMatch>> IndexNames(List<(GazetteerEntry Entry, string Alternates, string Extras)> rows)
    {
        var names = new Dictionary<string, List<NameMatch>>(300_000);
        foreach (var (entry, alternates, extras) in rows)
        {
            Add(names, entry.Name, entry, AliasKind.Name);
            if (entry.Kind is PlaceKind.Admin1 or PlaceKind.Admin2 && CompassVariant(entry.Name) is { } variant) Add(names, variant, entry, AliasKind.Variant);
            foreach (var alt in Split(alternates)) Add(names, alt, entry, entry.Kind is PlaceKind.Admin1 or PlaceKind.Admin2 ? AliasKind.Short : AliasKind.Name);
            foreach (var extra in Split(extras))
            {
                if (entry.Kind is PlaceKind.Country or PlaceKind.Region)
                {
                    Add(names, extra, entry, AliasKind.Demonym);
                    Add(names, Plural(extra), entry, AliasKind.Demonym);
                }
                else Add(names, extra, entry, AliasKind.Abbreviation);
            }
        }
        return names;
    }

    private static readonly (string Adjective, string Noun)[] Compass = [("Northern ", "North "), ("Southern ", "South "), ("Eastern ", "East "), ("Western ", "West ")];

    /// <summary>"Northern Darfur" is written "North Darfur" as often, and "North Kordofan" "Northern Kordofan".</summary>
    private static string? CompassVariant(string name)
    {
        foreach (var (adjective, noun) in Compass)
        {
            if (name.StartsWith(adjective, StringComparison.Ordinal)) return noun + name[adjective.Length..];
            if (name.StartsWith(noun, StringComparison.Ordinal)) return adjective + name[noun.Length..];
        }
        return null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs once, over 200,000 rows: no time to warm up
    private static Dictionary<string, List<GazetteerEntry>> IndexSkeletons(List<(GazetteerEntry Entry, string Alternates, string Extras)> rows)
    {
        var skeletons = new Dictionary<string, List<GazetteerEntry>>(200_000);
        foreach (var (entry, alternates, _) in rows)
        {
            // Skeleton matches are for places a reader may have heard of: skip the unnamed hamlets.
            if (entry.Kind == PlaceKind.City && entry.Population < 1000) continue;
            foreach (var name in Split(alternates).Prepend(entry.Name))
            {
                var key = PlaceNames.Skeleton(PlaceNames.Fold(name));
                if (key.Length == 0) continue;
                if (!skeletons.TryGetValue(key, out var list)) skeletons[key] = list = [];
                if (list.Count == 0 || list[^1] != entry) list.Add(entry);
            }
        }
        return skeletons;
    }

    private static string Plural(string demonym) =>
        demonym.EndsWith("ese") || demonym.EndsWith("ish") || demonym.EndsWith("ch") || demonym.EndsWith('s') ? demonym : demonym + "s";

    private static string[] Split(string field) =>
        field.Length == 0 ? [] : field.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static void Add(Dictionary<string, List<NameMatch>> names, string name, GazetteerEntry entry, AliasKind alias)
    {
        var key = PlaceNames.Fold(name);
        if (key.Length == 0) return;
        if (!names.TryGetValue(key, out var list)) names[key] = list = [];
        foreach (var m in list) if (m.Entry == entry) return;
        list.Add(new NameMatch(entry, alias));
    }
}

/// <summary>Word lists that tell place names from ordinary words and people's names.</summary>
public sealed class WordLists
{
    private static readonly Lazy<WordLists> Shared = new(() => new WordLists(
        DataFiles.Lines("Places", "common-words.txt.gz"), DataFiles.Lines("Places", "capitalised-words.txt.gz"),
        DataFiles.Lines("Places", "first-names.txt.gz")));

    public static WordLists Default => Shared.Value;

    private readonly HashSet<string> commonWords;
    private readonly HashSet<string> capitalisedWords;
    private readonly HashSet<string> firstNames;

    public WordLists(IEnumerable<string> commonWords, IEnumerable<string> capitalisedWords, IEnumerable<string> firstNames)
    {
        this.commonWords = new HashSet<string>(commonWords, StringComparer.Ordinal);
        this.capitalisedWords = new HashSet<string>(capitalisedWords, StringComparer.Ordinal);
        this.firstNames = new HashSet<string>(firstNames, StringComparer.Ordinal);
    }

    /// <summary>A word mostly written in lower case ("hope", "mobile", "police").</summary>
    public bool IsCommonWord(string word) => commonWords.Contains(word.ToLowerInvariant());

    /// <summary>
    /// A dictionary word, even one mostly met capitalised ("However", "University", "Valley", "China"):
    /// a place reading of it needs a cue unless the place is prominent.
    /// </summary>
    public bool IsDictionaryWord(string word) => IsCommonWord(word) || capitalisedWords.Contains(word.ToLowerInvariant());

    /// <summary>A given name ("Henry", "Georgia", "Jordan"): followed by a surname it starts a person's name.</summary>
    public bool IsFirstName(string word) => firstNames.Contains(word);
}
