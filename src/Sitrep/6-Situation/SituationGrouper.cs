namespace Sitrep.Situation;

/// <summary>
/// The situations an analyst follows, above the stories: stories in one theatre (the same country
/// where most of their places are, and a place or actor in common) over an unbroken stretch of time
/// (no more than <see cref="GapDays"/> between one story's days and the next's) form one situation,
/// so a two-week offensive reads as one picture while each story stays one real-world event. Each
/// situation has its own summary (the main developments of its stories, by day) and timeline.
/// </summary>
public static class SituationGrouper
{
    /// <summary>The longest quiet stretch, in days, between two stories of one situation.</summary>
    public const int GapDays = 3;

    private const int MostSummarySentences = 8;

    public static IReadOnlyList<SituationView> Group(IReadOnlyList<StoryPicture> stories)
    {
        var traits = stories.Select(Traits).ToList();
        var parent = Enumerable.Range(0, stories.Count).ToArray();
        int Root(int i) => parent[i] == i ? i : parent[i] = Root(parent[i]);
        for (int i = 0; i < stories.Count; i++)
            for (int j = i + 1; j < stories.Count; j++)
                if (Related(traits[i], traits[j])) parent[Root(j)] = Root(i);
        return Enumerable.Range(0, stories.Count).GroupBy(Root).OrderBy(g => g.Min())
            .Select((g, n) => View($"S{n + 1}", g.Select(i => stories[i]).ToList())).ToList();
    }

    private sealed record StoryTraits(string? Country, HashSet<string> Names, DateOnly First, DateOnly Last, bool Dated);

    /// <summary>A story's theatre (its commonest country), its places and actors, and the days it covers.</summary>
    private static StoryTraits Traits(StoryPicture story)
    {
        var country = story.Places.Where(p => p.Country != null).GroupBy(p => p.Country).OrderByDescending(g => g.Sum(p => p.Mentions))
            .Select(g => g.Key).FirstOrDefault();
        // Places below the country, and named actors: a country alone does not make a theatre.
        var names = story.Places.Where(p => p.Kind is not PlaceKind.Country).Select(p => p.Name.ToLowerInvariant())
            .Concat(story.Actors.Where(a => a.Type is EntityType.Person or EntityType.Organization).Select(a => a.Name.ToLowerInvariant()))
            .ToHashSet();
        var days = story.Events.Where(e => e.DateStated && e.Date != null).Select(e => e.Date!.Value.FirstDay)
            .Concat(story.Documents.Where(d => d.Published != null && !d.PublishedInferred).Select(d => d.Published!.Value.FirstDay)).ToList();
        return days.Count == 0 ? new StoryTraits(country, names, DateOnly.MinValue, DateOnly.MinValue, false)
            : new StoryTraits(country, names, days.Min(), days.Max(), true);
    }

    private static bool Related(StoryTraits a, StoryTraits b) =>
        a.Country != null && a.Country == b.Country && a.Names.Overlaps(b.Names) && a.Dated && b.Dated
        && a.First.DayNumber - GapDays <= b.Last.DayNumber && b.First.DayNumber - GapDays <= a.Last.DayNumber;

    private static SituationView View(string id, IReadOnlyList<StoryPicture> stories)
    {
        var main = stories.OrderByDescending(s => s.Documents.Count).First();
        return new SituationView(id, main.Headline, stories.Select(s => s.Id).ToList(),
            stories.SelectMany(s => s.Documents.Select(d => d.Id)).Distinct().ToList(), Summary(stories), Timeline(stories));
    }

    /// <summary>Every story's summary in turn, largest story first, until the summary is full; then by day.</summary>
    private static List<CitedText> Summary(IReadOnlyList<StoryPicture> stories)
    {
        if (stories.Count == 1) return [.. stories[0].Summary];
        var queues = stories.OrderByDescending(s => s.Documents.Count).Select(s => new Queue<CitedText>(s.Summary)).ToList();
        var chosen = new List<(CitedText Text, FactWords Words)>();
        while (chosen.Count < MostSummarySentences && queues.Any(q => q.Count > 0))
            foreach (var queue in queues.Where(q => q.Count > 0))
            {
                if (chosen.Count >= MostSummarySentences) break;
                var next = queue.Dequeue();
                var words = FactWords.Of(next.Text);
                if (!chosen.Any(c => c.Words.SimilarityWithSynonyms(words) > StoryFacts.Repeats)) chosen.Add((next, words));
            }
        return chosen.Select(c => c.Text).OrderBy(c => c.Date?.FirstDay ?? DateOnly.MaxValue).ToList();
    }

    /// <summary>The stories' timelines interleaved by day, a line told by two stories once.</summary>
    private static List<TimelineEntry> Timeline(IReadOnlyList<StoryPicture> stories)
    {
        if (stories.Count == 1) return [.. stories[0].Timeline];
        var lines = new List<(TimelineEntry Entry, FactWords Words)>();
        foreach (var entry in stories.SelectMany(s => s.Timeline).OrderBy(e => e.Date.FirstDay).ThenByDescending(e => e.Sources.Count))
        {
            var words = FactWords.Of(entry.Text);
            int same = lines.FindIndex(l => l.Entry.Date.FirstDay == entry.Date.FirstDay && l.Words.SimilarityWithSynonyms(words) > StoryFacts.Repeats);
            if (same < 0) lines.Add((entry, words));
            else lines[same] = (lines[same].Entry with { Sources = lines[same].Entry.Sources.Union(entry.Sources).ToList() }, lines[same].Words);
        }
        return lines.Select(l => l.Entry).ToList();
    }
}

/// <summary>A situation: related stories (one theatre, one stretch of time) with their summary and timeline.</summary>
public sealed record SituationView(string Id, string Headline, IReadOnlyList<string> Stories, IReadOnlyList<string> Documents,
                                   IReadOnlyList<CitedText> Summary, IReadOnlyList<TimelineEntry> Timeline);
