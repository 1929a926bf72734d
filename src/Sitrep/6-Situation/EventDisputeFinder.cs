namespace Sitrep.Situation;

/// <summary>
/// Contradictions on who did it and where: reports from different outlets of one event (one kind on
/// one stated day, at one place or against one target) that name different perpetrators, or that
/// name one perpetrator and target but places far apart. Conservative by design: a mention without
/// a named actor, place or stated day disputes nothing, and a rewrite never disputes its original.
/// </summary>
public sealed class EventDisputeFinder : IStoryStep
{
    /// <summary>Two towns closer than this are one place told at two scales (a district and its town).</summary>
    private const double SamePlaceKm = 25;

    public void Process(StoryPicture story)
    {
        var mentions = story.EventMentions.Where(m => m.Day is { Precision: >= DatePrecision.Day } && !m.Anaphoric).ToList();
        foreach (var incident in mentions.GroupBy(m => (m.Type, m.Mode, m.Day!.Value.FirstDay)))
        {
            var reports = incident.ToList();
            Dispute(story, "perpetrator", reports.Where(m => m.Actor != null).ToList(),
                (a, b) => SamePlace(a, b) || a.Target != null && a.Target == b.Target, m => m.Actor!, Differ);
            Dispute(story, "place", reports.Where(m => m.Actor != null && m.Target != null && m.Place?.Point != null && IsTown(m.Place)).ToList(),
                (a, b) => a.Actor == b.Actor && a.Target == b.Target, m => m.Place!.Name ?? m.Place.Text,
                (a, b) => a.Place!.Point!.Value.KmTo(b.Place!.Point!.Value) > SamePlaceKm);
        }
    }

    private static void Dispute(StoryPicture story, string about, List<EventMention> reports, Func<EventMention, EventMention, bool> oneEvent,
                                Func<EventMention, string> valueOf, Func<EventMention, EventMention, bool> differ)
    {
        if (reports.Count < 2) return;
        var first = reports[0];
        var sameEvent = reports.Where(r => r == first || oneEvent(first, r) && Independent(story, first, r)).ToList();
        if (!sameEvent.Any(r => differ(first, r))) return;
        // Versions: reports that do not differ from a version's first report tell that version.
        var versions = new List<List<EventMention>>();
        foreach (var report in sameEvent)
        {
            var version = versions.FirstOrDefault(v => !differ(v[0], report));
            if (version != null) version.Add(report);
            else versions.Add([report]);
        }
        if (versions.Count < 2) return;
        story.Contradictions.Add(new Contradiction($"{about}: {first.Type.ToLowerInvariant()} on {first.Day!.Value.DateText()}",
            versions.Select(v => new ContradictingStatement(v[0].Sentence.Text, valueOf(v[0]), v.Select(m => m.Sentence.Document.Id).Distinct().ToList())
                { Sentences = v.Select(m => m.Sentence.Text).Distinct().ToList() }).ToList()));
    }

    /// <summary>Two names of different actors: neither is the other's alias or part of it ("Russia" / "Russian forces" are one).</summary>
    private static bool Differ(EventMention a, EventMention b) =>
        !a.Actor!.Contains(b.Actor!, StringComparison.OrdinalIgnoreCase) && !b.Actor!.Contains(a.Actor!, StringComparison.OrdinalIgnoreCase);

    private static bool SamePlace(EventMention a, EventMention b) =>
        a.Place?.Name != null && a.Place.Name == b.Place?.Name;

    private static bool IsTown(PlaceMention place) => place.Kind is PlaceKind.City or PlaceKind.Feature;

    /// <summary>Reports by different documents, neither a rewrite of the other.</summary>
    private static bool Independent(StoryPicture story, EventMention a, EventMention b)
    {
        string x = a.Sentence.Document.Id, y = b.Sentence.Document.Id;
        return x != y && !(story.DerivedFrom.GetValueOrDefault(x)?.Contains(y) ?? false) && !(story.DerivedFrom.GetValueOrDefault(y)?.Contains(x) ?? false);
    }
}
