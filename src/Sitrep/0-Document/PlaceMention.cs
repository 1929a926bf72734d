namespace Sitrep;

/// <summary>
/// What kind of place a name stands for: the gazetteer's kinds (a region is a continent, a sea or a
/// region made of compass-named parts), or a feature the gazetteer does not file ("the al-Basel
/// roundabout"), placed where the place it belongs to is.
/// </summary>
public enum PlaceKind : byte { City, Admin1, Admin2, Country, Region, Feature }

/// <summary>Why a place is named although nothing happens there.</summary>
public enum PlaceContext : byte
{
    /// <summary>Named inside another name: "the Kharkiv Regional Administration".</summary>
    Organisation,
    /// <summary>Named by its people: "Syrian".</summary>
    Demonym,
}

/// <summary>A point on the Earth in degrees (WGS 84).</summary>
public readonly record struct GeoPoint(double Lat, double Lon)
{
    private const double EarthKm = 6371.0088;

    /// <summary>Great-circle distance in km (haversine).</summary>
    public double KmTo(GeoPoint other)
    {
        double p1 = double.DegreesToRadians(Lat), p2 = double.DegreesToRadians(other.Lat);
        double a = Math.Pow(Math.Sin((p2 - p1) / 2), 2)
                   + Math.Cos(p1) * Math.Cos(p2) * Math.Pow(Math.Sin(double.DegreesToRadians(other.Lon - Lon) / 2), 2);
        return 2 * EarthKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}

/// <summary>
/// A place name in the text, resolved to a gazetteer entry when possible (<see cref="Point"/> and
/// <see cref="Kind"/> null when not). <see cref="Context"/> is set for a place the text names but where
/// nothing happens.
/// </summary>
public sealed record PlaceMention(TextSpan Span, string Text, string? Name, string? Country, GeoPoint? Point, PlaceKind? Kind)
{
    public int Start => Span.Start;
    public int End => Span.End;
    public double? Lat => Point?.Lat;
    public double? Lon => Point?.Lon;
    public PlaceContext? Context { get; init; }
}

/// <summary>The contract's names of place kinds (city, admin, country, feature), written at the edge.</summary>
public static class PlaceKinds
{
    /// <summary>Regions and features are named areas with no administration; null stays null (not located).</summary>
    public static string? Name(this PlaceKind? kind) => kind switch
    {
        null => null,
        PlaceKind.City => "city",
        PlaceKind.Admin1 or PlaceKind.Admin2 => "admin",
        PlaceKind.Country => "country",
        _ => "feature",
    };

    public static string Name(this PlaceContext context) => context == PlaceContext.Organisation ? "organisation" : "demonym";
}
