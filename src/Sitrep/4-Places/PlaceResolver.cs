namespace Sitrep.Places;

/// <summary>
/// Picks the gazetteer entry each place name of one document refers to. Every candidate starts
/// from its prominence (population, capital or region, how the name met it); the document then
/// votes: the countries and regions it names (demonyms and organisation names included), the
/// place written after a comma ("Paris, Texas"), and closeness to the document's other places.
/// Each name votes for all its likely readings, the likelier the more, and the document is read
/// again until the picks settle. One name keeps one sense in a document.
/// </summary>
public sealed class PlaceResolver
{
    // Scores are in orders of magnitude of population (the prior is log10 of it), so a bonus of 1
    // weighs like a tenfold bigger place. A country or region the document names: each doubling of
    // its votes is worth 2.5 (about 300x in population), up to the caps below.
    private const double FocusWeight = 2.5;
    // The place written after a comma ("Paris, Texas") decides outright.
    private const double ContainerBonus = 20;
    // "X state", "X province": the region reading, as if 100,000 times bigger.
    private const double RegionHintBonus = 5;
    // Context may lift a small place over a big namesake elsewhere, not a village over a country.
    private const double MaxFocus = 3;
    private const int MaxRounds = 6;
    // A state many names agree on may outweigh more than the cap of one vote: local news names its
    // own state's small towns far more often than their bigger namesakes elsewhere.
    private const double MaxRegionFocus = 5;
    // How much more of its vote a name gives its likelier readings: e^0.5 per tenfold population.
    private const double VoteSharpness = 0.5;

    /// <summary>The chosen entry of each toponym, in order (null when it has no candidate).</summary>
    public GazetteerEntry?[] Resolve(IReadOnlyList<Toponym> toponyms)
    {
        // One sense per document: the mentions of one name decide together.
        var groups = toponyms.Select((t, i) => (t, i)).Where(x => x.t.Candidates.Count > 0)
            .GroupBy(x => x.t.Key).Select(g => new Group(g.Select(x => x.i).ToArray(), g.Select(x => x.t).ToArray())).ToList();
        foreach (var g in groups) g.Pick = Best(g, null);
        for (int round = 0; round < MaxRounds; round++)
        {
            var focus = Focus(groups);
            foreach (var g in groups) g.Next = Best(g, focus);
            bool changed = groups.Any(g => g.Next != g.Pick);
            foreach (var g in groups) g.Pick = g.Next;
            if (!changed) break;
        }
        var result = new GazetteerEntry?[toponyms.Count];
        foreach (var g in groups)
            foreach (var i in g.Indexes) result[i] = g.Pick;
        return result;
    }

    private sealed class Group(int[] indexes, Toponym[] toponyms)
    {
        public int[] Indexes { get; } = indexes;
        public Toponym[] Toponyms { get; } = toponyms;
        public GazetteerEntry? Pick { get; set; }

        /// <summary>Whether the name is also the name of a country or first-level region.</summary>
        public bool HasRegionReading { get; } = toponyms.Any(t => t.Candidates.Any(c => c.Alias == AliasKind.Name && c.Entry.Kind is PlaceKind.Country or PlaceKind.Admin1));

        /// <summary>A part of a town ("the Austin neighborhood", one sense per document): it takes a namesake near the other places or none, and votes for nothing.</summary>
        public bool District { get; } = toponyms.All(t => t.District);

        /// <summary>The towns and counties the group may name, each with its likelihood relative to the best reading.</summary>
        public List<(GazetteerEntry Entry, double Weight)> Likely { get; set; } = [];
        public GazetteerEntry? Next { get; set; }
        /// <summary>The share of the group's vote each region gets (country, first-level region).</summary>
        public Dictionary<(string, string), double> RegionShares { get; set; } = [];
        /// <summary>How strongly the group speaks for its place: every mention counts, in an organisation's name too ("Dublin City Council" says the story is local to Dublin).</summary>
        public double Weight { get; } = Math.Sqrt(toponyms.Length);

