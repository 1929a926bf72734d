namespace Sitrep.Report;

/// <summary>
/// The part of the world a map opens on, in degrees: the box round the given points with a margin,
/// never narrower than <see cref="MinimumSpan"/> degrees, so a single town still shows its
/// surroundings. The browser fits it to the map's shape (Leaflet's fitBounds), so a map only ever
/// shows more round it, never less.
/// </summary>
public sealed record MapView(double West, double South, double East, double North)
{
    public const double MinimumSpan = 2.0;

    /// <summary>The margin on each side, as a share of the points' span.</summary>
    private const double Margin = 0.15;

    public static MapView Around(IReadOnlyCollection<(double Lon, double Lat)> points)
    {
        if (points.Count == 0) throw new ArgumentException("a map needs at least one point", nameof(points));
        double west = points.Min(p => p.Lon), east = points.Max(p => p.Lon);
        double south = points.Min(p => p.Lat), north = points.Max(p => p.Lat);
        double lonHalf = Math.Max(MinimumSpan, (east - west) * (1 + 2 * Margin)) / 2, latHalf = Math.Max(MinimumSpan, (north - south) * (1 + 2 * Margin)) / 2;
        double lon = (west + east) / 2, lat = (south + north) / 2;
        return new MapView(lon - lonHalf, Math.Max(-85, lat - latHalf), lon + lonHalf, Math.Min(85, lat + latHalf));
    }

    public bool Shows(double lon, double lat) => lon >= West && lon <= East && lat >= South && lat <= North;

    /// <summary>The view grown by <paramref name="times"/> its own span on every side.</summary>
    public MapView Grown(double times) =>
        new(West - times * (East - West), South - times * (North - South), East + times * (East - West), North + times * (North - South));

    public bool Overlaps(OutlineRing ring) =>
        ring.West / WorldMap.Unit <= East && ring.East / WorldMap.Unit >= West
        && ring.South / WorldMap.Unit <= North && ring.North / WorldMap.Unit >= South;
}
