using Sitrep.Places;

namespace Sitrep.Situation;

/// <summary>
/// One real event, one record. First within each document: the mentions of one type whose places and
/// days agree are one report (an article says "shot", "killed" and "the shooting" of one incident in
/// different sentences). Then across documents: reports merge when their type, days, places and
/// participants are compatible and something positive ties them (the same place, a person named in
/// both). A report without a day of its own happened on or within a week before its publication, so it
/// is never "the same day" as anything, only not incompatible with it. Violent incidents without a place
/// of their own happened where their article is filed from; an event most of its reports call an
/// accident is no assault.
/// </summary>
public sealed class EventCoreference : IStoryStep
{
    /// <summary>How many days before its publication an article may report an event whose day it does not give.</summary>
    private const int ReportLagDays = 7;

    /// <summary>Two towns of one incident at most this far apart (a town and the suburb an outlet names instead).</summary>
    private const double SameIncidentKm = 30;

    /// <summary>Two places of one event of another kind share a position (a town, or a building placed at its town).</summary>
    private const double SamePositionKm = 1;

    /// <summary>A region and a town of one incident at most this far apart (a county's or state's point is not where its towns are).</summary>
    private const double SameRegionKm = 150;

    public void Process(StoryPicture story)
    {
        var reports = story.EventMentions.GroupBy(m => m.Sentence.Document)
            .SelectMany(g => Reports(g.ToList(), story.Articles.GetValueOrDefault(g.Key, ArticleFacts.None))).ToList();
        var clusters = new List<List<Report>>();
        foreach (var report in reports)
        {
            var home = clusters.FirstOrDefault(c => c.All(other => Compatible(report, other)) && c.Any(other => Tied(report, other)));
            if (home != null) home.Add(report);
            else clusters.Add([report]);
        }
        MergeDisputedDates(clusters);
        var copies = story.DerivedFrom.Values.SelectMany(v => v).GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        // Told in the words of a mention that states the event's day, from an original report, the one others copy most.
        var tellers = clusters.ToDictionary(c => c, c =>
        {
            var stated = MostStated(c);
            return c.SelectMany(r => r.Mentions).OrderByDescending(m => m.Day is { } d && stated is { } e && d.FirstDay == e.FirstDay)
                    .ThenBy(m => m.Sentence.Document.DerivedFrom.Count > 0)
                    .ThenByDescending(m => copies.GetValueOrDefault(m.Sentence.Document.Id)).First();
        });
        // Events in the order their sentences tell them; of one sentence, its main event first.
        var order = story.Documents.Select((d, i) => (d, i)).ToDictionary(p => p.d, p => p.i);
        int n = 0;
        foreach (var cluster in clusters.OrderBy(c => order[tellers[c].Sentence.Document]).ThenBy(c => tellers[c].Sentence.Start).ThenBy(c => tellers[c].Rank))
        {
            var first = cluster[0];
            if (2 * cluster.Count(r => r.Accidental) > cluster.Count) continue;
            if (cluster.All(r => r.Mentions.All(m => m.Referenced))) continue;
            var mentions = cluster.SelectMany(r => r.Mentions).ToList();
            var stated = MostStated(cluster);
            var date = stated ?? cluster.Select(r => r.Document.Published).Min();
            var told = tellers[cluster];
            var located = MostAttested(cluster);
            // A violent incident no report places is where the sources that tell of it work.
            var sourced = located == null ? MostCommonPlace(cluster.Select(r => r.Type == "ASSAULT" ? r.Article.SourcePlace : null)) : null;
            var place = located ?? sourced ?? MostCommonPlace(cluster.Select(r => r.Unlocated));
            var destination = mentions.Select(m => m.Destination).FirstOrDefault(p => p != null);
            story.Events.Add(new StoryEvent(
                $"v{++n}", first.Type, Mode(mentions),
                People(cluster.Select(r => r.Suspects)) ?? MostCommon(mentions.Select(m => m.Actor)),
                People(cluster.Select(r => r.Victims)) ?? MostCommon(mentions.Select(m => m.Target)),
                place == null ? null : PlaceName(story, place), place?.Country, place?.Lat, place?.Lon,
                date, told.Sentence.Text, cluster.Select(r => r.Document.Id).Distinct().ToList(),
                destination == null ? null : new EventPlace(PlaceName(story, destination), destination.Country, destination.Lat, destination.Lon))
            {
                Casualties = Casualties.MostGiven(cluster.Select(r => r.Casualties)),
                DateStated = stated != null,
                PlaceStated = located == null ? sourced == null : cluster.Any(r => r.Place is { } own && own.Lat == located.Lat && own.Lon == located.Lon),
            });
        }
    }

