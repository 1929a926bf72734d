namespace Sitrep.Situation;

/// <summary>
/// Finds the same fact stated with incompatible values: claims (groups of aligned sentences, see
/// <see cref="ClaimAligner"/>) from different documents that share their fact words but give
/// different days ("took effect on Monday" vs "on Tuesday", once relative dates are resolved) or
/// different counts of the same thing (12 civilians killed vs 15). Each version lists every
/// document that states it.
/// </summary>
public sealed class ContradictionFinder : IStoryStep
{
    public void Process(StoryPicture story)
    {
        var groups = story.Groups;
        var index = new OverlapIndex<int>();
        for (int i = 0; i < groups.Count; i++) index.Add(i, groups[i].Words.Words);
        var settled = new HashSet<(int Group, string Kind)>();
        for (int i = 0; i < groups.Count; i++)
        {
            var group = groups[i];
            var sameFact = index.Candidates(group.Words.Words).Append(i).Distinct()
                .Where(k => k == i || SameFact(group.Words, groups[k].Words) && !group.Sentences.Any(s => groups[k].Reports(s.Document)))
                .OrderBy(k => k == i ? -1 : k).ToList();
            if (sameFact.Count < 2) continue;
            foreach (var kind in Kinds(group.First, group.Words).Where(k => !settled.Contains((i, k))))
            {
                var statements = sameFact.Select(k => (Key: k, Value: ValueOf(kind, groups[k].First, groups[k].Words))).Where(o => o.Value != null).ToList();
                if (statements.Select(o => o.Value).Distinct().Count() < 2) continue;
                foreach (var (k, _) in statements) settled.Add((k, kind));
                story.Contradictions.Add(new Contradiction(About(kind, statements.Select(o => groups[o.Key].First).ToList()),
                    statements.GroupBy(o => o.Value!).Select(g => new ContradictingStatement(groups[g.First().Key].First.Text, g.Key,
                        g.SelectMany(o => groups[o.Key].Sources).Distinct().ToList())).ToList()));
            }
        }
    }

    /// <summary>Two wordings of one fact: most of the shorter one's words recur in the longer one.</summary>
    private static bool SameFact(FactWords a, FactWords b)
    {
        int shared = a.Words.Count(b.Words.Contains);
        return shared >= 3 && shared >= 0.6 * Math.Min(a.Words.Count, b.Words.Count) && a.Similarity(b) >= 0.3;
    }

    /// <summary>The kinds of value a sentence states: a day, and counts of things ("count of civilian").</summary>
    private static IEnumerable<string> Kinds(StorySentence sentence, FactWords words)
    {
        if (sentence.ExplicitDate != null) yield return "date";
        foreach (var unit in words.Numbers.Where(q => q.Unit.Length > 0).Select(q => q.Unit).Distinct())
            yield return "count of " + unit;
    }

    private static string? ValueOf(string kind, StorySentence sentence, FactWords words)
    {
        if (kind == "date") return sentence.ExplicitDate?.DateText();
        var unit = kind["count of ".Length..];
        return words.Numbers.Where(q => q.Unit == unit).Select(q => q.ToString()).FirstOrDefault();
    }

    /// <summary>What the contradiction is about: the fact words every statement shares, in the first one's order.</summary>
    private static string About(string kind, IReadOnlyList<StorySentence> statements)
    {
        var shared = statements.Select(s => FactWords.Of(s.Text).Words).Aggregate((x, y) => x.Intersect(y).ToHashSet());
        var words = new SentenceWords(statements[0]).Lower
            .Where(w => shared.Contains(FactWords.Stem(w)) && !FactWords.StopWords.Contains(w)).Distinct().Take(6);
        return $"{kind}: {string.Join(' ', words)}";
    }
}
