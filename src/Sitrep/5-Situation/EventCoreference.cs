using Sitrep.Places;

namespace Sitrep.Situation;

/// <summary>
/// One real event reported by several documents becomes one event: mentions of the same type whose
/// actor, target, place and date are compatible (equal, or unknown on one side) are merged, and
/// the merged event lists every reporting document.
/// </summary>
public sealed class EventCoreference : IStoryStep
{
    public void Process(StoryPicture story)
    {
        var clusters = new List<List<EventMention>>();
        var ofType = new Dictionary<string, List<List<EventMention>>>();
        foreach (var mention in story.EventMentions)
        {
            if (!ofType.TryGetValue(mention.Type, out var candidates)) ofType[mention.Type] = candidates = [];
            var home = candidates.FirstOrDefault(c => c.Any(other => Alike(mention, other)))
                       ?? candidates.FirstOrDefault(c => c.All(other => Compatible(mention, other)));
            if (home != null) home.Add(mention);
            else
            {
                candidates.Add([mention]);
                clusters.Add(candidates[^1]);
            }
        }
        MergeDisputedDates(clusters);
        var copies = story.DerivedFrom.Values.SelectMany(v => v).GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        var tellers = new Dictionary<List<EventMention>, EventMention>();
        foreach (var cluster in clusters)
        {
            var date = MostStated(cluster) ?? cluster.Select(m => m.Sentence.Date).Min();
            // Told in the words of a mention that states the event's day, from an original report, the one others copy most.
            tellers[cluster] = cluster.OrderByDescending(m => m.Sentence.ExplicitDate is { } d && date is { } e && d.FirstDay == e.FirstDay)
                                   .ThenBy(m => m.Sentence.Document.DerivedFrom.Count > 0)
                                   .ThenByDescending(m => copies.GetValueOrDefault(m.Sentence.Document.Id)).First();
        }
        // Events in the order their sentences tell them; of one sentence, its main event first.
        var order = story.Documents.Select((d, i) => (d, i)).ToDictionary(p => p.d, p => p.i);
        int n = 0;
        foreach (var cluster in clusters.OrderBy(c => order[tellers[c].Sentence.Document]).ThenBy(c => tellers[c].Sentence.Start).ThenBy(c => tellers[c].Rank))
        {
            var first = cluster[0];
            var date = MostStated(cluster) ?? cluster.Select(m => m.Sentence.Date).Min();
            var told = tellers[cluster];
            var place = cluster.Select(m => m.Place).FirstOrDefault(p => p != null);
            var destination = cluster.Select(m => m.Destination).FirstOrDefault(p => p != null);
            story.Events.Add(new StoryEvent(
                $"v{++n}", first.Type, cluster.Select(m => m.Mode).FirstOrDefault(m => m != null),
                MostCommon(cluster.Select(m => m.Actor)), MostCommon(cluster.Select(m => m.Target)),
                place == null ? null : PlaceName(story, place), place?.Country, place?.Lat, place?.Lon,
                date, told.Sentence.Text, cluster.Select(m => m.Sentence.Document.Id).Distinct().ToList(),
                destination == null ? null : new EventPlace(PlaceName(story, destination), destination.Country, destination.Lat, destination.Lon)));
        }
    }

    /// <summary>
    /// One event whose day the outlets dispute (a ceasefire that "took effect on Monday" in two
    /// outlets and "on Tuesday" in a third) stays one event: groups of the same type, mode, actor and
    /// place (or, with no place, the same named actor) whose stated days lie at most two days apart
    /// merge when no document reports both. The
    /// contradiction itself is the contradiction finder's.
    /// </summary>
    private static void MergeDisputedDates(List<List<EventMention>> clusters)
    {
        for (int i = 0; i < clusters.Count; i++)
            for (int j = clusters.Count - 1; j > i; j--)
                if (Disputed(clusters[i], clusters[j]))
                {
                    clusters[i].AddRange(clusters[j]);
                    clusters.RemoveAt(j);
                }
    }

