namespace Sitrep.Situation;

/// <summary>
/// The timeline: every event whose day a report states, and dated facts no event covers, by the day
/// they happened (never the day they were published or said: "officials said on Monday"), without
/// forecasts, notes about the article or background; one line per development and day.
/// </summary>
public sealed class TimelineBuilder : IStoryStep
{
    public void Process(StoryPicture story)
    {
        var entries = new List<(TimelineEntry Entry, FactWords Words, HashSet<string> Keys)>();
        // A fact joins the line of its day that tells it in other words, or that its keys say is its development.
        void Add(PartialDate date, string text, IReadOnlyList<string> sources, FactWords words, HashSet<string> keys, Func<HashSet<string>, bool> joins)
        {
            int same = entries.FindIndex(e => e.Entry.Date.FirstDay == date.FirstDay
                                              && (e.Entry.Text == text || e.Words.SimilarityWithSynonyms(words) > StoryFacts.Repeats || joins(e.Keys)));
            if (same < 0) entries.Add((new TimelineEntry(date, text, sources), words, keys));
            else
            {
                entries[same].Keys.UnionWith(keys);
                entries[same] = entries[same] with { Entry = entries[same].Entry with { Sources = entries[same].Entry.Sources.Union(sources).ToList() } };
            }
        }
        var groupOf = story.Groups.SelectMany(g => g.Sentences.Select(s => (s.Text, Group: g))).GroupBy(x => x.Text).ToDictionary(g => g.Key, g => g.First().Group);
        // Events of one kind on one day at one place (or where one names no place) are one line, even
        // when their reports were not joined into one event; at two places they are two.
        foreach (var e in story.Events.Where(e => e.Date != null && e.DateStated && !StoryFacts.IsBackground(e.Text, e.Date, story)))
        {
            var at = $"{e.Type} at {e.Place}";
            bool Joins(HashSet<string> keys) => keys.Contains(e.Type) && (e.Place == null || keys.Contains(at) || !keys.Any(k => k.StartsWith(e.Type + " at ", StringComparison.Ordinal)));
            Add(e.Date!.Value, e.Text, e.Sources, groupOf.GetValueOrDefault(e.Text)?.Words ?? FactWords.Of(e.Text), e.Place == null ? [e.Type] : [e.Type, at], Joins);
        }
        var kinds = story.EventMentions.GroupBy(m => m.Sentence).ToDictionary(g => g.Key, g => g.OrderBy(m => m.Rank).First().Type);
        var disputes = story.Contradictions.Where(c => !c.About.StartsWith("date", StringComparison.Ordinal))
            .SelectMany((c, i) => c.Statements.SelectMany(s => s.Sentences).Select(text => (Text: text, Key: $"dispute {i}")))
            .ToLookup(x => x.Text, x => x.Key);
        foreach (var group in story.Groups.Where(g => StoryFacts.IsDevelopment(g.First)))
        {
            var dated = group.Sentences.FirstOrDefault(s => s.FactDate != null);
            if (dated == null || StoryFacts.IsBackground(dated.Text, dated.FactDate, story)) continue;
            var keys = group.Sentences.SelectMany(s => disputes[s.Text]).ToHashSet();
            if (group.Sentences.Select(s => kinds.GetValueOrDefault(s)).FirstOrDefault(k => k != null) is { } kind) keys.Add(kind);
            Add(dated.FactDate!.Value, group.First.Text, group.Sources, group.Words, keys, keys.Overlaps);
        }
        story.Timeline.AddRange(entries.Select(e => e.Entry)
            .OrderBy(e => e.Date.FirstDay).ThenBy(e => e.Date.Precision).ThenByDescending(e => e.Sources.Count));
    }
}

