using System.Text.RegularExpressions;

namespace Sitrep.Situation;

/// <summary>
/// Finds the same fact stated with incompatible values by different documents, each version listing
/// every document that states it:
/// <list type="bullet">
/// <item>the day of one event ("took effect on Monday" / "on Tuesday", relative days resolved; never
/// the day a statement was made, "officials said on Monday", nor a dateline);</item>
/// <item>counts of one kind for one event (killed, injured, displaced: Data/count-kinds.tsv, "killing
/// nine civilians" / "11 people were killed"), and counts of the same thing (31 drones / 33);</item>
/// <item>the year of one background fact ("the insurgency began in 2017" / "erupted in 2018"): the
/// same subject with verbs of one sense.</item>
/// </list>
/// </summary>
public sealed partial class ContradictionFinder : IStoryStep
{
    public void Process(StoryPicture story)
    {
        var groups = story.Groups;
        var index = new OverlapIndex<int>();
        for (int i = 0; i < groups.Count; i++) index.Add(i, groups[i].Words.Words);
        var counted = new Dictionary<StorySentence, Dictionary<string, string>>();
        Dictionary<string, string> CountsOf(StorySentence sentence) =>
            counted.TryGetValue(sentence, out var found) ? found : counted[sentence] = Counts(sentence);
        var full = new Dictionary<StorySentence, FactWords>();
        FactWords Full(StorySentence sentence) =>
            full.TryGetValue(sentence, out var words) ? words : full[sentence] = ClaimAligner.Words(story, sentence, withAttribution: true);
        var settled = new HashSet<(int Group, string Kind)>();
        for (int i = 0; i < groups.Count; i++)
        {
            var group = groups[i];
            var candidates = index.Candidates(group.Words.Words).Append(i).Distinct()
                .Where(k => k == i || !group.Sentences.Any(s => groups[k].Reports(s.Document))).OrderBy(k => k == i ? -1 : k).ToList();
            foreach (var kind in CountsOf(group.First).Keys.Where(k => !settled.Contains((i, k))))
                Add(story, kind, candidates.Where(k => k == i || SameIncident(group, groups[k])), s => CountsOf(s).GetValueOrDefault(kind), settled);
            // A number counted by its kind (nine killed) is not compared again as a count of its noun (nine civilians).
            // Who says a count can be part of what it counts ("the air force said it shot down 33 drones").
            var kinds = Kinds(group.First, group.Words).Where(k => !settled.Contains((i, k))).ToList();
            if (kinds.Count == 0) continue;
            var sameFact = candidates.Where(k => k == i || SameFact(group.Words, groups[k].Words) || SameFact(Full(group.First), Full(groups[k].First))).ToList();
            foreach (var kind in kinds)
                Add(story, kind, sameFact.Where(k => kind == "date" || CountsOf(groups[k].First).Count == 0), s => ValueOf(kind, s), settled);
        }
        YearContradictions(story);
    }

    /// <summary>
    /// A contradiction when the groups' first wordings give two values or more; each version cites
    /// the documents whose own sentence gives it.
    /// </summary>
    private static void Add(StoryPicture story, string kind, IEnumerable<int> candidates, Func<StorySentence, string?> valueOf, HashSet<(int, string)> settled)
    {
        var groups = story.Groups;
        var statements = candidates.Select(k => (Group: k, Value: valueOf(groups[k].First))).Where(o => o.Value != null).ToList();
        if (statements.Select(o => o.Value).Distinct().Count() < 2) return;
        foreach (var (k, _) in statements) settled.Add((k, kind));
        story.Contradictions.Add(new Contradiction(About(kind, statements.Select(o => groups[o.Group].First).ToList()),
            statements.GroupBy(o => o.Value!).Select(g =>
            {
                var stating = g.SelectMany(o => groups[o.Group].Sentences.Where(s => valueOf(s) == g.Key)).ToList();
                return new ContradictingStatement(groups[g.First().Group].First.Text, g.Key, stating.Select(s => s.Document.Id).Distinct().ToList())
                    { Sentences = stating.Select(s => s.Text).Distinct().ToList() };
            }).ToList()));
    }