    /// <summary>One document's report of one event: the mentions it makes of it, and what the article says around them.</summary>
    private sealed class Report(EventMention first, ArticleFacts article, bool main)
    {
        public List<EventMention> Mentions { get; } = [first];
        public ArticleFacts Article { get; } = article;
        public Document Document => Mentions[0].Sentence.Document;
        public string Type => Mentions[0].Type;
        public string? Mode => Situation.EventCoreference.Mode(Mentions);
        public PartialDate? Day
        {
            get
            {
                // read in every pairwise comparison: a loop, not a query
                foreach (var m in Mentions) if (m.Day != null) return m.Day;
                return null;
            }
        }
        /// <summary>The first place of its own a mention names (see <see cref="OwnPlace"/>).</summary>
        public PlaceMention? Place
        {
            get
            {
                foreach (var m in Mentions) if (OwnPlace(m, Article) is { } own) return own;
                return null;
            }
        }

        /// <summary>A place the mentions name that is not on the map, by its name.</summary>
        public PlaceMention? Unlocated => Mentions.Select(m => m.Place).FirstOrDefault(p => p != null && p.Lat == null);

        /// <summary>Where the article is filed from, for a violent incident it gives no place of its own.</summary>
        public PlaceMention? ArticlePlace => Type == "ASSAULT" && Place == null ? Article.Place : null;

        public PlaceMention? AnyPlace => Place ?? ArticlePlace;

        public PlaceMention? Destination => Mentions.Select(m => m.Destination).FirstOrDefault(p => p != null);

        /// <summary>The article's victims and suspects are those of its main incident (its first violent report), not of the background.</summary>
        public IReadOnlyList<string> Victims => main ? Article.Victims : [];
        public IReadOnlyList<string> Suspects => main ? Article.Suspects : [];

        /// <summary>The surnames of the people its article names, read in every pairwise comparison.</summary>
        public HashSet<string> Surnames => surnames ??= Article.People.Select(Surname).ToHashSet(StringComparer.OrdinalIgnoreCase);
        private HashSet<string>? surnames;

        /// <summary>The document calls the event an accident: in its sentences (all its mentions agree), or, of a violent incident, anywhere.</summary>
        public bool Accidental => Mentions[0].Accidental || Type == "ASSAULT" && Article.Accidental;

        /// <summary>How many people the article's mentions of the event say were killed, injured and hit.</summary>
        public Casualties Casualties => casualties ??= Casualties.FirstGiven(Mentions.Select(m => m.Casualties));
        private Casualties? casualties;

        public string? Actor
        {
            get
            {
                foreach (var m in Mentions) if (m.Actor != null) return m.Actor;
                return null;
            }
        }

        public string? Target
        {
            get
            {
                foreach (var m in Mentions) if (m.Target != null) return m.Target;
                return null;
            }
        }
    }

    /// <summary>
    /// The town or region a mention names (streets, buildings and countries say too little or too much
    /// to tell events apart). Of a violent incident, only a town or county near where the article is
    /// filed from: a state holds too many incidents, and a neighbourhood's or street's name read as a
    /// namesake town far away is not where it happened.
    /// </summary>
    private static PlaceMention? OwnPlace(EventMention mention, ArticleFacts article) =>
        mention.Type == "ASSAULT"
            ? mention.Place is { Lat: not null, Kind: PlaceKind.City or PlaceKind.Admin2 } town && (article.Place == null || Near(town, article.Place, mention.Type)) ? town : null
            : mention.Place is { Lat: not null, Kind: PlaceKind.City or PlaceKind.Admin1 or PlaceKind.Admin2 } region ? region : null;

