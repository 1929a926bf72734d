using Sitrep.Situation;

namespace Sitrep.Report;

/// <summary>
/// The part of a story's places and events that sets its map's view: the main cluster, so that a
/// few far-off points (a namesake town abroad, a country's centroid, a capital where officials
/// spoke) do not zoom the map out to the whole world. The centre is the point with the most
/// weight around it (places weigh their mentions, events their sources); the view keeps the
/// points within four times the weighted median distance from that centre (at least
/// <see cref="MinimumRadiusKm"/>): a story whose weight is spread over continents keeps them all. A
/// country or region sets the view only when the story names no smaller place: its centroid is
/// seldom where anything happened.
/// </summary>
public static class MapFocus
{
    /// <summary>How far weight counts towards a point's density: about a province.</summary>
    public const double BandwidthKm = 250;

    /// <summary>The smallest radius kept round the centre, so a story of one town still holds its neighbours.</summary>
    public const double MinimumRadiusKm = 150;

    /// <summary>The radius, in weighted median distances from the centre, within which points set the view.</summary>
    private const double Spread = 4;

    /// <summary>A point of the map with its weight; <see cref="Area"/> for a country or region.</summary>
    public readonly record struct Weighted(GeoPoint Point, double Weight, bool Area);

    /// <summary>The view a story's map opens on, or null when nothing in it is located.</summary>
    public static MapView? View(StoryPicture story)
    {
        var focus = Main(Points(story));
        return focus.Count == 0 ? null : MapView.Around([.. focus.Select(p => (p.Lon, p.Lat))]);
    }

    /// <summary>Every located place and event of the story (a flight's destination too), weighted.</summary>
    public static IReadOnlyList<Weighted> Points(StoryPicture story)
    {
        var areas = story.Places.Where(p => p.Kind is PlaceKind.Country or PlaceKind.Region).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var points = story.Places.Where(p => p.Point != null).Select(p => new Weighted(p.Point!.Value, Math.Max(1, p.Mentions), areas.Contains(p.Name))).ToList();
        foreach (var e in story.Events)
        {
            if (e.Lat is { } lat && e.Lon is { } lon) points.Add(new Weighted(new GeoPoint(lat, lon), Math.Max(1, e.Sources.Count), e.Place != null && areas.Contains(e.Place)));
            if (e.Destination is { Lat: { } toLat, Lon: { } toLon } to) points.Add(new Weighted(new GeoPoint(toLat, toLon), 1, areas.Contains(to.Name)));
        }
        return points;
    }

    /// <summary>The points of the main cluster, each place once.</summary>
    public static IReadOnlyList<GeoPoint> Main(IReadOnlyList<Weighted> points)
    {
        var candidates = points.Any(p => !p.Area) ? points.Where(p => !p.Area) : points;
        // One entry per spot: a town's place and its events weigh together.
        var spots = candidates.GroupBy(p => p.Point).Select(g => (Point: g.Key, Weight: g.Sum(p => p.Weight))).ToList();
        if (spots.Count <= 1) return [.. spots.Select(s => s.Point)];
        var centre = spots.MaxBy(s => spots.Sum(o => o.Weight * Math.Exp(-Math.Pow(s.Point.KmTo(o.Point) / BandwidthKm, 2)))).Point;
        var byDistance = spots.Select(s => (s.Point, s.Weight, Km: centre.KmTo(s.Point))).OrderBy(s => s.Km).ToList();
        double half = byDistance.Sum(s => s.Weight) / 2, seen = 0, median = 0;
        foreach (var s in byDistance)
        {
            seen += s.Weight;
            median = s.Km;
            if (seen > half) break;
        }
        double radius = Math.Max(MinimumRadiusKm, Spread * median);
        return [.. byDistance.Where(s => s.Km <= radius).Select(s => s.Point)];
    }
}