    /// <summary>Two wordings of one fact: most of the shorter one's words recur in the longer one.</summary>
    private static bool SameFact(FactWords a, FactWords b)
    {
        int exact = a.Words.Count(b.Words.Contains);
        // Synonyms are looked up only for pairs that share two words already: most candidates share one.
        int shared = exact >= 2 ? a.SharedWithSynonyms(b, exact) : exact;
        return shared >= 3 && shared >= 0.6 * Math.Min(a.Words.Count, b.Words.Count)
               && (double)shared / (a.Words.Count + b.Words.Count - shared) >= 0.3;
    }

    /// <summary>
    /// Two counts of one kind are of one incident when the sentences have a word in common besides the
    /// kind's and what they count (a place, a participant, the weapon) and state no different days.
    /// </summary>
    private static bool SameIncident(SentenceGroup a, SentenceGroup b) =>
        !(a.First.FactDate is { } da && b.First.FactDate is { } db && da.FirstDay != db.FirstDay)
        && a.Words.Words.Any(w => b.Words.Words.Contains(w) && !CountKinds.Value.ContainsKey(w)
                                  && !a.Words.Numbers.Any(q => q.Unit == w) && !b.Words.Numbers.Any(q => q.Unit == w));

    /// <summary>The kinds of value a sentence states: a day, and counts of things ("count of drone").</summary>
    private static IEnumerable<string> Kinds(StorySentence sentence, FactWords words)
    {
        if (sentence.FactDate != null) yield return "date";
        foreach (var unit in words.Numbers.Where(q => q.Unit.Length > 0).Select(q => q.Unit).Distinct())
            yield return "count of " + unit;
    }

    private static string? ValueOf(string kind, StorySentence sentence)
    {
        if (kind == "date") return sentence.FactDate?.DateText();
        var unit = kind["count of ".Length..];
        return FactWords.Of(Attribution.Without(sentence.Text)).Numbers.Where(q => q.Unit == unit).Select(q => q.ToString()).FirstOrDefault();
    }

    /// <summary>
    /// The counts of a kind a sentence gives of the event it reports ("count of killed" -> "9"): a
    /// number in the same clause as a word of the kind. Cumulative tolls of a conflict ("has displaced
    /// a million since 2017") are background, not the event's.
    /// </summary>
    private static Dictionary<string, string> Counts(StorySentence sentence)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        var text = Attribution.Without(sentence.Text);
        if (Year().IsMatch(text)) return found;
        // Clauses end at ", " (not inside "4,000"), semicolons, dashes and brackets.
        foreach (var clause in Clause().Split(text))
        {
            var words = FactWords.Of(clause);
            var value = words.Numbers.FirstOrDefault(q => q.Unit is not ("km" or "mi" or "m" or "%" or "kg" or "t" or "usd"));
            if (words.Numbers.Count == 0 || value == default) continue;
            foreach (var word in words.Words)
                if (CountKinds.Value.TryGetValue(word, out var kind) && !found.ContainsKey("count of " + kind))
                    found["count of " + kind] = value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return found;
    }

    internal static readonly Lazy<Dictionary<string, string>> CountKinds = new(() =>
        DataFiles.Lines("Situation", "count-kinds.tsv").Select(l => l.Split('\t')).Where(p => p.Length == 2)
            .SelectMany(p => p[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => (Word: w, Kind: p[0])))
            .GroupBy(x => x.Word).ToDictionary(g => g.Key, g => g.First().Kind, StringComparer.Ordinal));

