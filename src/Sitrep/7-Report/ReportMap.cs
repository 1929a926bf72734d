using System.Globalization;
using System.Net;
using System.Text;
using Sitrep.Situation;

namespace Sitrep.Report;

/// <summary>
/// A story's map as inline SVG: country outlines zoomed to the story's places, a marker per place
/// and per located event (shaped by <see cref="EventKind"/>; each links to its row in the events
/// table), displacements drawn as arrows from origin to destination, and a scale bar. The marker
/// shapes are defined once per page by <see cref="Symbols"/>.
/// </summary>
public static class ReportMap
{
    private const double Width = 900, Height = 520;

    /// <summary>How far outside the frame outlines are kept, in pixels, so clipped edges never show.</summary>
    private const double Bleed = 20;

    /// <summary>Outline points closer than this to the previous one, in pixels, are left out.</summary>
    private const double Detail = 0.8;

    public const string Symbols = """
        <svg class="symbols" width="0" height="0" aria-hidden="true"><defs>
        <g id="sym-strike"><path d="M0,-9L2.5,-3.5 8,-4 4,0 8,4 2.5,3.5 0,9 -2.5,3.5 -8,4 -4,0 -8,-4 -2.5,-3.5Z"/></g>
        <g id="sym-capture"><path d="M0,-8L7.5,6 -7.5,6Z"/></g>
        <g id="sym-displacement"><circle r="5.5"/></g>
        <g id="sym-other"><rect x="-4.5" y="-4.5" width="9" height="9"/></g>
        <g id="sym-place"><circle r="4"/></g>
        <marker id="arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0L10,5 0,10Z"/></marker>
        </defs></svg>
        """;