/// <summary>
/// The summary: 3 to 8 sentences, each a distinct main development with its day, that the most
/// outlets state independently, that report events or open their articles; no two telling one
/// development (shared words or synonyms, or one kind of event on one day), no background, no
/// forecast and no sentence opening on a pronoun whose referent is in a sentence left out.
/// </summary>
public sealed class Summarizer(int most = 8, int fewest = 3) : IStoryStep
{
    // The rank of a fact, in units of "one more outlet states it" (= 1): corroboration first; a
    // sentence that reports an event counts as most of another outlet, one of the first three of its
    // article (the lead) as half of one; each later position costs a little, so among equals the
    // earlier sentence wins and a background paragraph near the end sinks.
    // Among equals, a version more documents repeat ranks first, and a rewrite's own wording after its original's.
    private const double PerSource = 1, EventWeight = 0.75, LeadWeight = 0.5, PerPosition = 0.01, PerCopy = 0.1, RewriteOnly = 0.5;
    private const int LeadSentences = 3;

    public void Process(StoryPicture story)
    {
        var events = story.EventMentions.Where(m => !m.Accidental).GroupBy(m => m.Sentence).ToDictionary(g => g.Key, g => g.ToList());
        var claims = story.Claims.GroupBy(c => c.Text).ToDictionary(g => g.Key, g => g.First().Support);
        var ranked = story.Groups
            .Where(g => g.First.Text.Length is >= 40 and <= 400 && StoryFacts.IsDevelopment(g.First))
            .OrderByDescending(g => claims.GetValueOrDefault(g.First.Text, g.Sources.Count) * PerSource + (g.Sentences.Any(events.ContainsKey) ? EventWeight : 0)
                                    + (g.Sentences.Min(s => s.Index) < LeadSentences ? LeadWeight : 0) - g.Sentences.Min(s => s.Index) * PerPosition
                                    + g.Sources.Count * PerCopy - (g.Sentences.All(s => story.DerivedFrom.ContainsKey(s.Document.Id)) ? RewriteOnly : 0))
            .ToList();
        // The versions of a disputed fact (a toll of 12 or of 15) are one fact: the summary states the best-attested.
        var disputes = story.Contradictions.SelectMany((c, i) => c.Statements.SelectMany(s => s.Sentences.Append(s.Text)).Select(text => (Text: text, Dispute: i)))
            .GroupBy(x => x.Text).ToDictionary(g => g.Key, g => g.Select(x => x.Dispute).ToHashSet());
        var chosen = new List<(SentenceGroup Group, PartialDate? Day, IReadOnlyList<EventMention> Events)>();
        var settled = new HashSet<int>();
        void Choose(SentenceGroup group)
        {
            var mentions = group.Sentences.SelectMany(s => events.GetValueOrDefault(s) ?? []).ToList();
            var day = group.Sentences.Select(s => s.FactDate).FirstOrDefault(d => d != null) ?? mentions.Select(m => m.Day).FirstOrDefault(d => d != null);
            if (chosen.Any(c => c.Group == group || c.Group.Words.SimilarityWithSynonyms(group.Words) > StoryFacts.Repeats
                                || c.Events.Any(a => mentions.Any(b => SameDevelopment(a, c.Day, b, day))))) return;
            var inDisputes = group.Sentences.SelectMany(s => disputes.GetValueOrDefault(s.Text) ?? []).ToHashSet();
            if (inDisputes.Overlaps(settled)) return;
            settled.UnionWith(inDisputes);
            chosen.Add((group, day, mentions));
        }
        foreach (var group in ranked)
        {
            if (chosen.Count >= most) break;
            // Past the fewest, a main development: an event, or a fact two outlets state on their own.
            bool main = chosen.Count < fewest || group.Sentences.Any(events.ContainsKey) || claims.GetValueOrDefault(group.First.Text) >= 2;
            if (main && !StoryFacts.IsBackground(group.First.Text, group.First.FactDate, story) && !StoryFacts.OpensOnPronoun(group.First)) Choose(group);
        }
        // Too few developments for a summary: background and pronouns come back before it runs short.
        foreach (var group in ranked.TakeWhile(_ => chosen.Count < fewest)) Choose(group);
        foreach (var (group, day, _) in chosen.OrderBy(c => c.Day?.FirstDay ?? c.Group.First.Date?.FirstDay ?? DateOnly.MaxValue).ThenBy(c => c.Group.First.Index))
            story.Summary.Add(new CitedText(group.First.Text, group.Sources) { Date = day });
    }

