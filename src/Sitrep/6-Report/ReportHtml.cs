using System.Globalization;
using System.Net;
using Sitrep.Situation;

namespace Sitrep.Report;

/// <summary>
/// Writes <c>report.html</c>: one self-contained page (no scripts, no outside resources) with each
/// story's summary, a map of its places and events, timeline, actors, claims, contradictions,
/// forecasts and sources. Every piece of article text is HTML-encoded.
/// </summary>
public static class ReportHtml
{
    public static void Write(SituationPicture picture, TextWriter w)
    {
        w.WriteLine("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Situation report</title>");
        w.WriteLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        w.WriteLine("<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}" +
                    "h1,h2{line-height:1.2}section.story{border-top:2px solid #333;margin-top:2rem}.cite{color:#666;font-size:.85em}" +
                    "table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.25rem;text-align:left;vertical-align:top}" +
                    ".contradiction{display:flex;gap:1rem}.contradiction>div{flex:1;background:#fff4e5;padding:.5rem}" +
                    "svg.map{width:100%;height:auto;background:#eef3f7;border:1px solid #ccd}" +
                    "@media print{section.story{page-break-before:always}}</style></head><body>");
        w.WriteLine($"<h1>Situation report</h1><p>{picture.Documents.Count} documents, {picture.Stories.Count} stories.</p>");
        foreach (var s in picture.Stories) Story(w, s);
        w.WriteLine("<h2>Sources</h2><ul class=\"sources\">");
        foreach (var d in picture.Documents)
        {
            var derived = picture.DerivedFrom(d);
            w.WriteLine($"<li id=\"doc-{E(d.Id)}\"><b>[{E(d.Id)}]</b> {E(d.Title ?? "(untitled)")}, {E(d.Outlet ?? "unknown outlet")}, " +
                        $"{E(d.Published?.DateText() ?? "undated")}{(d.PublishedInferred ? " (inferred)" : "")}" +
                        $"{(derived.Count > 0 ? ", derived from " + E(string.Join(", ", derived)) : ", original")}" +
                        $"{(d.CitedSources.Count > 0 ? ", cites " + E(string.Join(", ", d.CitedSources)) : "")}</li>");
        }
        w.WriteLine("</ul></body></html>");
    }

    private static void Story(TextWriter w, StoryPicture s)
    {
        w.WriteLine($"<section class=\"story\" id=\"{E(s.Id)}\"><h2>{E(s.Headline)}</h2>");
        List(w, "Summary", "summary", s.Summary, c => $"{E(c.Text)} {Cite(c.Sources)}");
        Map(w, s);
        List(w, "Timeline", "timeline", s.Timeline, t => $"<b>{E(t.Date.DateText())}</b> {E(t.Text)} {Cite(t.Sources)}");
        List(w, "Events", "events", s.Events, e =>
            $"<b>{E(e.Type)}</b>{(e.Mode != null ? " (" + E(e.Mode) + ")" : "")} {E(e.Date?.DateText() ?? "undated")}" +
            $"{(e.Actor != null ? ", actor " + E(e.Actor) : "")}{(e.Target != null ? ", target " + E(e.Target) : "")}" +
            $"{(e.Place != null ? ", at " + E(e.Place) : "")}: {E(e.Text)} {Cite(e.Sources)}");
        List(w, "Actors", "actors", s.Actors, a =>
            $"<b>{E(a.Name)}</b> ({E(a.Type)}){(a.Aliases.Count > 0 ? ", also " + E(string.Join(", ", a.Aliases)) : "")}, {a.Mentions} mentions {Cite(a.Documents)}");
        List(w, "Claims", "claims", s.Claims.Take(30), c => $"{E(c.Text)} <span class=\"cite\">({c.Sources.Count} sources)</span> {Cite(c.Sources)}");
        if (s.Contradictions.Count > 0)
        {
            w.WriteLine("<h3>Contradictions</h3>");
            foreach (var c in s.Contradictions)
            {
                w.WriteLine($"<p><b>{E(c.About)}</b></p><div class=\"contradiction\">");
                foreach (var st in c.Statements) w.WriteLine($"<div><b>{E(st.Value)}</b><br>{E(st.Text)} {Cite(st.Sources)}</div>");
                w.WriteLine("</div>");
            }
        }
        List(w, "Forecasts", "forecasts", s.Forecasts, f =>
            $"{E(f.Text)}{(f.Condition != null ? $" <i>if</i> {E(f.Condition)} <i>then</i> {E(f.Outcome)}" : "")} {Cite(f.Sources)}");
        w.WriteLine("</section>");
    }

    /// <summary>An equirectangular sketch of the story's located places (circles) and events (squares).</summary>
    private static void Map(TextWriter w, StoryPicture s)
    {
        var points = s.Places.Where(p => p.Lat != null).Select(p => (Lat: p.Lat!.Value, Lon: p.Lon!.Value)).ToList();
        if (points.Count == 0) return;
        double west = points.Min(p => p.Lon) - 2, east = points.Max(p => p.Lon) + 2;
        double south = points.Min(p => p.Lat) - 2, north = points.Max(p => p.Lat) + 2;
        string X(double lon) => ((lon - west) / (east - west) * 800).ToString("0.#", CultureInfo.InvariantCulture);
        string Y(double lat) => ((north - lat) / (north - south) * 400).ToString("0.#", CultureInfo.InvariantCulture);
        w.WriteLine("<h3>Map</h3><svg class=\"map\" viewBox=\"0 0 800 400\" role=\"img\" aria-label=\"map of places and events\">");
        foreach (var p in s.Places.Where(p => p.Lat != null))
            w.WriteLine($"<g class=\"marker place\"><circle cx=\"{X(p.Lon!.Value)}\" cy=\"{Y(p.Lat!.Value)}\" r=\"5\" fill=\"#2a6fbb\"/>" +
                        $"<text x=\"{X(p.Lon!.Value)}\" y=\"{Y(p.Lat!.Value)}\" dx=\"7\" dy=\"4\" font-size=\"12\">{E(p.Name)}</text><title>{E(p.Name)}</title></g>");
        foreach (var e in s.Events.Where(e => e.Lat != null))
            w.WriteLine($"<g class=\"marker event {E(e.Type.ToLowerInvariant())}\"><rect x=\"{X(e.Lon!.Value)}\" y=\"{Y(e.Lat!.Value)}\" width=\"9\" height=\"9\" " +
                        $"transform=\"translate(-4.5,-4.5)\" fill=\"{(e.Type == "DISPLACE" ? "#7a3db8" : e.Type == "ASSAULT" ? "#c0392b" : "#555")}\"/>" +
                        $"<title>{E(e.Type)} {E(e.Date?.DateText() ?? "")}: {E(e.Text)}</title></g>");
        w.WriteLine("</svg>");
    }

    private static void List<T>(TextWriter w, string title, string css, IEnumerable<T> items, Func<T, string> html)
    {
        var rows = items.Select(html).ToList();
        if (rows.Count == 0) return;
        w.WriteLine($"<h3>{title}</h3><ul class=\"{css}\">");
        foreach (var row in rows) w.WriteLine($"<li>{row}</li>");
        w.WriteLine("</ul>");
    }

    private static string Cite(IEnumerable<string> sources) =>
        "<span class=\"cite\">[" + string.Join(", ", sources.Select(id => $"<a href=\"#doc-{E(id)}\">{E(id)}</a>")) + "]</span>";

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
