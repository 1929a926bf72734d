namespace Sitrep.Situation;

/// <summary>
/// Aligns sentences that state the same fact across documents, whatever the wording: content words
/// with numbers normalised, and entities by their story-level actor name (so "the RSF" and "Rapid
/// Support Forces" meet), and the same days and counts. Each group is a claim; the documents in it
/// are its corroboration, counted in distinct outlets; a rewrite of another document of the claim is
/// listed as derived and adds none.
/// </summary>
/// <remarks>
/// The threshold is the weighted share of content words two sentences must have in common: above
/// 0.4 paraphrases of one fact meet ("drones hit the hospital, killing 12" / "12 killed as drones
/// struck the hospital"), while two facts of one event with shared names stay apart.
/// </remarks>
public sealed class ClaimAligner(double threshold = 0.42) : IStoryStep
{
    private const int ValueWeight = 2;

    public void Process(StoryPicture story)
    {
        var index = new OverlapIndex<SentenceGroup>();
        // Copies repeat sentences word for word: those join their group without a search.
        var verbatim = new Dictionary<string, List<SentenceGroup>>(StringComparer.Ordinal);
        // Originals before rewrites, earlier reports before later ones: a claim is worded as its first teller put it.
        var order = story.Documents.Select((d, i) => (d, i)).ToDictionary(p => p.d, p => p.i);
        foreach (var sentence in story.Sentences.Where(s => !s.InLead)
                     .OrderBy(s => story.DerivedFrom.ContainsKey(s.Document.Id)).ThenBy(s => s.Document.PublishedInferred)
                     .ThenBy(s => s.Document.Published?.FirstDay ?? DateOnly.MaxValue).ThenBy(s => order[s.Document]).ThenBy(s => s.Index))
        {
            var best = verbatim.GetValueOrDefault(sentence.Text)?.FirstOrDefault(g => !g.Reports(sentence.Document));
            if (best != null) best.Add(sentence);
            else
            {
                var words = Words(story, sentence);
                // "The air force said it shot down 33 drones": with little left, the source is part of the fact.
                if (words.Words.Count < 3) words = Words(story, sentence, withAttribution: true);
                if (words.Words.Count < 3) continue;
                best = Closest(index, sentence, words);
                if (best != null) best.Add(sentence);
                else
                {
                    best = new SentenceGroup(sentence, words);
                    story.Groups.Add(best);
                    index.Add(best, words.Words);
                }
            }
            if (!verbatim.TryGetValue(sentence.Text, out var groups)) verbatim[sentence.Text] = groups = [];
            if (!groups.Contains(best)) groups.Add(best);
        }
        foreach (var group in story.Groups.Where(IsFactual))
        {
            var sources = group.Sources;
            // A rewrite repeats its original: it is listed, as derived, and adds no corroboration.
            var derived = sources.Where(id => story.DerivedFrom.GetValueOrDefault(id) is { } originals && originals.Any(o => o != id && sources.Contains(o))).ToList();
            var independent = story.Documents.Where(d => sources.Contains(d.Id) && !derived.Contains(d.Id)).ToList();
            int support = independent.Select(d => d.Outlet is { Length: > 0 } outlet ? outlet.ToLowerInvariant() : d.Id).Distinct().Count();
            story.Claims.Add(new Claim(group.First.Text, sources, derived, support) { Index = group.First.Index });
        }
        var ordered = story.Claims.OrderByDescending(c => c.Support).ThenByDescending(c => c.Sources.Count).ThenBy(c => c.Index).ToList();
        story.Claims.Clear();
        story.Claims.AddRange(ordered);
    }

    /// <summary>The group whose words the sentence shares most (Jaccard at least the threshold), from another document, agreeing on values.</summary>
    private SentenceGroup? Closest(OverlapIndex<SentenceGroup> index, StorySentence sentence, FactWords words)
    {
        SentenceGroup? best = null;
        double bestScore = threshold;
        foreach (var (group, exact) in index.Overlaps(words.Words))
        {
            // A value both state (nine killed, 4,000 fled) is strong evidence of one fact: it weighs as two shared words.
            int values = ValueWeight * words.Numbers.Select(q => q.Value).Distinct().Count(v => group.Words.Numbers.Any(r => r.Value == v));
            int total = words.Words.Count + group.Words.Words.Count + ValueWeight * (words.Numbers.Count + group.Words.Numbers.Count);
            // Synonyms ("struck" / "hit") count only where the exact words come close already: most pairs are far apart.
            int shared = values + ((double)(exact + values) / (total - exact - values) >= threshold / 2 ? words.SharedWithSynonyms(group.Words, exact) : exact);
            double score = (double)shared / (total - shared);
            if (score >= bestScore && !group.Reports(sentence.Document) && !Disagree(sentence, words, group.First, group.Words))
                (best, bestScore) = (group, score);
        }
        return best;
    }

    /// <summary>
    /// Sentences that give the fact different days or counts state different claims (the contradiction
    /// finder pairs them); neither corroborates the other.
    /// </summary>
    private static bool Disagree(StorySentence a, FactWords wa, StorySentence b, FactWords wb) =>
        a.FactDate is { } da && b.FactDate is { } db && da.FirstDay != db.FirstDay
        || wa.Numbers.Any(q => q.Unit.Length > 0 && wb.Numbers.Any(r => r.Unit == q.Unit)
                               && !wb.Numbers.Any(r => r.Unit == q.Unit && r.ToString() == q.ToString()));

    /// <summary>A sentence's fact words with each entity replaced by its actor's name (without its attribution unless asked).</summary>
    public static FactWords Words(StoryPicture story, StorySentence sentence, bool withAttribution = false)
    {
        // Who says it is not what is said: the attribution's words are left out (blanked, so offsets hold).
        var text = withAttribution ? sentence.Text : Attribution.Without(sentence.Text);
        var actors = new List<string>();
        foreach (var e in sentence.Entities.OrderByDescending(e => e.Start))
        {
            int s = e.Start - sentence.Start, t = e.End - sentence.Start;
            if (s < 0 || t > text.Length || string.IsNullOrWhiteSpace(text[s..t])) continue;
            text = text[..s] + " " + text[t..];
            actors.Add("@" + ActorMerger.Key(story.ActorName(e)));
        }
        var words = FactWords.Of(text);
        return new FactWords { Words = new HashSet<string>(words.Words.Concat(actors)), Numbers = words.Numbers };
    }

    /// <summary>
    /// A claim states something checkable: a number, a date or a named participant; not a question, a
    /// quote fragment, a forecast ("could worsen if ...") or a note about the article itself.
    /// </summary>
    private static bool IsFactual(SentenceGroup group)
    {
        var s = group.First;
        return !s.Text.EndsWith('?') && s.Text.Length >= 30 && (group.Words.Numbers.Count > 0 || s.Times.Count > 0 || s.Entities.Count > 0)
               && ForecastFinder.Parse(s.Text) == null && !ForecastFinder.IsAboutTheArticle(s.Text);
    }
}
