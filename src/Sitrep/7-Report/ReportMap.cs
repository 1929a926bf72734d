using System.Net;
using System.Text;
using System.Text.Json;
using Sitrep.Situation;

namespace Sitrep.Report;

/// <summary>
/// A story's map: the page embeds its places and events as JSON beside an empty map box, and
/// Assets/sitrep-map.js draws them with Leaflet over the country outlines of <see cref="Outlines"/>
/// (no tiles: nothing is fetched). The map opens on the story's main cluster (<see cref="MapFocus"/>)
/// and zooms from the world to street level; places are dots, events are shaped by
/// <see cref="EventKind"/>, displacements with a destination are dashed lines to it, and each
/// marker's popup cites its sources. The caption names the places outside the opening view.
/// </summary>
public static class ReportMap
{
    /// <summary>How far an outline may stray from the country's border far from every map's view, in hundredths of a degree: the world at a glance.</summary>
    private const double FarDetail = 50;

    /// <summary>Near a map's view, the outline strays at most this share of the view's span: under a pixel at the opening zoom.</summary>
    private const double NearDetail = 1.0 / 800;

    /// <summary>Places named on the map at most, the most mentioned first; the others are named in their popups.</summary>
    private const int MaxLabels = 16;

    /// <summary>The marker shapes, once per page: the map's event icons and the caption's key use them.</summary>
    public const string Symbols = """
        <svg class="symbols" width="0" height="0" aria-hidden="true"><defs>
        <g id="sym-strike"><path d="M0,-9L2.5,-3.5 8,-4 4,0 8,4 2.5,3.5 0,9 -2.5,3.5 -8,4 -4,0 -8,-4 -2.5,-3.5Z"/></g>
        <g id="sym-capture"><path d="M0,-8L7.5,6 -7.5,6Z"/></g>
        <g id="sym-displacement"><circle r="5.5"/></g>
        <g id="sym-other"><rect x="-4.5" y="-4.5" width="9" height="9"/></g>
        <g id="sym-place"><circle r="4"/></g>
        </defs></svg>
        """;

    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    /// <summary>The map of a story with located places or events; nothing for one without.</summary>
    public static void Write(TextWriter w, StoryPicture story, Func<string, string> documentHref)
    {
        if (MapFocus.View(story) is not { } view) return;
        var places = story.Places.Where(p => p.Point != null).OrderByDescending(p => p.Mentions).ToList();
        var events = story.Events.Where(e => e.Lat != null && e.Lon != null).ToList();
        var outlets = story.Documents.ToDictionary(d => d.Id, d => d.Outlet);
        var cited = places.SelectMany(p => p.Documents).Concat(events.SelectMany(e => e.Sources)).Distinct();
        var data = new
        {
            story = story.Id,
            view = new[] { view.South, view.West, view.North, view.East },
            sources = cited.ToDictionary(id => id, id => new[] { documentHref(id), outlets.GetValueOrDefault(id) ?? id }),
            places = places.Select((p, rank) => new
            {
                name = p.Name, country = p.Country, lat = p.Lat, lon = p.Lon, mentions = p.Mentions, sources = p.Documents,
                label = rank < MaxLabels && view.Shows(p.Lon!.Value, p.Lat!.Value),
            }),
            events = events.Select(e => new
            {
                kind = EventKind.Of(e), type = EventKind.Label(e), date = e.Date?.DateText(), text = e.Text, actor = e.Actor, target = e.Target,
                place = e.Place, lat = e.Lat, lon = e.Lon, row = $"#event-{story.Id}-{e.Id}", sources = e.Sources,
                to = e.Destination is { Lat: not null, Lon: not null } to ? new { name = to.Name, lat = to.Lat, lon = to.Lon } : null,
            }),
        };
        w.WriteLine($"<figure class=\"map\" data-story=\"{E(story.Id)}\"><div class=\"map-view\" role=\"region\" aria-label=\"Map of the story's places and events\"></div>");
        w.WriteLine($"<script type=\"application/json\" class=\"map-data\">{JsonSerializer.Serialize(data, Json)}</script>");
        Caption(w, story, view);
        w.WriteLine("</figure>");
    }

    /// <summary>
    /// The page's country outlines as JSON for sitrep-map.js: near a map's view (within its span
    /// round it) as detailed as a pixel of that view needs, up to the shipped detail (about 2 km);
    /// coarse elsewhere, so a map zoomed out to the world still has its continents while the file
    /// stays small. Rings smaller than the detail are left out.
    /// </summary>
    public static string Outlines(IReadOnlyList<MapView> views, WorldMap world)
    {
        var near = views.Select(v => (Area: v.Grown(1), Detail: Math.Max(1, NearDetail * WorldMap.Unit * Math.Max(v.East - v.West, v.North - v.South)))).ToList();
        var countries = new List<object>();
        foreach (var country in world.Countries)
        {
            // Each ring as a view near it needs: an island far off is coarse though its mainland is near.
            double Detail(OutlineRing r) => near.Where(v => v.Area.Overlaps(r)).Select(v => v.Detail).DefaultIfEmpty(FarDetail).Min();
            var rings = country.Rings.Select(r => (Ring: r, Detail: Detail(r))).Where(r => Math.Max(r.Ring.East - r.Ring.West, r.Ring.North - r.Ring.South) >= 2 * r.Detail)
                .Select(r => Encode(r.Ring, r.Detail)).ToList();
            if (rings.Count == 0) continue;
            countries.Add(new { name = country.Name, label = LabelPoint(country, views), rings });
        }
        return JsonSerializer.Serialize(new { countries }, Json);
    }

