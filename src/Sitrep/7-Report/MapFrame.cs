namespace Sitrep.Report;

/// <summary>
/// The part of the world one map shows and how it is drawn: an equirectangular projection whose
/// east-west scale is shrunk by the cosine of the middle latitude, so a region looks the right
/// shape. It covers the given points with a margin and never zooms in closer than
/// <see cref="MinimumSpan"/> degrees of latitude, so a single town still shows its surroundings.
/// </summary>
public sealed class MapFrame
{
    public const double MinimumSpan = 2.0;
    private const double Margin = 0.3;

    public double Width { get; }
    public double Height { get; }
    public double West { get; }
    public double North { get; }
    public double East => West + Width / (pixelsPerDegree * shrink);
    public double South => North - Height / pixelsPerDegree;

    /// <summary>Pixels per degree of latitude.</summary>
    private readonly double pixelsPerDegree;
    private readonly double shrink;

    private MapFrame(double width, double height, double centerLon, double centerLat, double pixelsPerDegree)
    {
        (Width, Height, this.pixelsPerDegree) = (width, height, pixelsPerDegree);
        shrink = Math.Max(0.2, Math.Cos(centerLat * Math.PI / 180));
        West = centerLon - width / 2 / (pixelsPerDegree * shrink);
        North = centerLat + height / 2 / pixelsPerDegree;
    }

    public static MapFrame Around(IReadOnlyCollection<(double Lon, double Lat)> points, double width, double height)
    {
        if (points.Count == 0) throw new ArgumentException("a map needs at least one point", nameof(points));
        double west = points.Min(p => p.Lon), east = points.Max(p => p.Lon);
        double south = points.Min(p => p.Lat), north = points.Max(p => p.Lat);
        double centerLat = (south + north) / 2, shrink = Math.Max(0.2, Math.Cos(centerLat * Math.PI / 180));
        double latSpan = Math.Max(MinimumSpan, (north - south) * (1 + 2 * Margin));
        double lonSpan = Math.Max(MinimumSpan, (east - west) * (1 + 2 * Margin)) * shrink;
        return new MapFrame(width, height, (west + east) / 2, centerLat, Math.Min(width / lonSpan, height / latSpan));
    }

    public double X(double lon) => (lon - West) * pixelsPerDegree * shrink;
    public double Y(double lat) => (North - lat) * pixelsPerDegree;

    public bool Shows(double lon, double lat) => lon >= West && lon <= East && lat >= South && lat <= North;

    public bool Overlaps(OutlineRing ring) =>
        ring.West / WorldMap.Unit <= East && ring.East / WorldMap.Unit >= West
        && ring.South / WorldMap.Unit <= North && ring.North / WorldMap.Unit >= South;

    /// <summary>Longitude and latitude at a fraction of the frame's width and height from its top left corner.</summary>
    public (double Lon, double Lat) At(double across, double down) => (West + across * (East - West), North - down * (North - South));

    /// <summary>Kilometres one pixel spans east-west at the middle of the map.</summary>
    public double KilometresPerPixel => 111.32 / pixelsPerDegree;
}