    /// <summary>The reports of one document: a mention joins the first report of its type whose mode, place and day agree with it.</summary>
    private static List<Report> Reports(List<EventMention> mentions, ArticleFacts article)
    {
        var reports = new List<Report>();
        foreach (var mention in mentions)
        {
            var place = OwnPlace(mention, article);
            // "The shooting" refers back to the first such event whatever day the sentence names (that of an arrest, a hearing).
            // The coder told the document's accidents from its other events of the type already: they stay apart.
            var home = (mention.Anaphoric ? reports.FirstOrDefault(r => r.Type == mention.Type && r.Mentions[0].Accidental == mention.Accidental && (r.Place == null || place == null || Near(r.Place, place, mention.Type))) : null)
                       ?? reports.FirstOrDefault(r => r.Type == mention.Type && r.Mentions[0].Accidental == mention.Accidental && ModesAgree(r.Mode, mention.Mode)
                                                   && (r.Place == null || place == null || Near(r.Place, place, mention.Type))
                                                   && (r.Day is not { } d || mention.Day is not { } e || Math.Abs(d.FirstDay.DayNumber - e.FirstDay.DayNumber) <= 1));
            if (home != null) home.Mentions.Add(mention);
            else reports.Add(new Report(mention, article, main: mention.Type == "ASSAULT" && !reports.Any(r => r.Type == "ASSAULT")));
        }
        return reports;
    }

    /// <summary>Nothing in the two reports of different documents says they are different events.</summary>
    private static bool Compatible(Report a, Report b) =>
        a.Document != b.Document && a.Type == b.Type && ModesAgree(a.Mode, b.Mode)
        && (DaysOverlap(a, b) || SamePerson(a, b) || FollowUp(a, b) || FollowUp(b, a) || NextDay(a, b) && (Named(a, b) || Named(b, a) || a.Casualties.SameAs(b.Casualties)))
        && PlacesAgree(a, b)
        && (a.Destination == null || b.Destination == null || Near(a.Destination, b.Destination, a.Type))
        && (!PeopleDiffer(a, b) || SameDayAndTown(a, b))
        && (a.Type == "ASSAULT" || Same(a.Actor, b.Actor))
        && (a.Accidental == b.Accidental || SameDay(a, b) || SamePerson(a, b));

    /// <summary>
    /// The reports' places are near, or one article names the other's town too: a neighbourhood read as
    /// a namesake town far away ("the Austin neighborhood") is where the other article's city is. Reports
    /// of one day that name one person in a part are one event wherever one of them misplaces it (a
    /// street, a car make or a word read as a namesake town).
    /// </summary>
    private static bool PlacesAgree(Report a, Report b) =>
        a.AnyPlace is not { } x || b.AnyPlace is not { } y || Near(x, y, a.Type)
        || a.Type == "ASSAULT" && (a.Article.Towns.Any(t => Near(t, y, a.Type)) || b.Article.Towns.Any(t => Near(t, x, a.Type)))
        || SameDay(a, b) && (SamePerson(a, b) || Named(a, b) || Named(b, a));

    /// <summary>
    /// Both reports state the event's day, a day apart: a shooting late at night is dated to either side
    /// of midnight, and "Monday" may be the day police spoke. One event when the same people or the same
    /// toll vouch for it.
    /// </summary>
    private static bool NextDay(Report a, Report b) => a.Day is { } x && b.Day is { } y && Math.Abs(x.FirstDay.DayNumber - y.FirstDay.DayNumber) == 1;

    /// <summary>
    /// Both reports state the same day and name the same town of their own: outlets that name different
    /// victims of one shooting ("a 6-year-old girl", her mother) still report one incident.
    /// </summary>
    private static bool SameDayAndTown(Report a, Report b) => SameDay(a, b) && a.Place is { } x && b.Place is { } y && Near(x, y, a.Type);

    /// <summary>Both reports state the event's day, the same (an accident and an attack in one town a few days apart stay two).</summary>
    private static bool SameDay(Report a, Report b) => a.Day is { } x && b.Day is { } y && x.FirstDay == y.FirstDay;

    /// <summary>Something the two reports share: the place, a person in the same part, the same named actor or target, the same toll.</summary>
    private static bool Tied(Report a, Report b) =>
        a.AnyPlace != null && b.AnyPlace != null
        || Named(a, b) || Named(b, a)
        || a.Actor != null && Same(a.Actor, b.Actor) && b.Actor != null
        || a.Target != null && Same(a.Target, b.Target) && b.Target != null
        || a.Casualties.SameAs(b.Casualties);