    /// <summary>
    /// Two sentences tell one development (an attack told twice, "thousands fled" three times) when
    /// they report events of one kind on no different days, by one actor, at or towards one place, or on one stated day.
    /// </summary>
    private static bool SameDevelopment(EventMention a, PartialDate? dayA, EventMention b, PartialDate? dayB)
    {
        if (a.Type != b.Type || a.Mode != b.Mode) return false;
        if (dayA is { } x && dayB is { } y) return x.FirstDay == y.FirstDay;
        return a.Actor != null && a.Actor == b.Actor || a.Place?.Name != null && a.Place.Name == b.Place?.Name
               || a.Destination?.Name != null && a.Destination.Name == b.Destination?.Name;
    }
}

/// <summary>What the summary and the timeline keep out: forecasts, notes about the article, background, dangling pronouns.</summary>
public static class StoryFacts
{
    /// <summary>Two sentences sharing more than this share of their words (synonyms counted) say the same thing.</summary>
    public const double Repeats = 0.3;

    /// <summary>Days a fact may precede its article's publication and still be news rather than background.</summary>
    private const int NewsDays = 45;

    /// <summary>A sentence that reports something that happened: not a question, forecast or note about the article itself.</summary>
    public static bool IsDevelopment(StorySentence sentence) =>
        !sentence.InLead && !sentence.Text.EndsWith('?') && ForecastFinder.Parse(sentence.Text) == null && !ForecastFinder.IsAboutTheArticle(sentence.Text);

    /// <summary>
    /// Background: a fact dated long before the story's reports ("began in October 2017", "in
    /// March 2019"), by its own day or by a year it names outside its attribution.
    /// </summary>
    public static bool IsBackground(string text, PartialDate? day, StoryPicture story)
    {
        var earliest = story.Documents.Where(d => d.Published != null && !d.PublishedInferred).Select(d => d.Published!.Value.FirstDay)
                           .DefaultIfEmpty(DateOnly.MaxValue).Min();
        if (earliest == DateOnly.MaxValue) return false;
        if (day is { } d && d.FirstDay.DayNumber < earliest.DayNumber - NewsDays) return true;
        var fact = Attribution.Without(text);
        return Years(fact).Any(year => new DateOnly(year, 12, 31).DayNumber < earliest.DayNumber - NewsDays);
    }

    private static IEnumerable<int> Years(string text)
    {
        for (int i = 0; i + 4 <= text.Length; i++)
            if ((i == 0 || !char.IsLetterOrDigit(text[i - 1])) && (i + 4 == text.Length || !char.IsLetterOrDigit(text[i + 4]))
                && int.TryParse(text.AsSpan(i, 4), out var year) && year is >= 1900 and <= 2100)
                yield return year;
    }

    /// <summary>
    /// The sentence opens on a pronoun ("He denied it", "They fled"): out of its article, the reader
    /// cannot tell who is meant. Read from the part-of-speech tag, so no list of pronouns is needed.
    /// </summary>
    public static bool OpensOnPronoun(StorySentence sentence)
    {
        var words = SentenceWords.Tagged(sentence);
        return words.Count > 1 && (words.Tags[0] is "PRP" or "PRP$" || words.Tags[0] == "DT" && words.Tags[1] is "VBD" or "VBZ" or "VBP" or "MD" or "VBN");
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
        new PlaceAggregator(), new ArticleReader(), new EventCoder(), new EventCoreference(), new ClaimAligner(), new ContradictionFinder(), new EventDisputeFinder(),
        new ForecastFinder(), new TimelineBuilder(), new Summarizer(), new HeadlineChooser(),
    ]);

    public StoryPicture Analyze(string id, IReadOnlyList<Document> documents)
    {
        var story = new StoryPicture(id, documents);
        foreach (var step in steps) step.Process(story);
        return story;
    }
}
