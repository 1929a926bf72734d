namespace Sitrep.Situation;

/// <summary>The timeline: every dated event, and dated claims that no event covers, in date order.</summary>
public sealed class TimelineBuilder : IStoryStep
{
    public void Process(StoryPicture story)
    {
        // Events told by one sentence (an accusation and its denial) make one line.
        var entries = story.Events.Where(e => e.Date != null)
            .GroupBy(e => (e.Date!.Value.FirstDay, e.Text))
            .Select(g => new TimelineEntry(g.First().Date!.Value, g.Key.Text, g.SelectMany(e => e.Sources).Distinct().ToList())).ToList();
        var covered = entries.Select(e => e.Text).ToHashSet();
        foreach (var group in story.Groups)
        {
            var dated = group.Sentences.FirstOrDefault(s => s.ExplicitDate != null);
            if (dated == null || group.Sentences.Any(s => covered.Contains(s.Text))) continue;
            entries.Add(new TimelineEntry(dated.ExplicitDate!.Value, group.First.Text, group.Sources));
        }
        story.Timeline.AddRange(entries.OrderBy(e => e.Date.FirstDay).ThenBy(e => e.Date.Precision).ThenByDescending(e => e.Sources.Count));
    }
}

/// <summary>
/// The summary: 3 to 8 sentences that the most documents state, that carry events or early
/// positions, and that do not repeat one another in substance; each cites its sources.
/// </summary>
public sealed class Summarizer(int most = 8, double redundancy = 0.3) : IStoryStep
{
    // The rank of a fact, in units of "one more outlet states it" (= 1): corroboration first; a
    // sentence that reports an event counts as most of another outlet, one of the first three of its
    // article (the lead) as half of one; each later position costs a little, so among equals the
    // earlier sentence wins and a background paragraph near the end sinks.
    private const double PerSource = 1, EventWeight = 0.75, LeadWeight = 0.5, PerPosition = 0.01;
    private const int LeadSentences = 3;

    public void Process(StoryPicture story)
    {
        var eventSentences = story.EventMentions.Where(m => !m.Accidental).Select(m => m.Sentence).ToHashSet();
        var ranked = story.Groups
            .Where(g => g.First.Text.Length is >= 40 and <= 400 && !g.First.Text.EndsWith('?'))
            .OrderByDescending(g => g.Sources.Count * PerSource + (g.Sentences.Any(eventSentences.Contains) ? EventWeight : 0)
                                    + (g.Sentences.Min(s => s.Index) < LeadSentences ? LeadWeight : 0) - g.Sentences.Min(s => s.Index) * PerPosition)
            .ToList();
        // The versions of a disputed fact (a toll of 12 or of 15) are one fact: the summary states the best-attested.
        var disputes = story.Contradictions.SelectMany((c, i) => c.Statements.Select(s => (s.Text, Dispute: i)))
            .GroupBy(x => x.Text).ToDictionary(g => g.Key, g => g.Select(x => x.Dispute).ToHashSet());
        var chosen = new List<SentenceGroup>();
        var settled = new HashSet<int>();
        foreach (var group in ranked)
        {
            if (chosen.Count >= most) break;
            if (chosen.Any(c => c.Words.Similarity(group.Words) > redundancy)) continue;
            var inDisputes = group.Sentences.SelectMany(s => disputes.GetValueOrDefault(s.Text) ?? []).ToHashSet();
            if (inDisputes.Overlaps(settled)) continue;
            settled.UnionWith(inDisputes);
            chosen.Add(group);
        }
        foreach (var group in chosen.OrderBy(g => g.First.Date?.FirstDay ?? DateOnly.MaxValue).ThenBy(g => g.First.Index))
            story.Summary.Add(new CitedText(group.First.Text, group.Sources));
    }
}

/// <summary>The story's headline: the title of its earliest original (not derived) document; on a tie, one that states its date, then the one most copied.</summary>
public sealed class HeadlineChooser : IStoryStep
{
    public void Process(StoryPicture story)
    {
        var titled = story.Documents.Where(d => !string.IsNullOrWhiteSpace(d.Title)).ToList();
        var copies = story.DerivedFrom.Values.SelectMany(v => v).GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        var original = titled.Where(d => !story.DerivedFrom.ContainsKey(d.Id))
                             .OrderBy(d => d.Published?.FirstDay ?? DateOnly.MaxValue)
                             .ThenBy(d => d.PublishedInferred)
                             .ThenByDescending(d => copies.GetValueOrDefault(d.Id))
                             .FirstOrDefault()
                       ?? titled.FirstOrDefault();
        story.Headline = original?.Title?.Trim()
                         ?? story.Sentences.FirstOrDefault(s => !s.InLead)?.Text
                         ?? story.Id;
    }
}

/// <summary>The situation stage: the story steps in order.</summary>
public sealed class StoryAnalyzer(IReadOnlyList<IStoryStep> steps)
{
    public static StoryAnalyzer Default() => new(
    [
        new PublicationDateInference(), new ProvenanceFinder(), new SentenceCollector(), new ActorMerger(),
        new PlaceAggregator(), new ArticleReader(), new EventCoder(), new EventCoreference(), new ClaimAligner(), new ContradictionFinder(),
        new ForecastFinder(), new TimelineBuilder(), new Summarizer(), new HeadlineChooser(),
    ]);

    public StoryPicture Analyze(string id, IReadOnlyList<Document> documents)
    {
        var story = new StoryPicture(id, documents);
        foreach (var step in steps) step.Process(story);
        return story;
    }
}