    /// <summary>
    /// The days two reports allow overlap (within a day): a stated day is itself; a report without one
    /// allows the week up to its publication; one without a publication date allows any day.
    /// </summary>
    private static bool DaysOverlap(Report a, Report b)
    {
        if (Span(a) is not { } x || Span(b) is not { } y) return true;
        int slack = a.Day != null && b.Day != null ? 0 : 1;
        return x.First <= y.Last + slack && y.First <= x.Last + slack;
    }

    private static (int First, int Last)? Span(Report r)
    {
        if (r.Day is { } d) return (d.FirstDay.DayNumber, d.FirstDay.DayNumber);
        if (r.Document.Published is { } p) return (p.FirstDay.DayNumber - ReportLagDays, p.FirstDay.DayNumber);
        return null;
    }

    /// <summary>
    /// Both reports name one person (by full name) as a victim or suspect: a follow-up months later (a
    /// charge, a trial) reports the same incident, whatever day it states.
    /// </summary>
    private static bool SamePerson(Report a, Report b) =>
        a.Victims.Concat(a.Suspects).Where(n => n.Contains(' ')).Intersect(b.Victims.Concat(b.Suspects), StringComparer.OrdinalIgnoreCase).Any();

    /// <summary>
    /// A later report (its stated day, or its undated week, not before the earlier's days) that names a
    /// victim or suspect of the earlier one by surname ("Harrison was charged in the shooting", "Hill
    /// died Tuesday"): a follow-up of the same incident.
    /// </summary>
    private static bool FollowUp(Report later, Report earlier) =>
        Span(later) is { } after && Span(earlier) is { } span && span.First <= after.First
        && (Named(later, earlier) || Named(earlier, later));

    /// <summary>
    /// Both reports name victims or suspects and neither article names anyone the other gives a part
    /// (one outlet names one victim of a shooting, another a second victim and the first in passing).
    /// </summary>
    private static bool PeopleDiffer(Report a, Report b) =>
        a.Victims.Count + a.Suspects.Count > 0 && b.Victims.Count + b.Suspects.Count > 0 && !Named(a, b) && !Named(b, a);

    /// <summary>A victim or suspect of one report is a person the other's article names (by surname).</summary>
    private static bool Named(Report a, Report b)
    {
        if (a.Victims.Count + a.Suspects.Count == 0) return false;
        var surnames = b.Surnames;
        foreach (var n in a.Victims) if (surnames.Contains(Surname(n))) return true;
        foreach (var n in a.Suspects) if (surnames.Contains(Surname(n))) return true;
        return false;
    }

    private static string Surname(string name) => name[(name.LastIndexOf(' ') + 1)..];

    /// <summary>The people most reports name in a part, up to two.</summary>
    private static string? People(IEnumerable<IReadOnlyList<string>> named)
    {
        var people = named.SelectMany(p => p.Take(2)).GroupBy(p => p).OrderByDescending(g => g.Count()).Select(g => g.Key).Take(2).ToList();
        return people.Count == 0 ? null : string.Join(" and ", people);
    }

    /// <summary>A generic attack is any kind of attack but the capture of ground; otherwise modes must be equal.</summary>
    private static bool ModesAgree(string? a, string? b) =>
        a == null || b == null || a == b || a == "attack" && b != "territory-captured" || b == "attack" && a != "territory-captured";

    /// <summary>The most specific mode the mentions give: a kind of attack rather than "attack".</summary>
    private static string? Mode(IEnumerable<EventMention> mentions)
    {
        string? any = null;
        foreach (var m in mentions)
        {
            if (m.Mode == null) continue;
            if (m.Mode != "attack") return m.Mode;
            any ??= m.Mode;
        }
        return any;
    }

    /// <summary>
    /// One event whose day the outlets dispute (a ceasefire that "took effect on Monday" in two
    /// outlets and "on Tuesday" in a third) stays one event: groups of the same type, mode, actor and
    /// place (or, with no place, the same named actor) whose stated days lie at most two days apart
    /// merge when no document reports both. The contradiction itself is the contradiction finder's.
    /// </summary>
    private static void MergeDisputedDates(List<List<Report>> clusters)
    {
        // each cluster's day once, not once per pair
        var days = clusters.Select(MostStated).ToList();
        for (int i = 0; i < clusters.Count; i++)
            for (int j = clusters.Count - 1; j > i; j--)
                if (Disputed(clusters[i], clusters[j], days[i], days[j]))
                {
                    clusters[i].AddRange(clusters[j]);
                    clusters.RemoveAt(j);
                    days.RemoveAt(j);
                    days[i] = MostStated(clusters[i]);
                }
    }

