using System.Globalization;

namespace Sitrep.Report;

/// <summary>One closed outline of a country, in hundredths of a degree, with its bounding box.</summary>
public sealed record OutlineRing(int[] LonLat, int West, int South, int East, int North)
{
    public int Count => LonLat.Length / 2;
    public double Lon(int i) => LonLat[2 * i] / WorldMap.Unit;
    public double Lat(int i) => LonLat[2 * i + 1] / WorldMap.Unit;

    /// <summary>Whether the point lies inside the ring (even-odd rule).</summary>
    public bool Contains(double lon, double lat)
    {
        bool inside = false;
        for (int i = 0, j = Count - 1; i < Count; j = i++)
            if ((Lat(i) > lat) != (Lat(j) > lat) && lon < (Lon(j) - Lon(i)) * (lat - Lat(i)) / (Lat(j) - Lat(i)) + Lon(i))
                inside = !inside;
        return inside;
    }
}

/// <summary>A country's outlines and the point its name is written at.</summary>
public sealed record CountryOutline(string Name, double LabelLon, double LabelLat, IReadOnlyList<OutlineRing> Rings);

/// <summary>
/// The country outlines of Data/countries.tsv (Natural Earth 1:50m via world-atlas, simplified to
/// about 2 km; rebuilt by tools/build-world-map.mjs) that the report's maps are drawn on.
/// </summary>
public sealed class WorldMap(IReadOnlyList<CountryOutline> countries)
{
    public const double Unit = 100;

    private static readonly Lazy<WorldMap> Loaded = new(Load);
    public static WorldMap Default => Loaded.Value;

    public IReadOnlyList<CountryOutline> Countries { get; } = countries;

    public static WorldMap Parse(TextReader reader)
    {
        var countries = new List<CountryOutline>();
        string? line;
        for (int number = 1; (line = reader.ReadLine()) != null; number++)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var columns = line.Split('\t');
            if (columns.Length != 3) throw new InvalidDataException($"countries.tsv:{number}: expected name, label point and rings");
            var label = Integers(columns[1]);
            countries.Add(new CountryOutline(columns[0], label[0] / Unit, label[1] / Unit,
                columns[2].Split('|').Select(r => Ring(Integers(r))).ToList()));
        }
        return new WorldMap(countries);
    }

    /// <summary>A ring from its delta-encoded pairs: the first absolute, each next one relative to the one before.</summary>
    private static OutlineRing Ring(int[] deltas)
    {
        int west = int.MaxValue, south = int.MaxValue, east = int.MinValue, north = int.MinValue;
        for (int i = 2; i < deltas.Length; i++) deltas[i] += deltas[i - 2];
        for (int i = 0; i < deltas.Length; i += 2)
        {
            west = Math.Min(west, deltas[i]); east = Math.Max(east, deltas[i]);
            south = Math.Min(south, deltas[i + 1]); north = Math.Max(north, deltas[i + 1]);
        }
        return new OutlineRing(deltas, west, south, east, north);
    }

    private static int[] Integers(string text) =>
        text.Split(',').Select(s => int.Parse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)).ToArray();

    private static WorldMap Load()
    {
        using var reader = DataFiles.OpenText("Report", "countries.tsv");
        return Parse(reader);
    }
}