        /// <summary>How much the group's vote is worth: a street's name votes a little, a place name fully.</summary>
        public double Reliability { get; } = toponyms.All(t => t.Weak) ? WeakVote : 1;
    }

    // What the vote of a name that says little of where the text is (a street's) is worth.
    private const double WeakVote = 0.3;

    // Readings more than this below the best one are too unlikely to draw other names near them.
    private const double PlausibleMargin = 3;

    /// <summary>What the document as a whole is about: mentions per country and per first-level region, and its places.</summary>
    private sealed class DocumentFocus
    {
        public Dictionary<string, double> Countries { get; } = [];
        public Dictionary<(string, string), double> Regions { get; } = [];
        public List<(Group Group, GazetteerEntry Place, double Weight)> Places { get; } = [];
    }

    private static DocumentFocus Focus(List<Group> groups)
    {
        var focus = new DocumentFocus();
        foreach (var g in groups)
        {
            if (g.Pick is not { } p || g.District) continue;
            double w = g.Weight * g.Reliability;
            Add(focus.Countries, p.Country, w);
            foreach (var (region, share) in g.RegionShares) Add(focus.Regions, region, w * share);
            // Every likely reading of the other names counts for closeness, as much as it is likely,
            // not only the current pick: "Paris" and "Henry County" settle on Tennessee together. A
            // name inside an organisation's name counts too: "the Shreveport Police Department"
            // works nearby.
            foreach (var (place, weight) in g.Likely) focus.Places.Add((g, place, weight * g.Reliability));
        }
        return focus;
    }

    private static void Add<TKey>(Dictionary<TKey, double> counts, TKey key, double w) where TKey : notnull =>
        counts[key] = counts.GetValueOrDefault(key) + w;

    private static GazetteerEntry? Best(Group g, DocumentFocus? focus)
    {
        GazetteerEntry? best = null;
        double bestScore = double.NegativeInfinity;
        var seen = new HashSet<int>();
        var scored = new List<(GazetteerEntry Entry, double Score)>();
        foreach (var t in g.Toponyms)
        {
            foreach (var c in t.Candidates)
            {
                if (!seen.Add(c.Entry.Id)) continue;
                if (g.District && focus != null && focus.Places.Any(x => x.Group != g) && !NearOtherPlaces(c.Entry, g, focus)) continue;
                double s = Prior(c) + Context(c.Entry, g, focus);
                scored.Add((c.Entry, s));
                if (s > bestScore) { best = c.Entry; bestScore = s; }
            }
        }
        RecordVotes(g, scored, bestScore);
        return best;
    }

    /// <summary>
    /// What the group tells the next round: it votes for the regions of all its readings in
    /// proportion to how likely each is (a name of many towns speaks a little for each of their
    /// states), and its likely towns and counties draw other names near them.
    /// </summary>
    private static void RecordVotes(Group g, List<(GazetteerEntry Entry, double Score)> scored, double bestScore)
    {
        var likelihoods = scored.Select(x => (x.Entry, x.Score, Likelihood: Math.Exp(VoteSharpness * (x.Score - bestScore)))).ToList();
        double total = likelihoods.Sum(x => x.Likelihood);
        var shares = new Dictionary<(string, string), double>();
        foreach (var (e, _, likelihood) in likelihoods)
            if (e.Kind is not (PlaceKind.Country or PlaceKind.Region)) Add(shares, (e.Country, e.Admin1), likelihood / total);
        g.RegionShares = shares;
        g.Likely = likelihoods.Where(x => x.Entry.Kind is PlaceKind.City or PlaceKind.Admin2 && x.Score >= bestScore - PlausibleMargin)
            .Select(x => (x.Entry, x.Likelihood)).ToList();
    }

