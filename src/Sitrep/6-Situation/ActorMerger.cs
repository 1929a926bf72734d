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
        foreach (var (d, e) in mentions)
        {
            groups.Union(Key(e.Text), Key(e.Canonical ?? e.Text));
            // Spellings of one place (El Fashar, Al Fashir) meet in the gazetteer's name.
            if (LocatedPlace(d, e) is { } place) groups.Union(Key(place.Name!), Key(e.Text));
            // "Russian drones": the actor is the country its people are named after.
            if (e.Type == EntityType.Misc && CountryOfDemonym(e.Text) is { } country)
            {
                countryOf[Key(e.Text)] = country;
                groups.Union(Key(country), Key(e.Text));
            }
        }
        JoinSurnames(mentions.Select(m => m.Mention), groups);

        int n = 0;
        foreach (var group in mentions.GroupBy(m => groups.Find(Key(m.Mention.Canonical ?? m.Mention.Text)))
                                      .OrderByDescending(g => g.Count()).ThenBy(g => g.First().Mention.Start))
        {
            var name = group.GroupBy(m => m.Mention.Canonical ?? m.Mention.Text)
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
                story.ActorByAlias[Key(e.Canonical ?? e.Text)] = name;
            }
        }
    }

    private static string? CountryOfDemonym(string text) =>
        Gazetteer.Default.Find(PlaceNames.Fold(text))
            .FirstOrDefault(m => m.Alias == AliasKind.Demonym && m.Entry.Kind == PlaceKind.Country).Entry?.Name;

    private static PlaceMention? LocatedPlace(Document document, EntityMention e) =>
        document.Places.FirstOrDefault(p => p.Start == e.Start && p.End == e.End && p.Lat != null && p.Name != null);

    /// <summary>
    /// A name of one word that is the surname of exactly one person named in full elsewhere in the
    /// story ("Burhan" in one outlet, "Abdel Fattah al-Burhan" in another) is that person.
    /// </summary>
    private static void JoinSurnames(IEnumerable<EntityMention> mentions, UnionFind groups)
    {
        var list = mentions.ToList();
        var bySurname = list.Where(e => e.Type == EntityType.Person)
            .Select(e => Key(e.Canonical ?? e.Text)).Where(k => k.Contains(' ')).Distinct()
            .GroupBy(k => Surname(k[(k.LastIndexOf(' ') + 1)..]))
            .Where(g => g.Select(groups.Find).Distinct().Count() == 1)
            .ToDictionary(g => g.Key, g => g.First());
        foreach (var e in list.Where(e => e.Type != EntityType.Location))
        {
            var key = Key(e.Canonical ?? e.Text);
            if (!key.Contains(' ') && bySurname.TryGetValue(Surname(key), out var full)) groups.Union(full, key);
        }
    }

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
        var key = string.Join(' ', name.ToLowerInvariant().Replace('’', '\'').Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (key.StartsWith("the ")) key = key[4..];
        if (key.EndsWith("'s")) key = key[..^2];
        else if (key.EndsWith('\'')) key = key[..^1];
        return key;
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