    public static void Write(TextWriter w, StoryPicture story, WorldMap world)
    {
        if (MapFocus.Frame(story, Width, Height) is not { } frame)
        {
            if (story.Places.Count > 0) w.WriteLine($"<p class=\"meta\">{Unlocated(story)}</p>");
            return;
        }
        // The view holds the story's main cluster; what lies beyond it is named in the caption.
        var places = story.Places.Where(p => Located(p) && frame.Shows(p.Lon!.Value, p.Lat!.Value)).ToList();
        var events = story.Events.Where(e => e.Lat != null && e.Lon != null && frame.Shows(e.Lon.Value, e.Lat.Value)).ToList();
        var points = places.Select(p => (Lon: p.Lon!.Value, Lat: p.Lat!.Value)).Concat(events.Select(e => (Lon: e.Lon!.Value, Lat: e.Lat!.Value))).ToList();
        w.WriteLine($"<figure class=\"map\"><svg viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"Map of the story's places and events\">");
        w.WriteLine($"<rect class=\"sea\" width=\"{Width}\" height=\"{Height}\"/>");
        Countries(w, frame, world, points.Select(p => (frame.X(p.Lon), frame.Y(p.Lat))).ToList());
        foreach (var p in places) Place(w, frame, p);
        foreach (var e in events) Flight(w, frame, e);
        Events(w, frame, story.Id, events);
        ScaleBar(w, frame);
        w.WriteLine("</svg>");
        Caption(w, story, frame);
        w.WriteLine("</figure>");
    }

    private static void Countries(TextWriter w, MapFrame frame, WorldMap world, IReadOnlyList<(double X, double Y)> markers)
    {
        var labels = new StringBuilder();
        foreach (var country in world.Countries)
        {
            var shown = country.Rings.Where(frame.Overlaps).ToList();
            var d = string.Concat(shown.Select(r => Outline(frame, r)));
            if (d.Length == 0) continue;
            w.WriteLine($"<path class=\"country\" d=\"{d}\"><title>{E(country.Name)}</title></path>");
            if (LabelPoint(frame, country, shown, markers) is var (x, y))
                labels.Append($"<text class=\"country-name\" x=\"{N(x)}\" y=\"{N(y)}\">{E(country.Name)}</text>\n");
        }
        w.Write(labels);
    }

    /// <summary>
    /// Where a country's name goes: its own label point when the map shows it, else the point of a
    /// grid over the map that lies inside the country and farthest from markers and edges.
    /// </summary>
    private static (double X, double Y)? LabelPoint(MapFrame frame, CountryOutline country, IReadOnlyList<OutlineRing> shown, IReadOnlyList<(double X, double Y)> markers)
    {
        if (frame.Shows(country.LabelLon, country.LabelLat)) return (frame.X(country.LabelLon), frame.Y(country.LabelLat));
        const int Columns = 9, Rows = 7;
        var inside = from column in Enumerable.Range(1, Columns)
                     from row in Enumerable.Range(1, Rows)
                     let point = frame.At(column / (Columns + 1.0), row / (Rows + 1.0))
                     where shown.Count(r => r.Contains(point.Lon, point.Lat)) % 2 == 1 // even-odd: lakes and enclaves are holes
                     let x = frame.X(point.Lon)
                     let y = frame.Y(point.Lat)
                     let room = markers.Select(m => Math.Max(Math.Abs(m.X - x) / 2, Math.Abs(m.Y - y))).Append(double.MaxValue).Min()
                     orderby room descending
                     select ((double X, double Y)?)(x, y);
        return inside.FirstOrDefault();
    }

    /// <summary>
    /// One ring as path data. Points outside the frame on the same side as both neighbours are
    /// dropped (the shortcut stays outside, so what shows is unchanged), the rest are clamped to
    /// just beyond the frame, and points closer than <see cref="Detail"/> pixels are merged.
    /// </summary>
    private static string Outline(MapFrame frame, OutlineRing ring)
    {
        if (Math.Abs(frame.X(ring.East / WorldMap.Unit) - frame.X(ring.West / WorldMap.Unit)) < 1.5
            && Math.Abs(frame.Y(ring.South / WorldMap.Unit) - frame.Y(ring.North / WorldMap.Unit)) < 1.5) return "";
        var d = new StringBuilder();
        double lastX = double.NaN, lastY = double.NaN;
        int kept = -1;
        for (int i = 0; i < ring.Count; i++)
        {
            double x = frame.X(ring.Lon(i)), y = frame.Y(ring.Lat(i));
            bool end = i == 0 || i == ring.Count - 1;
            if (!end && (Outside(frame, x, y) & Outside(frame, ring, kept) & Outside(frame, ring, i + 1)) != 0) continue;
            kept = i;
            x = Math.Clamp(x, -Bleed, frame.Width + Bleed);
            y = Math.Clamp(y, -Bleed, frame.Height + Bleed);
            if (!end && Math.Abs(x - lastX) + Math.Abs(y - lastY) < Detail) continue;
            d.Append(d.Length == 0 ? 'M' : 'L').Append(N(x)).Append(',').Append(N(y));
            (lastX, lastY) = (x, y);
        }
        return d.Append('Z').ToString();
    }

    private static int Outside(MapFrame frame, OutlineRing ring, int i) => Outside(frame, frame.X(ring.Lon(i)), frame.Y(ring.Lat(i)));

    /// <summary>Which sides of the frame (plus bleed) a point lies beyond, as bits: left, right, top, bottom.</summary>
    private static int Outside(MapFrame frame, double x, double y) =>
        (x < -Bleed ? 1 : 0) | (x > frame.Width + Bleed ? 2 : 0) | (y < -Bleed ? 4 : 0) | (y > frame.Height + Bleed ? 8 : 0);

    /// <summary>A displacement with a known destination: a curved arrow from where people fled to where they went.</summary>
    private static void Flight(TextWriter w, MapFrame frame, StoryEvent e)
    {
        if (e.Destination is not { Lat: { } toLat, Lon: { } toLon }) return;
        double x1 = frame.X(e.Lon!.Value), y1 = frame.Y(e.Lat!.Value), x2 = frame.X(toLon), y2 = frame.Y(toLat);
        double bend = 0.2, cx = (x1 + x2) / 2 - (y2 - y1) * bend, cy = (y1 + y2) / 2 + (x2 - x1) * bend;
        // Stop short of the destination so the arrowhead sits beside its marker and label, not under them.
        double length = Math.Max(1, Math.Sqrt((x2 - cx) * (x2 - cx) + (y2 - cy) * (y2 - cy)));
        (x2, y2) = (x2 - (x2 - cx) / length * 6, y2 - (y2 - cy) / length * 6);
        w.WriteLine($"<path class=\"flight\" d=\"M{N(x1)},{N(y1)}Q{N(cx)},{N(cy)} {N(x2)},{N(y2)}\" marker-end=\"url(#arrowhead)\">" +
                    $"<title>{E(e.Place ?? "")} to {E(e.Destination.Name)}</title></path>");
    }

    private static void Place(TextWriter w, MapFrame frame, StoryPlace p)
    {
        string x = N(frame.X(p.Lon!.Value)), y = N(frame.Y(p.Lat!.Value));
        w.WriteLine($"<g class=\"marker place\" transform=\"translate({x},{y})\"><title>{E(p.Name)}{(p.Country != null ? ", " + E(p.Country) : "")}: " +
                    $"{p.Mentions} mentions</title><use href=\"#sym-place\"/><text x=\"7\" y=\"4\">{E(p.Name)}</text></g>");
    }

    /// <summary>Event markers, fanned out round a point when several events share it.</summary>
    private static void Events(TextWriter w, MapFrame frame, string storyId, IReadOnlyList<StoryEvent> events)
    {
        foreach (var spot in events.GroupBy(e => (Math.Round(frame.X(e.Lon!.Value)), Math.Round(frame.Y(e.Lat!.Value)))))
        {
            var shared = spot.ToList();
            for (int k = 0; k < shared.Count; k++)
            {
                var e = shared[k];
                double angle = 2 * Math.PI * k / shared.Count - Math.PI / 4, radius = shared.Count > 1 ? 11 : 0;
                double x = frame.X(e.Lon!.Value) + radius * Math.Cos(angle), y = frame.Y(e.Lat!.Value) + radius * Math.Sin(angle);
                var kind = EventKind.Of(e);
                w.WriteLine($"<a href=\"#{EventAnchor(storyId, e)}\"><g class=\"marker event {kind}\" data-event=\"{E(e.Id)}\" transform=\"translate({N(x)},{N(y)})\">" +
                            $"<title>{E(EventKind.Label(e))} {E(e.Date?.DateText() ?? "undated")}: {E(e.Text)}</title><use href=\"#sym-{kind}\"/></g></a>");
            }
        }
    }

    private static void ScaleBar(TextWriter w, MapFrame frame)
    {
        double[] steps = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000];
        double km = steps.LastOrDefault(s => s / frame.KilometresPerPixel <= 140, steps[0]), length = km / frame.KilometresPerPixel;
        double x = 16, y = frame.Height - 16;
        w.WriteLine($"<g class=\"scale\"><path d=\"M{N(x)},{N(y - 5)}V{N(y)}H{N(x + length)}V{N(y - 5)}\"/>" +
                    $"<text x=\"{N(x)}\" y=\"{N(y - 8)}\">{km.ToString(CultureInfo.InvariantCulture)} km</text></g>");
    }

