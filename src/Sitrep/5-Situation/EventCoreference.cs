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
        foreach (var mention in story.EventMentions)
        {
            var home = clusters.FirstOrDefault(c => c.All(other => Compatible(mention, other)));
            if (home != null) home.Add(mention);
            else clusters.Add([mention]);
        }
        int n = 0;
        foreach (var cluster in clusters)
        {
            var first = cluster[0];
            var place = cluster.Select(m => m.Place).FirstOrDefault(p => p != null);
            var destination = cluster.Select(m => m.Destination).FirstOrDefault(p => p != null);
            story.Events.Add(new StoryEvent(
                $"v{++n}", first.Type, cluster.Select(m => m.Mode).FirstOrDefault(m => m != null),
                MostCommon(cluster.Select(m => m.Actor)), MostCommon(cluster.Select(m => m.Target)),
                place == null ? null : PlaceName(story, place), place?.Country, place?.Lat, place?.Lon,
                cluster.Select(m => m.Sentence.ExplicitDate).FirstOrDefault(d => d != null) ?? cluster.Select(m => m.Sentence.Date).Min(),
                first.Sentence.Text, cluster.Select(m => m.Sentence.Document.Id).Distinct().ToList(),
                destination == null ? null : new EventPlace(PlaceName(story, destination), destination.Country, destination.Lat, destination.Lon)));
        }
    }

    private static bool Compatible(EventMention a, EventMention b) =>
        a.Type == b.Type
        && (a.Mode == null || b.Mode == null || a.Mode == b.Mode)
        && Same(a.Actor, b.Actor)
        && (a.Place == null || b.Place == null || SamePlace(a.Place, b.Place))
        && SameDay(a.Sentence, b.Sentence)
        && (a.Actor != null || a.Place != null || a.Target != null) && (b.Actor != null || b.Place != null || b.Target != null);

    private static bool Same(string? a, string? b) => a == null || b == null || string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static bool SamePlace(PlaceMention a, PlaceMention b) =>
        a.Lat != null && b.Lat != null ? a.Name == b.Name && a.Country == b.Country : string.Equals(a.Text, b.Text, StringComparison.OrdinalIgnoreCase);

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