    private static bool Disputed(List<EventMention> a, List<EventMention> b)
    {
        var (da, db) = (MostStated(a), MostStated(b));
        if (da is not { } x || db is not { } y || Math.Abs(x.FirstDay.DayNumber - y.FirstDay.DayNumber) > 2) return false;
        if (a.Select(m => m.Sentence.Document).Intersect(b.Select(m => m.Sentence.Document)).Any()) return false;
        return a.All(m => b.All(o => m.Type == o.Type && (m.Mode == null || o.Mode == null || m.Mode == o.Mode) && Same(m.Actor, o.Actor)
                                     && (m.Place != null && o.Place != null ? SamePlace(m.Place, o.Place)
                                         : m.Place == null && o.Place == null && m.Actor != null && m.Actor == o.Actor)));
    }

    /// <summary>The day most mentions state (the earliest mention's on a tie).</summary>
    private static PartialDate? MostStated(List<EventMention> cluster) =>
        cluster.Select(m => m.Sentence.ExplicitDate).Where(d => d != null)
            .GroupBy(d => d!.Value.FirstDay).OrderByDescending(g => g.Count())
            .Select(g => g.First()).FirstOrDefault();

    /// <summary>Mentions alike in every role compatibility looks at (a copy's) are compatible with the same mentions.</summary>
    private static bool Alike(EventMention a, EventMention b) =>
        a.Type == b.Type && a.Mode == b.Mode && a.Actor == b.Actor && a.Target == b.Target && a.Place == b.Place && a.Destination == b.Destination
        && a.Sentence.ExplicitDate == b.Sentence.ExplicitDate && a.Sentence.Date == b.Sentence.Date;

    private static bool Compatible(EventMention a, EventMention b) =>
        a.Type == b.Type
        && (a.Mode == null || b.Mode == null || a.Mode == b.Mode)
        && Same(a.Actor, b.Actor)
        && (a.Place == null || b.Place == null || SamePlace(a.Place, b.Place))
        && (a.Destination == null || b.Destination == null || SamePlace(a.Destination, b.Destination))
        && SameDay(a.Sentence, b.Sentence)
        && (a.Actor != null || a.Place != null || a.Target != null) && (b.Actor != null || b.Place != null || b.Target != null);

    private static bool Same(string? a, string? b) => a == null || b == null || string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Places on the map are one when they share a position (a hospital placed at its town takes the
    /// town's); others by name.
    /// </summary>
    private static bool SamePlace(PlaceMention a, PlaceMention b) =>
        a is { Lat: { } latA, Lon: { } lonA } && b is { Lat: { } latB, Lon: { } lonB }
            ? PlaceResolver.Kilometres(latA, lonA, latB, lonB) <= 1
            : string.Equals(a.Text, b.Text, StringComparison.OrdinalIgnoreCase);


    /// <summary>Stated days must agree; a day only inferred from publication may trail the stated one by a few days.</summary>
    private static bool SameDay(StorySentence a, StorySentence b)
    {
        var (da, db) = (a.ExplicitDate, b.ExplicitDate);
        if (da != null && db != null) return da.Value.FirstDay == db.Value.FirstDay;
        var stated = da ?? db;
        var reported = da != null ? b.Date : a.Date;
        if (stated == null || reported == null) return true;
        int lag = reported.Value.FirstDay.DayNumber - stated.Value.FirstDay.DayNumber;
        return lag is >= -1 and <= 7;
    }

    private static string? MostCommon(IEnumerable<string?> values) =>
        values.Where(v => v != null).GroupBy(v => v!).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();

    private static string PlaceName(StoryPicture story, PlaceMention place) =>
        story.Places.FirstOrDefault(p => p.Lat != null && p.Lat == place.Lat && p.Lon == place.Lon)?.Name ?? place.Text;
}
