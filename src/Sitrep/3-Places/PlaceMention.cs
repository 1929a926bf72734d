namespace Sitrep;

/// <summary>
/// A place name in the text, resolved to a gazetteer entry when possible (coordinates null when not).
/// <see cref="Kind"/> is city, admin, country or feature. <see cref="Context"/> is set for a place
/// named only inside another name or by its people ("organisation": "the Kharkiv Regional
/// Administration"; "demonym": "Syrian"): the text mentions the place, but nothing happens there.
/// </summary>
public sealed record PlaceMention(int Start, int End, string Text, string? Name, string? Country, double? Lat, double? Lon, string? Kind)
{
    public string? Context { get; init; }
}