    /// <summary>
    /// Where a country's name is written: its own label point when a view shows it, else the middle
    /// of the part of a view it covers, when that lies inside it; nowhere for a country no view shows.
    /// </summary>
    private static double[]? LabelPoint(CountryOutline country, IReadOnlyList<MapView> views)
    {
        if (views.Any(v => v.Shows(country.LabelLon, country.LabelLat))) return [country.LabelLon, country.LabelLat];
        foreach (var v in views)
        {
            var shown = country.Rings.Where(v.Overlaps).ToList();
            if (shown.Count == 0) continue;
            double west = Math.Max(v.West, shown.Min(r => r.West) / WorldMap.Unit), east = Math.Min(v.East, shown.Max(r => r.East) / WorldMap.Unit);
            double south = Math.Max(v.South, shown.Min(r => r.South) / WorldMap.Unit), north = Math.Min(v.North, shown.Max(r => r.North) / WorldMap.Unit);
            double lon = (west + east) / 2, lat = (south + north) / 2;
            if (country.Rings.Count(r => r.Contains(lon, lat)) % 2 == 1) return [lon, lat]; // even-odd: lakes and enclaves are holes
        }
        return null;
    }

    /// <summary>A ring simplified (Douglas-Peucker) to <paramref name="detail"/> hundredths of a degree, as lon,lat pairs in hundredths, the first absolute and each next relative to the one before.</summary>
    private static string Encode(OutlineRing ring, double detail)
    {
        var keep = new bool[ring.Count];
        keep[0] = keep[^1] = true;
        var spans = new Stack<(int First, int Last)>();
        spans.Push((0, ring.Count - 1));
        while (spans.Count > 0)
        {
            var (first, last) = spans.Pop();
            int farthest = -1;
            double distance = detail;
            for (int i = first + 1; i < last; i++)
            {
                double d = SegmentDistance(ring, i, first, last);
                if (d > distance) (farthest, distance) = (i, d);
            }
            if (farthest < 0) continue;
            keep[farthest] = true;
            spans.Push((first, farthest));
            spans.Push((farthest, last));
        }
        var text = new StringBuilder();
        int lastLon = 0, lastLat = 0;
        for (int i = 0; i < ring.Count; i++)
        {
            if (!keep[i]) continue;
            int lon = ring.LonLat[2 * i], lat = ring.LonLat[2 * i + 1];
            text.Append(text.Length == 0 ? "" : ",").Append(lon - lastLon).Append(',').Append(lat - lastLat);
            (lastLon, lastLat) = (lon, lat);
        }
        return text.ToString();
    }

    private static double SegmentDistance(OutlineRing ring, int point, int from, int to)
    {
        double px = ring.LonLat[2 * point], py = ring.LonLat[2 * point + 1], ax = ring.LonLat[2 * from], ay = ring.LonLat[2 * from + 1];
        double dx = ring.LonLat[2 * to] - ax, dy = ring.LonLat[2 * to + 1] - ay, length = dx * dx + dy * dy;
        double t = length == 0 ? 0 : Math.Clamp(((px - ax) * dx + (py - ay) * dy) / length, 0, 1);
        return Math.Sqrt(Math.Pow(px - ax - t * dx, 2) + Math.Pow(py - ay - t * dy, 2));
    }

    private static void Caption(TextWriter w, StoryPicture story, MapView view)
    {
        var beyond = story.Places.Where(p => p.Point is { } at && !view.Shows(at.Lon, at.Lat))
            .Select(p => E(p.Name) + (p.Country != null ? $" ({E(p.Country)})" : "")).ToList();
        var key = string.Join(" ", EventKind.All.Select(k => $"<span class=\"key\"><svg viewBox=\"-10 -10 20 20\"><g class=\"marker event {k}\"><use href=\"#sym-{k}\"/></g></svg>{k}</span>"));
        w.WriteLine($"<figcaption>{key} <span class=\"key\"><svg viewBox=\"-10 -10 20 20\"><g class=\"marker place\"><use href=\"#sym-place\"/></g></svg>place</span>" +
                    "<span class=\"key\"><svg viewBox=\"0 -6 24 12\"><path class=\"flight\" d=\"M1,0H23\"/></svg>fled to</span>" +
                    (beyond.Count > 0 ? $"<br><span class=\"beyond\">Also named, outside this view (zoom out to see them): {string.Join(", ", beyond)}.</span>" : "") +
                    "</figcaption>");
    }

    public static string EventAnchor(string storyId, StoryEvent e) => $"event-{E(storyId)}-{E(e.Id)}";

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