    /// <summary>
    /// How likely a name means this entry before reading the document: log10 of its population, plus
    /// what its rank says beyond population (a country is named as if 1,000 times bigger, a capital
    /// 100 times, a province capital 10 times; a second-level region or an unclassified point less),
    /// minus what a weaker spelling costs (a name without its generic word, a transliteration variant).
    /// </summary>
    internal static double Prior(NameMatch m)
    {
        var e = m.Entry;
        double s = Math.Log10(e.Population + 10);
        s += e.Kind switch
        {
            PlaceKind.Country => 3,
            PlaceKind.Region => e.Code == "CONT" ? 2 : 0,
            PlaceKind.Admin1 => 0.5,
            PlaceKind.Admin2 => -0.5,
            _ => e.Code switch { "PPLC" => 2, "PPLA" => 1, "PPLA2" => 0.3, "" => -0.5, _ => 0 },
        };
        if (m.Alias == AliasKind.Short) s -= 1.5;
        if (m.Alias == AliasKind.Variant) s -= 0.5;
        return s;
    }

    private static double Context(GazetteerEntry e, Group g, DocumentFocus? focus)
    {
        double s = 0;
        foreach (var t in g.Toponyms)
            if (t.Container.Count > 0 && t.Container.Any(c => Contains(c.Entry, e))) { s += ContainerBonus; break; }
        if (e.Kind is PlaceKind.Admin1 or PlaceKind.Country && g.Toponyms.Any(t => t.RegionHint)) s += RegionHintBonus;
        if (focus == null) return s;
        // The group's own vote does not count for itself.
        double own = g.Pick != null ? g.Weight * g.Reliability : 0;
        double country = focus.Countries.GetValueOrDefault(e.Country) - (g.Pick?.Country == e.Country ? own : 0);
        s += Math.Min(MaxFocus, FocusWeight * Math.Log2(1 + Math.Max(0, country)));
        if (e.Kind is PlaceKind.City or PlaceKind.Admin2)
        {
            double region = focus.Regions.GetValueOrDefault((e.Country, e.Admin1)) - g.Weight * g.Reliability * g.RegionShares.GetValueOrDefault((e.Country, e.Admin1));
            double local = Math.Min(MaxRegionFocus, FocusWeight * Math.Log2(1 + Math.Max(0, region)));
            double closeness = 0;
            foreach (var (other, place, weight) in focus.Places)
            {
                if (other == g) continue;
                // Within a county's reach, a region's, a neighbouring region's: local news names its neighbours.
                double km = Kilometres(e.Lat, e.Lon, place.Lat, place.Lon);
                closeness = Math.Max(closeness, weight * (km < 50 ? 2 : km < 200 ? 1.5 : km < 500 ? 0.5 : 0));
            }
            local += closeness;
            // "California" is the state even in a story about Pennsylvania: a town outranks a state or
            // country of its name only when the text places it ("California, Pa.").
            if (g.HasRegionReading) local = Math.Min(local, 2);
            s += local;
        }
        return s;
    }

    // A part of a town lies within a city's reach of the town.
    private const double DistrictKm = 40;

    private static bool NearOtherPlaces(GazetteerEntry e, Group g, DocumentFocus focus) =>
        focus.Places.Any(x => x.Group != g && Kilometres(e.Lat, e.Lon, x.Place.Lat, x.Place.Lon) <= DistrictKm);

    /// <summary>Whether <paramref name="outer"/> contains <paramref name="inner"/> (a region by its codes, a county by distance).</summary>
    private static bool Contains(GazetteerEntry outer, GazetteerEntry inner) => outer.Kind switch
    {
        PlaceKind.Country => inner.Country == outer.Country && inner != outer,
        PlaceKind.Admin1 => inner.Country == outer.Country && inner.Admin1 == outer.Admin1 && inner != outer,
        PlaceKind.Admin2 => inner.Country == outer.Country && inner.Kind == PlaceKind.City && Kilometres(inner.Lat, inner.Lon, outer.Lat, outer.Lon) < 80,
        _ => false,
    };

    public static double Kilometres(double lat1, double lon1, double lat2, double lon2) =>
        new GeoPoint(lat1, lon1).KmTo(new GeoPoint(lat2, lon2));
}
