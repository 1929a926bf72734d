using System.Globalization;
using System.Text;

namespace Sitrep.Entities;

/// <summary>
/// Decides which name mentions refer to the same entity, in the order they are read, and names each
/// entity canonically. Rules: the curated alias table; one spelling key for transliteration variants
/// (Gaddafi/Qaddafi/Kadhafi) with titles, articles, Arabic articles and possessives stripped; acronyms
/// matching a name's initials or linked explicitly ("Rapid Support Forces (RSF)"); a person's first or
/// last name alone joining the full name. Names that merely share words stay apart. Feed one document
/// for its entities, or every document of a story in order to merge entities across them.
/// </summary>
public sealed class EntityResolver(EntityAliases? aliases = null)
{
    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "president", "vice", "deputy", "prime", "minister", "foreign", "defence", "defense", "interior", "former", "late",
        "gen", "gen.", "general", "lt", "lt.", "lieutenant", "col", "col.", "colonel", "maj", "maj.", "major", "brig", "brig.",
        "brigadier", "field", "marshal", "commander", "capt", "capt.", "captain", "sgt", "sgt.", "sergeant", "adm", "adm.", "admiral",
        "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "professor", "sir", "lord", "lady", "dame",
        "king", "queen", "prince", "princess", "crown", "sheikh", "sheik", "emir", "sultan", "pope", "ayatollah", "imam",
        "chancellor", "sen", "sen.", "senator", "rep", "rep.", "representative", "gov", "gov.", "governor", "mayor", "judge",
        "justice", "ambassador", "envoy", "secretary", "chairman", "chairwoman", "spokesman", "spokeswoman", "leader", "rev", "rev.",
        "reverend", "father", "st", "st.", "saint", "chief", "supreme", "state", "army", "rebel", "militia", "opposition",
    };

    /// <summary>Articles and particles dropped from the spelling key: al-Bashir and Bashir are one name.</summary>
    private static readonly HashSet<string> Particles = new(StringComparer.OrdinalIgnoreCase)
    {
        "al", "el", "ad", "ed", "as", "ash", "at", "az", "ar", "an", "the",
    };

    private static readonly HashSet<string> InitialsSkip = new(StringComparer.OrdinalIgnoreCase)
    {
        "of", "the", "for", "and", "on", "in", "de", "du", "des", "la", "le", "al", "el", "&", "to",
    };

    private readonly EntityAliases _aliases = aliases ?? EntityAliases.Shipped;
    private readonly List<Entry> _entries = [];
    private readonly List<int> _parent = [];
    private Dictionary<int, string>? _names;
    private readonly Dictionary<string, int> _byKey = [], _byAlias = [], _byInitials = [], _acronyms = [], _personPart = [], _personAlone = [];

    private sealed record Entry(string Name, EntityType Type, string[] Words, string Key, string? Alias, int Order);

    /// <summary>Adds a mention; returns its handle for <see cref="CanonicalOf"/> and <see cref="Link"/>.</summary>
    public int Add(string text, EntityType type)
    {
        int handle = _entries.Count;
        _names = null;
        string name = Clean(text, type == EntityType.Person);
        var words = Words(name);
        string key = Key(words);
        // An acronym the text defines ("Danish Refugee Council (DRC)") means that here, not what the table says.
        string? alias = _defined.Contains(name) ? null : _aliases.CanonicalOf(name);
        bool acronym = IsAcronym(name);
        _entries.Add(new Entry(name, type, words, key, alias, handle));
        _parent.Add(handle);
        bool person = type == EntityType.Person;

        if (alias != null) Join(_byAlias, alias, handle);
        // A surname alone goes to the latest full name with it (below), never to all earlier bearers of it.
        bool surnameAlone = person && words.Count(w => !Particles.Contains(w)) == 1;
        if (key.Length > 0 && !surnameAlone) Join(_byKey, (person ? "P:" : "N:") + key, handle);
        if (acronym && !person)
        {
            string letters = name.Replace(".", "");
            Join(_acronyms, letters, handle);
            if (_byInitials.TryGetValue(letters, out int full)) Union(full, handle);
        }
        else if (!person && Initials(words) is { } initials)
        {
            // Two full names with the same initials are not joined by them: only an acronym is.
            _byInitials[initials] = handle;
            if (_acronyms.TryGetValue(initials, out int shortForm) && !_defined.Contains(initials)) Union(shortForm, handle);
        }
        if (person)
        {
            var parts = words.Where(w => !Particles.Contains(w)).Select(w => Key([w])).ToArray();
            if (parts.Length == 1)
            {
                if (_personPart.TryGetValue(parts[0], out int fuller)) Union(fuller, handle);
                else Join(_personAlone, parts[0], handle);
            }
            else if (parts.Length > 1)
            {
                foreach (var part in new[] { parts[0], parts[^1] })
                {
                    _personPart[part] = handle;
                    if (_personAlone.Remove(part, out int alone)) Union(handle, alone);
                }
            }
        }
        return handle;
    }

    /// <summary>Records that a short form in parentheses names the same entity as the name before it.</summary>
    public void Link(int name, int shortForm)
    {
        var entry = _entries[shortForm];
        // The table yields only to a full definition: "Danish Refugee Council (DRC)" spells D-R-C, while a
        // tagger's fragment "Red Cross (ICRC)" keeps the table's International Committee of the Red Cross.
        if (entry.Alias != null && _entries[name].Alias != entry.Alias && Initials(_entries[name].Words) == entry.Name.Replace(".", ""))
        {
            _defined.Add(entry.Name);
            _entries[shortForm] = entry with { Alias = null };
            if (_byAlias.GetValueOrDefault(entry.Alias) == shortForm) _byAlias.Remove(entry.Alias);
        }
        Union(name, shortForm);
    }

    private readonly HashSet<string> _defined = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The entity's name: the alias table's, else its longest full name (the first such), never a bare acronym when a full name exists.</summary>
    public string CanonicalOf(int handle)
    {
        if (_names == null)
        {
            var best = new Dictionary<int, Entry>();
            foreach (var e in _entries)
            {
                int root = Find(e.Order);
                if (!best.TryGetValue(root, out var current) || Better(e, current)) best[root] = e;
            }
            _names = best.ToDictionary(p => p.Key, p => p.Value.Alias ?? p.Value.Name);
        }
        return _names[Find(handle)];
    }

    /// <summary>Whether two mentions were found to name the same entity.</summary>
    public bool Same(int a, int b) => Find(a) == Find(b);

    private static bool Better(Entry candidate, Entry best)
    {
        if ((candidate.Alias != null) != (best.Alias != null)) return candidate.Alias != null;
        // Mixed case over capitals: "Khartoum" over a dateline's "KHARTOUM", a full name over its acronym.
        bool candidateShouts = !candidate.Name.Any(char.IsLower), bestShouts = !best.Name.Any(char.IsLower);
        if (candidateShouts != bestShouts) return bestShouts;
        return candidate.Words.Length > best.Words.Length;
    }

    private void Join(Dictionary<string, int> index, string key, int handle)
    {
        if (index.TryGetValue(key, out int other)) Union(other, handle);
        else index[key] = handle;
    }

    private int Find(int x)
    {
        while (_parent[x] != x) x = _parent[x] = _parent[_parent[x]];
        return x;
    }

    private void Union(int a, int b)
    {
        _names = null;
        int ra = Find(a), rb = Find(b);
        if (ra != rb) _parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
    }

    /// <summary>The name without possessive, leading article and (for people) titles: "President Omar Bashir's" -> "Omar Bashir".</summary>
    internal static string Clean(string text, bool person)
    {
        string name = text.Trim();
        foreach (var possessive in new[] { "'s", "’s", "'", "’" })
            if (name.Length > possessive.Length + 1 && name.EndsWith(possessive, StringComparison.OrdinalIgnoreCase))
            {
                name = name[..^possessive.Length];
                break;
            }
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 1 && (words[0].Equals("the", StringComparison.OrdinalIgnoreCase) || person && Titles.Contains(words[0])))
            words.RemoveAt(0);
        return string.Join(' ', words);
    }

    /// <summary>The transliteration-blind key of a whole name: "Muammar al-Qaddafi" and "Moammar Gadhafi" share it.</summary>
    public static string SpellingKey(string text, EntityType type) => Key(Words(Clean(text, type == EntityType.Person)));

    /// <summary>Words split at spaces and hyphens, Arabic articles kept apart: "al-Bashir" -> "al", "Bashir".</summary>
    private static string[] Words(string name) =>
        name.Split([' ', '-', '‐'], StringSplitOptions.RemoveEmptyEntries);

    private static string Key(string[] words)
    {
        var kept = words.Where(w => !Particles.Contains(w)).ToArray();
        if (kept.Length == 0) kept = words;
        string skeleton = string.Join(' ', kept.Select(Skeleton));
        // Very short skeletons (Ali, Eli) would join unrelated names: compare those as written.
        return skeleton.Replace(" ", "").Length >= 3 ? skeleton : string.Join(' ', kept).ToLowerInvariant();
    }

    /// <summary>
    /// A transliteration-blind spelling key: no diacritics or vowels, q/c/g/j as k (Arabic jim is g in Egypt: Gamal/Jamal), h dropped after a
    /// consonant or at the end, doubled letters once. Gaddafi, Qaddafi and Kadhafi all give "kdf";
    /// Mohammed and Muhammad "mhmd"; Hezbollah and Hizbullah "hzbl".
    /// </summary>
    internal static string Skeleton(string word)
    {
        var text = word.ToLowerInvariant();
        if (text.EndsWith("'s") || text.EndsWith("’s")) text = text[..^2];
        var sb = new StringBuilder(text.Length);
        foreach (char c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '’' or '`' or '.') continue;
            char k = c switch { 'q' or 'c' or 'g' or 'j' => 'k', 'x' => 's', 'v' => 'f', _ => c };
            if (k == 'h' && sb.Length > 0 && sb[^1] is 'd' or 'k' or 't' or 'z' or 'p')
            {
                if (sb[^1] == 'p') sb[^1] = 'f';
                continue;
            }
            if (k is 'a' or 'e' or 'i' or 'o' or 'u') { sb.Append('·'); continue; }
            if (sb.Length > 0 && sb[^1] == k) continue;
            sb.Append(k);
        }
        if (sb.Length > 1 && sb[^1] == 'h') sb.Length--;
        var consonants = sb.ToString().Replace("·", "");
        var collapsed = new StringBuilder(consonants.Length);
        foreach (char c in consonants) if (collapsed.Length == 0 || collapsed[^1] != c) collapsed.Append(c);
        return collapsed.ToString();
    }

    /// <summary>Whether an acronym spells a name's initials: "DRC" and "Danish Refugee Council", not "Reuters" and "KHARTOUM".</summary>
    internal static bool Spells(string acronym, string name) => IsAcronym(acronym) && Initials(Words(name)) == acronym.Replace(".", "");

    private static bool IsAcronym(string name)
    {
        string letters = name.Replace(".", "");
        return letters.Length is >= 2 and <= 7 && letters.All(char.IsUpper);
    }

    /// <summary>Initials of a name of two or more capitalised words, small words skipped: Norwegian Refugee Council -> NRC.</summary>
    private static string? Initials(string[] words)
    {
        var sb = new StringBuilder();
        foreach (var w in words)
        {
            if (InitialsSkip.Contains(w)) continue;
            if (!char.IsUpper(w[0])) return null;
            sb.Append(w[0]);
        }
        return sb.Length >= 2 ? sb.ToString() : null;
    }
}