    private static void Caption(TextWriter w, StoryPicture story, MapFrame frame)
    {
        var beyond = story.Places.Where(p => Located(p) && !frame.Shows(p.Lon!.Value, p.Lat!.Value))
            .Select(p => E(p.Name) + (p.Country != null ? $" ({E(p.Country)})" : "")).ToList();
        var key = string.Join(" ", EventKind.All.Select(k => $"<span class=\"key\"><svg viewBox=\"-10 -10 20 20\"><g class=\"marker event {k}\"><use href=\"#sym-{k}\"/></g></svg>{k}</span>"));
        w.WriteLine($"<figcaption>{key} <span class=\"key\"><svg viewBox=\"-10 -10 20 20\"><g class=\"marker place\"><use href=\"#sym-place\"/></g></svg>place</span>" +
                    $"<span class=\"key\"><svg viewBox=\"0 -6 24 12\"><path class=\"flight\" d=\"M1,0H20\" marker-end=\"url(#arrowhead)\"/></svg>fled to</span>" +
                    (beyond.Count > 0 ? $"<br><span class=\"beyond\">Also named, outside this view: {string.Join(", ", beyond)}.</span>" : "") +
                    (!story.Places.All(Located) ? "<br>" + Unlocated(story) : "") +
                    "<br><small>Borders: Natural Earth (public domain) via world-atlas (ISC).</small></figcaption>");
    }

    private static bool Located(StoryPlace p) => p.Lat != null && p.Lon != null;

    private static string Unlocated(StoryPicture story) =>
        "Places without coordinates, not on the map: " + string.Join(", ", story.Places.Where(p => !Located(p)).Select(p => E(p.Name))) + ".";

    public static string EventAnchor(string storyId, StoryEvent e) => $"event-{E(storyId)}-{E(e.Id)}";

    private static string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
