using Sitrep.Entities;
using Sitrep.Places;

namespace Sitrep.Situation;

/// <summary>
/// Merges the entities of all documents of a story into actors. Each document already linked its
/// mentions to canonical names (acronyms, transliterations, surnames); a name used in two documents
/// joins their groups, so an acronym defined in one outlet resolves in another that only uses it.
/// </summary>
public sealed class ActorMerger : IStoryStep
{
    public void Process(StoryPicture story)
    {
        var groups = new UnionFind();
        var mentions = story.Documents.SelectMany(d => d.Entities.Select(e => (Document: d, Mention: e))).ToList();
        var countryOf = new Dictionary<string, string>(StringComparer.Ordinal);
        // An acronym one outlet defines ("Danish Refugee Council (DRC)") means that in the whole story, not what the alias table says.
        var defined = mentions.Where(m => Table(m.Mention) is { } listed && m.Mention.Canonical != listed).Select(m => Key(m.Mention.Text)).ToHashSet();
        string NameOf(EntityMention e) => defined.Contains(Key(e.Text)) && e.Canonical == Table(e) ? e.Text : e.Canonical ?? e.Text;
        foreach (var (d, e) in mentions)
        {
            groups.Union(Key(e.Text), Key(NameOf(e)));
            // Spellings of one place (El Fashar, Al Fashir) meet in the gazetteer's name.
            if (LocatedPlace(d, e) is { } place) groups.Union(Key(place.Name!), Key(e.Text));
            // "Russian drones": the actor is the country its people are named after.
            if (e.Type == EntityType.Misc && CountryOfDemonym(e.Text) is { } country)
            {
                countryOf[Key(e.Text)] = country;
                groups.Union(Key(country), Key(e.Text));
            }
        }
        JoinSurnames(mentions.Select(m => m.Mention), groups, NameOf);
        JoinSpellings(mentions.Select(m => m.Mention), groups, NameOf);

        int n = 0;
        foreach (var group in mentions.GroupBy(m => groups.Find(Key(NameOf(m.Mention))))
                                      .OrderByDescending(g => g.Count()).ThenBy(g => g.First().Mention.Start))
        {
            var name = group.GroupBy(m => NameOf(m.Mention))
                            .OrderBy(g => countryOf.ContainsKey(Key(g.Key)) ? 1 : 0)
                            .ThenByDescending(g => g.Key.Contains(' ') ? 1 : 0)
                            .ThenByDescending(g => g.Count()).ThenByDescending(g => g.Key.Length)
                            .First().Key;
            var type = group.GroupBy(m => m.Mention.Type).OrderByDescending(g => g.Count()).First().Key;
            if (group.Any(m => countryOf.ContainsKey(Key(m.Mention.Text)))) type = EntityType.Location;
            if (countryOf.TryGetValue(Key(name), out var named)) name = named;
            var aliases = group.Select(m => m.Mention.Text).Where(t => t != name).Distinct().ToList();
            story.Actors.Add(new Actor($"e{++n}", name, type, aliases,
                group.Select(m => m.Document.Id).Distinct().ToList(), group.Count()));
            foreach (var (_, e) in group)
            {
                story.ActorByAlias[Key(e.Text)] = name;
                story.ActorByAlias[Key(NameOf(e))] = name;
            }
        }
    }

    private static string? Table(EntityMention e) => EntityAliases.Shipped.CanonicalOf(e.Text);

    private static string? CountryOfDemonym(string text) =>
        Gazetteer.Default.Find(PlaceNames.Fold(text))
            .FirstOrDefault(m => m.Alias == AliasKind.Demonym && m.Entry.Kind == PlaceKind.Country).Entry?.Name;

    private static PlaceMention? LocatedPlace(Document document, EntityMention e) =>
        document.Places.FirstOrDefault(p => p.Start == e.Start && p.End == e.End && p.Lat != null && p.Name != null);

