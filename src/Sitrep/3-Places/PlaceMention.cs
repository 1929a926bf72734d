namespace Sitrep;

/// <summary>
/// A place name in the text, resolved to a gazetteer entry when possible (coordinates null when not).
/// <see cref="Kind"/> is city, admin, country or feature.
/// </summary>
public sealed record PlaceMention(int Start, int End, string Text, string? Name, string? Country, double? Lat, double? Lon, string? Kind);
