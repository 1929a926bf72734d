namespace Sitrep.Situation;

/// <summary>
/// Finds the same fact stated with incompatible values: sentences of different documents that share
/// their fact words but give different days ("took effect on Monday" vs "on Tuesday", once relative
/// dates are resolved) or different counts of the same thing (12 civilians killed vs 15).
/// </summary>
public sealed class ContradictionFinder : IStoryStep
{
    public void Process(StoryPicture story)
    {
        var sentences = story.Sentences.Where(s => !s.InLead).Select(s => (Sentence: s, Words: ClaimAligner.Words(story, s))).ToList();
        var index = new OverlapIndex<int>();
        for (int i = 0; i < sentences.Count; i++) index.Add(i, sentences[i].Words.Words);
        var settled = new HashSet<(StorySentence, string)>();
        foreach (var (sentence, words) in sentences)
        {
            var sameFact = index.Overlaps(words.Words)
                .Where(o => o.Value >= 3)
                .Select(o => sentences[o.Key])
                .Where(o => o.Sentence == sentence || o.Sentence.Document != sentence.Document && SameFact(words, o.Words))
                .OrderBy(o => o.Sentence == sentence ? 0 : 1).ToList();
            if (sameFact.Count < 2) continue;
            foreach (var kind in Kinds(sentence, words).Where(k => !settled.Contains((sentence, k))))
            {
                var statements = sameFact.Select(o => (o.Sentence, Value: ValueOf(kind, o.Sentence, o.Words))).Where(o => o.Value != null).ToList();
                if (statements.Select(o => o.Value).Distinct().Count() < 2) continue;
                foreach (var (s, _) in statements) settled.Add((s, kind));
                story.Contradictions.Add(new Contradiction(About(kind, statements.Select(o => o.Sentence).ToList()),
                    statements.GroupBy(o => o.Value!).Select(g => new ContradictingStatement(g.First().Sentence.Text, g.Key,
                        g.Select(o => o.Sentence.Document.Id).Distinct().ToList())).ToList()));
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