    /// <summary>
    /// A name of one word that is the surname of exactly one person named in full elsewhere in the
    /// story ("Burhan" in one outlet, "Abdel Fattah al-Burhan" in another) is that person.
    /// </summary>
    private static void JoinSurnames(IEnumerable<EntityMention> mentions, UnionFind groups, Func<EntityMention, string> nameOf)
    {
        var list = mentions.ToList();
        var bySurname = list.Where(e => e.Type == EntityType.Person)
            .Select(e => Key(nameOf(e))).Where(k => k.Contains(' ')).Distinct()
            .GroupBy(k => Surname(k[(k.LastIndexOf(' ') + 1)..]))
            .Where(g => g.Select(groups.Find).Distinct().Count() == 1)
            .ToDictionary(g => g.Key, g => g.First());
        foreach (var e in list.Where(e => e.Type != EntityType.Location))
        {
            var key = Key(nameOf(e));
            if (!key.Contains(' ') && bySurname.TryGetValue(Surname(key), out var full)) groups.Union(full, key);
        }
    }

    /// <summary>
    /// Spellings of one name in different outlets (Qaddafi, Gaddafi; Hemedti, Hemeti): names of one type
    /// with the entity stage's transliteration key, or a person's one-word key that writes an inner
    /// voiced/voiceless cluster as one consonant ("hmdt", "hmt").
    /// </summary>
    private static void JoinSpellings(IEnumerable<EntityMention> mentions, UnionFind groups, Func<EntityMention, string> nameOf)
    {
        var byKey = new Dictionary<(EntityType, string), string>();
        foreach (var (type, written) in mentions.SelectMany(e => (IEnumerable<(EntityType, string)>)[(e.Type, e.Text), (e.Type, nameOf(e))]).Distinct())
        {
            var key = EntityResolver.SpellingKey(written, type);
            if (key.Length < 3 || key.Contains(' ') && key.Length < 6) continue;
            if (byKey.TryGetValue((type, key), out var other)) groups.Union(other, Key(written));
            else byKey[(type, key)] = Key(written);
        }
        foreach (var ((type, key), name) in byKey.Where(k => k.Key.Item1 == EntityType.Person && k.Key.Item2.Length >= 4 && !k.Key.Item2.Contains(' ')).ToList())
            for (int i = 1; i < key.Length - 1; i++)
                if (Paired(key[i], key[i + 1]) && byKey.TryGetValue((type, key.Remove(i, 1)), out var shorter)) groups.Union(shorter, name);
    }

    /// <summary>A voiced consonant and its voiceless twin, a cluster transliterations write as one ("dt" in Hemedti, "t" in Hemeti).</summary>
    private static bool Paired(char a, char b) => (a, b) is ('d', 't') or ('t', 'd') or ('b', 'p') or ('p', 'b') or ('z', 's') or ('s', 'z') or ('f', 'v') or ('v', 'f');

    /// <summary>"al-burhan" and "burhan" are one surname.</summary>
    private static string Surname(string word)
    {
        foreach (var article in (string[])["al-", "el-", "ar-", "as-", "ad-", "an-", "ash-", "at-", "az-"])
            if (word.StartsWith(article, StringComparison.Ordinal) && word.Length > article.Length + 1) return word[article.Length..];
        return word;
    }

    /// <summary>The form names are compared in: lower case, without a leading "the" or a possessive.</summary>
    public static string Key(string name)
    {
        // one pass into a buffer: asked several times for every mention of every story
        Span<char> buffer = name.Length <= 256 ? stackalloc char[name.Length] : new char[name.Length];
        int n = 0;
        bool space = false;
        foreach (char c in name)
        {
            if (c == ' ') { space = n > 0; continue; }
            if (space) { buffer[n++] = ' '; space = false; }
            buffer[n++] = c == '’' ? '\'' : char.ToLowerInvariant(c);
        }
        ReadOnlySpan<char> key = buffer[..n];
        if (key.StartsWith("the ")) key = key[4..];
        if (key.EndsWith("'s")) key = key[..^2];
        else if (key.EndsWith('\'')) key = key[..^1];
        return key.SequenceEqual(name) ? name : new string(key);
    }

    private sealed class UnionFind
    {
        private readonly Dictionary<string, string> parent = new(StringComparer.Ordinal);

        public string Find(string x)
        {
            if (!parent.TryGetValue(x, out var p)) { parent[x] = x; return x; }
            if (p == x) return x;
            var root = Find(p);
            parent[x] = root;
            return root;
        }

        public void Union(string a, string b)
        {
            var ra = Find(a);
            var rb = Find(b);
            if (ra != rb) parent[rb] = ra;
        }
    }
}