    /// <summary>Background facts dated by a year ("the insurgency began in 2017"): their subject, verb and year.</summary>
    private static void YearContradictions(StoryPicture story)
    {
        var facts = story.Groups.Select(g => (Group: g, Fact: YearFact(g.First))).Where(f => f.Fact != null).ToList();
        var settled = new HashSet<SentenceGroup>();
        foreach (var (group, fact) in facts)
        {
            if (settled.Contains(group)) continue;
            var same = facts.Where(f => f.Group == group || !settled.Contains(f.Group) && !group.Sentences.Any(s => f.Group.Reports(s.Document))
                                        && WordSenses.Related(f.Fact!.Value.Subject, fact!.Value.Subject) && WordSenses.Related(f.Fact.Value.Verb, fact.Value.Verb)).ToList();
            if (same.Select(f => f.Fact!.Value.Year).Distinct().Count() < 2) continue;
            settled.UnionWith(same.Select(f => f.Group));
            story.Contradictions.Add(new Contradiction($"year: {fact!.Value.Subject} {fact.Value.Verb}",
                same.GroupBy(f => f.Fact!.Value.Year).Select(g => new ContradictingStatement(g.First().Group.First.Text, g.Key.ToString(),
                    g.SelectMany(f => f.Group.Sources).Distinct().ToList())).ToList()));
        }
    }

    /// <summary>
    /// The subject and verb (lemmas) a year is attached to, read from the part-of-speech tags: the verb
    /// nearest before the year, and the head noun of the sentence's first noun phrase ("The insurgency,
    /// led by a group ..., began in October 2017"), or null. Tags, not a parse: this runs on every
    /// sentence that names a year.
    /// </summary>
    private static (string Subject, string Verb, int Year)? YearFact(StorySentence sentence)
    {
        var attribution = Attribution.Find(sentence.Text);
        if (!Year().IsMatch(attribution is { } cut ? sentence.Text.Remove(cut.Start, cut.End - cut.Start) : sentence.Text)) return null;
        var words = SentenceWords.Tagged(sentence);
        int offset = sentence.InLead ? 0 : sentence.Start;
        bool Told(int i) => attribution is { } span && words.Starts[i] - offset >= span.Start && words.Ends[i] - offset <= span.End;
        int at = Enumerable.Range(0, words.Count).FirstOrDefault(i => !Told(i) && words.Lower[i].Length == 4 && Year().IsMatch(words.Lower[i]), -1);
        if (at < 0) return null;
        int verb = -1;
        for (int i = at - 1; i >= Math.Max(0, at - MostWordsFromVerbToYear) && verb < 0; i--)
            if (words.Tags[i].StartsWith("VB", StringComparison.Ordinal) && !Told(i)) verb = i;
        if (verb < 0) return null;
        int subject = -1;
        for (int i = 0; i < verb; i++)
        {
            if (Told(i)) continue;
            if (words.Tags[i].StartsWith("NN", StringComparison.Ordinal)) subject = i;
            else if (subject >= 0 || words.Tags[i] is not ("DT" or "JJ" or "PRP$" or "CD")) break;
        }
        if (subject < 0 || !int.TryParse(words.Lower[at], out var year)) return null;
        var noun = words.Lemmas[subject].ToLowerInvariant();
        var verbLemma = words.Lemmas[verb].ToLowerInvariant();
        return (WordSenses.Lemma(noun) ?? noun, WordSenses.Lemma(verbLemma) ?? verbLemma, year);
    }

    /// <summary>"began in October 2017": the year's verb is at most this many words before it.</summary>
    private const int MostWordsFromVerbToYear = 4;

    /// <summary>What the contradiction is about: the fact words every statement shares, in the first one's order.</summary>
    private static string About(string kind, IReadOnlyList<StorySentence> statements)
    {
        var shared = statements.Select(s => FactWords.Of(Attribution.Without(s.Text)).Words).Aggregate((x, y) => x.Intersect(y).ToHashSet());
        var words = new SentenceWords(statements[0]).Lower
            .Where(w => shared.Contains(FactWords.Key(w)) && !FactWords.StopWords.Contains(w)).Distinct().Take(AboutWords);
        return $"{kind}: {string.Join(' ', words)}";
    }

    private const int AboutWords = 12;

    [GeneratedRegex(@",\s|[;—–()]")]
    private static partial Regex Clause();

    [GeneratedRegex(@"\b(?:19|20)\d\d\b")]
    private static partial Regex Year();
}
