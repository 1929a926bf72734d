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
        foreach (var (_, e) in mentions)
            groups.Union(Key(e.Text), Key(e.Canonical ?? e.Text));

        int n = 0;
        foreach (var group in mentions.GroupBy(m => groups.Find(Key(m.Mention.Canonical ?? m.Mention.Text)))
                                      .OrderByDescending(g => g.Count()).ThenBy(g => g.First().Mention.Start))
        {
            var name = group.GroupBy(m => m.Mention.Canonical ?? m.Mention.Text)
                            .OrderByDescending(g => g.Key.Contains(' ') ? 1 : 0)
                            .ThenByDescending(g => g.Count()).ThenByDescending(g => g.Key.Length)
                            .First().Key;
            var type = group.GroupBy(m => m.Mention.Type).OrderByDescending(g => g.Count()).First().Key;
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