    private static bool Disputed(List<Report> a, List<Report> b, PartialDate? da, PartialDate? db)
    {
        if (da is not { } x || db is not { } y || Math.Abs(x.FirstDay.DayNumber - y.FirstDay.DayNumber) > 2) return false;
        if (a.Select(r => r.Document).Intersect(b.Select(r => r.Document)).Any()) return false;
        return a.All(m => b.All(o => m.Type == o.Type && (m.Mode == null || o.Mode == null || m.Mode == o.Mode) && Same(m.Actor, o.Actor)
                                     && !PeopleDiffer(m, o)
                                     && (m.Place != null && o.Place != null ? Near(m.Place, o.Place, m.Type)
                                         : m.Place == null && o.Place == null && m.Actor != null && m.Actor == o.Actor)))
               // A town sees several shootings a week: of violent incidents, only reports that share a person are one.
               && (a[0].Type != "ASSAULT" || a.Any(m => b.Any(o => Named(m, o) || Named(o, m))));
    }

    /// <summary>The day most reports state (the earliest on a tie: a later day is more often that of an arrest or a death in hospital).</summary>
    private static PartialDate? MostStated(List<Report> cluster) =>
        cluster.Select(r => r.Day).Where(d => d != null)
            .GroupBy(d => d!.Value.FirstDay).OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => g.First()).FirstOrDefault();

    private static bool Same(string? a, string? b) => a == null || b == null || string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Two places of one story with one name are one place (one sense per story: the geoparser may read
    /// "Chelsea" as the Massachusetts city in one article and as London's district in another). Places
    /// on the map are near when they lie within an incident's reach of each other (violent incidents,
    /// which outlets place by town, suburb or county), else when they share a position (a hospital
    /// placed at its town takes the town's).
    /// </summary>
    private static bool Near(PlaceMention a, PlaceMention b, string type) =>
        string.Equals(a.Text, b.Text, StringComparison.OrdinalIgnoreCase)
        || a is { Lat: { } latA, Lon: { } lonA } && b is { Lat: { } latB, Lon: { } lonB }
           && PlaceResolver.Kilometres(latA, lonA, latB, lonB) <= (type != "ASSAULT" ? SamePositionKm
               : a.Kind == PlaceKind.City && b.Kind == PlaceKind.City ? SameIncidentKm : SameRegionKm);

    private static string? MostCommon(IEnumerable<string?> values) =>
        values.Where(v => v != null).GroupBy(v => v!).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();

    /// <summary>
    /// Of the places the reports give (their own, else where their article is filed from), the one most
    /// of their articles name (a neighbourhood one outlet reads as a namesake town far away is named by
    /// that outlet alone), then the most given, then one of the event's own.
    /// </summary>
    private static PlaceMention? MostAttested(List<Report> cluster)
    {
        var given = cluster.Select(r => r.AnyPlace).Where(p => p is { Lat: not null }).ToList();
        return given.GroupBy(p => (p!.Lat, p.Lon))
            .OrderByDescending(g => cluster.Count(r => r.Article.Towns.Any(t => Near(t, g.First()!, r.Type))))
            .ThenByDescending(g => g.Count()).ThenByDescending(g => cluster.Any(r => r.Place is { } own && own.Lat == g.Key.Lat && own.Lon == g.Key.Lon))
            .FirstOrDefault()?.First();
    }

    /// <summary>The place most reports give (one place on the map however it is spelled), the first on a tie.</summary>
    private static PlaceMention? MostCommonPlace(IEnumerable<PlaceMention?> places) =>
        places.Where(p => p != null).GroupBy(p => p!.Lat != null ? $"{p.Lat}|{p.Lon}" : p.Text.ToLowerInvariant())
              .OrderByDescending(g => g.Count()).Select(g => g.First()).FirstOrDefault();

    private static string PlaceName(StoryPicture story, PlaceMention place) =>
        story.Places.FirstOrDefault(p => p.Lat != null && p.Lat == place.Lat && p.Lon == place.Lon)?.Name ?? place.Text;
}
