using System.Net;
using Sitrep.Situation;

namespace Sitrep.Report;

/// <summary>
/// Writes <c>report.html</c>: one self-contained page that works offline (no outside resources;
/// the only scripts are the map's and chart's own, inlined, and its Content-Security-Policy lets
/// nothing else run) with each story's cited summary, map, timeline chart, events, actors and their
/// roles, claims with corroboration, contradictions side by side and forecasts, then every source
/// with its provenance. All article text is HTML-encoded; data for the scripts is embedded as JSON.
/// A section with nothing in it says so.
/// </summary>
public static class ReportHtml
{
    private const int MaxClaims = 30;

    public static void Write(SituationPicture picture, TextWriter w) => Write(picture, w, ReportView.File);

    public static void Write(SituationPicture picture, TextWriter w, ReportView view) => new Page(picture, w, WorldMap.Default, view).Write();

    /// <summary>"1 document", "5 documents", "2 stories".</summary>
    public static string Count(int n, string one, string? many = null) =>
        $"{n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} {(n == 1 ? one : many ?? one + "s")}";

    private sealed class Page(SituationPicture picture, TextWriter w, WorldMap world, ReportView view)
    {
        private readonly Dictionary<string, Document> documents = picture.Documents.ToDictionary(d => d.Id);

        public void Write()
        {
            w.WriteLine("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
            w.WriteLine($"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; {view.ScriptPolicy}; style-src 'self' 'unsafe-inline'; img-src data:\">");
            w.WriteLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
            w.WriteLine($"<title>{E(Title())}</title>{view.Styles}<style>{ReportStyle.Css}{view.Css}</style></head><body>");
            w.WriteLine(ReportMap.Symbols);
            w.WriteLine(view.Header);
            var outlets = picture.Documents.Select(Outlet).OfType<string>().Distinct().Count();
            w.WriteLine($"<header><h1>Situation report</h1><p class=\"meta\">{Count(picture.Documents.Count, "document")}" +
                        $"{(outlets > 0 ? " from " + Count(outlets, "outlet") : "")}, {Count(picture.Stories.Count, "story", "stories")}.</p>");
            if (picture.Stories.Count > 1)
                w.WriteLine("<nav><ol>" + string.Concat(picture.Stories.Select(s => $"<li><a href=\"#story-{E(s.Id)}\">{E(s.Headline)}</a></li>")) + "</ol></nav>");
            w.WriteLine("</header>");
            foreach (var story in picture.Stories) Story(story);
            Sources();
            var views = picture.Stories.Select(MapFocus.View).OfType<MapView>().ToList();
            if (views.Count > 0) w.WriteLine($"<script type=\"application/json\" id=\"sitrep-outlines\">{ReportMap.Outlines(views, world)}</script>");
            w.WriteLine(view.Scripts);
            w.WriteLine("</body></html>");
        }

        private string Title() => picture.Stories.Count == 1 ? $"{picture.Stories[0].Headline}: situation report" : "Situation report";

        private void Story(StoryPicture s)
        {
            w.WriteLine($"<section class=\"story\" id=\"story-{E(s.Id)}\"><h2>{E(s.Headline)}</h2>");
            var days = s.Timeline.Select(t => t.Date.DateText()).ToList();
            w.WriteLine($"<p class=\"meta\">Story {E(s.Id)}: {Count(s.Documents.Count, "document")} " +
                        $"({E(string.Join(", ", s.Documents.Select(d => Outlet(d) ?? d.Id).Distinct()))})" +
                        $"{(days.Count > 0 ? $", events from {E(days[0])} to {E(days[^1])}" : "")}.</p>");
            List("Summary", "summary", s.Summary, c => $"{(c.Date is { } day ? $"<time>{day.DateText()}</time> " : "")}{E(c.Text)} {Cite(c.Sources)}", "No summary could be made.");
            ReportMap.Write(w, s, view.DocumentHref);
            w.WriteLine("<h3>Timeline</h3>");
            TimelineChart.Write(w, s);
            List(null, "timeline", s.Timeline, t => $"<time>{E(t.Date.DateText())}</time> <span>{E(t.Text)}</span> {Cite(t.Sources)}", "No dated events found.", ordered: true);
            var events = s.Events.Where(view.ShowEvent).ToList();
            w.WriteLine("<h3>Events</h3>" + (s.Events.Count == 0 ? "<p class=\"meta\">No events found.</p>"
                : view.EventsHeader(s) + (events.Count == 0 ? "<p class=\"meta\">No events match.</p>" : "")));
            Table(null, "events", ["Date", "Event", "Actor", "Target", "Where", "Report", "Sources"], events, e =>
                [E(e.Date?.DateText() ?? "undated"), $"<span class=\"kind {EventKind.Of(e)}\">{E(EventKind.Label(e))}</span>",
                 E(e.Actor ?? ""), E(e.Target ?? ""), Where(e), E(e.Text), Cite(e.Sources)],
                e => ReportMap.EventAnchor(s.Id, e));
            w.WriteLine("<h3>Actors</h3>" + (s.Actors.Count == 0 ? "<p class=\"meta\">No actors found.</p>" : ""));
            Table(null, "actors", ["Actor", "Type", "Also called", "Role in events", "Mentions", "Sources"], s.Actors, a =>
                [$"<b>{E(a.Name)}</b>", E(a.Type.Code()), E(string.Join(", ", a.Aliases)), E(Roles(s, a)), a.Mentions.ToString(), Cite(a.Documents)]);
            Claims(s);
            Contradictions(s);
            List("Forecasts", "forecasts", s.Forecasts, f => (f.Condition != null
                ? $"<span class=\"if\">If</span> {E(f.Condition)} <span class=\"then\">then</span> {E(f.Outcome)}"
                : E(f.Text)) + " " + Cite(f.Sources), "No forecasts found.");
            w.WriteLine("</section>");
        }

        private static string Where(StoryEvent e) =>
            E(e.Place ?? "") + (e.Destination != null ? $" &rarr; {E(e.Destination.Name)}" : "");

        /// <summary>What an actor does in the story's events: "actor: strike ×2; target: other".</summary>
        private static string Roles(StoryPicture s, Actor a)
        {
            string Tally(IEnumerable<StoryEvent> events) => string.Join(", ", events.GroupBy(EventKind.Of)
                .Select(g => g.Count() > 1 ? $"{g.Key} ×{g.Count()}" : g.Key));
            var roles = new List<string>();
            void Add(string role, IEnumerable<StoryEvent> events) { var t = Tally(events); if (t.Length > 0) roles.Add($"{role}: {t}"); }
            Add("actor", s.Events.Where(e => e.Actor == a.Name));
            Add("target", s.Events.Where(e => e.Target != null && e.Target.Contains(a.Name, StringComparison.Ordinal) && e.Place != a.Name));
            Add("place", s.Events.Where(e => e.Place == a.Name || e.Destination?.Name == a.Name));
            return string.Join("; ", roles);
        }

        private void Claims(StoryPicture s)
        {
            // Corroboration counts outlets that state a claim on their own; a rewrite is shown apart.
            List("Claims", "claims", s.Claims.Take(MaxClaims), c =>
                $"<span class=\"count\" title=\"stated independently by {Count(c.Support, "outlet")}\">{c.Support}</span> {E(c.Text)} {Cite(c.Sources.Except(c.Derived))}"
                + (c.Derived.Count > 0 ? $" <span class=\"meta\">rewritten by {Cite(c.Derived)}</span>" : ""), "No claims found.");
            if (s.Claims.Count > MaxClaims) w.WriteLine($"<p class=\"meta\">{s.Claims.Count - MaxClaims} more claims are listed in situation.json.</p>");
        }

        private void Contradictions(StoryPicture s)
        {
            w.WriteLine("<h3>Contradictions</h3>");
            if (s.Contradictions.Count == 0) w.WriteLine("<p class=\"meta\">No contradictions found.</p>");
            foreach (var c in s.Contradictions)
                w.WriteLine($"<div class=\"contradiction\"><h4>{E(c.About)}</h4><div class=\"sides\">" + string.Concat(c.Statements.Select(st =>
                    $"<blockquote><p class=\"value\">{E(st.Value)}</p><p>{E(st.Text)}</p><footer>{Outlets(st.Sources)} {Cite(st.Sources)}</footer></blockquote>")) + "</div></div>");
        }

        private void Sources()
        {
            w.WriteLine("<section class=\"sources\"><h2>Sources</h2>");
            Table(null, "sources", ["Id", "Title", "Outlet", "Published", "Provenance"], picture.Documents, d =>
                [E(d.Id), Link(d), E(Outlet(d) ?? "unknown"), E(d.Published?.DateText() ?? "undated") + (d.PublishedInferred ? " <i>(inferred)</i>" : ""), Provenance(d)],
                d => $"doc-{E(d.Id)}");
            w.WriteLine("</section>");
        }

        /// <summary>The title (an untitled article's first words), linked only when the URL is plain http(s): a javascript: URL must not become a link.</summary>
        private static string Link(Document d)
        {
            var title = E(DocumentTitle.Of(d));
            return Uri.TryCreate(d.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
                ? $"<a href=\"{E(url.AbsoluteUri)}\" rel=\"noopener noreferrer\">{title}</a>" : title;
        }

        private string Provenance(Document d)
        {
            var derived = picture.DerivedFrom(d);
            var parts = new List<string>
            {
                derived.Count > 0
                    ? "<span class=\"derived\">derived</span> from " + string.Join(", ", derived.Select(id => documents.ContainsKey(id) ? Cite([id]) : E(id)))
                    : "<span class=\"original\">original</span>",
            };
            if (d.OriginalSource != null) parts.Add($"names its source as {E(d.OriginalSource)}");
            if (d.CitedSources.Count > 0) parts.Add("<span class=\"cited\">cites</span> " + E(string.Join(", ", d.CitedSources)));
            return string.Join("; ", parts);
        }

        /// <summary>A titled list, or its title and <paramref name="empty"/> when it has no items.</summary>
        private void List<T>(string? title, string css, IEnumerable<T> items, Func<T, string> html, string empty, bool ordered = false)
        {
            var rows = items.Select(html).ToList();
            if (title != null) w.WriteLine($"<h3>{title}</h3>");
            if (rows.Count == 0)
            {
                w.WriteLine($"<p class=\"meta none\">{empty}</p>");
                return;
            }
            var tag = ordered ? "ol" : "ul";
            w.WriteLine($"<{tag} class=\"{css}\">" + string.Concat(rows.Select(r => $"<li>{r}</li>")) + $"</{tag}>");
        }

        private void Table<T>(string? title, string css, string[] headers, IEnumerable<T> items, Func<T, string[]> cells, Func<T, string>? anchor = null)
        {
            var rows = items.ToList();
            if (rows.Count == 0) return;
            if (title != null) w.WriteLine($"<h3>{title}</h3>");
            w.WriteLine($"<table class=\"{css}\"><thead><tr>" + string.Concat(headers.Select(h => $"<th>{h}</th>")) + "</tr></thead><tbody>");
            foreach (var row in rows)
                w.WriteLine((anchor != null ? $"<tr id=\"{anchor(row)}\">" : "<tr>") + string.Concat(cells(row).Select(c => $"<td>{c}</td>")) + "</tr>");
            w.WriteLine("</tbody></table>");
        }

        /// <summary>Document ids in brackets, each linking to its source (<see cref="ReportView.DocumentHref"/>) and naming its outlet on hover.</summary>
        private string Cite(IEnumerable<string> sources) =>
            "<span class=\"cite\">[" + string.Join(", ", sources.Select(id =>
                $"<a href=\"{E(view.DocumentHref(id))}\" title=\"{E(documents.GetValueOrDefault(id) is { } d ? Outlet(d) ?? id : id)}\">{E(id)}</a>")) + "]</span>";

        private string Outlets(IEnumerable<string> sources) =>
            E(string.Join(", ", sources.Select(id => documents.GetValueOrDefault(id) is { } d ? Outlet(d) ?? id : id).Distinct()));

        /// <summary>The outlet the article names, else its web site's host.</summary>
        private static string? Outlet(Document d) =>
            d.Outlet ?? (Uri.TryCreate(d.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? url.Host.Replace("www.", "") : null);

        private static string E(string s) => WebUtility.HtmlEncode(s);
    }
}

/// <summary>
/// What a report page links to and adds: the file report cites its own sources table and inlines
/// its scripts; <c>sitrep serve</c> links each citation to its article page and the scripts to its
/// own assets, puts its navigation on top and a filter above the events table, whose rows it may narrow.
/// </summary>
public sealed record ReportView(Func<string, string> DocumentHref)
{
    public static ReportView File { get; } = new(id => "#doc-" + id);

    /// <summary>The script-src of the page's policy: by default only the inlined assets' texts may run.</summary>
    public string ScriptPolicy { get; init; } = WebAssets.InlinePolicy;

    /// <summary>The assets' style sheets, in the head.</summary>
    public string Styles { get; init; } = WebAssets.InlineStyles;

    /// <summary>The assets' scripts, at the end of the body (after the data they read).</summary>
    public string Scripts { get; init; } = WebAssets.InlineScripts;

    /// <summary>More style rules, after the report's own.</summary>
    public string Css { get; init; } = "";

    /// <summary>HTML at the top of the page.</summary>
    public string Header { get; init; } = "";

    /// <summary>HTML above a story's events table.</summary>
    public Func<StoryPicture, string> EventsHeader { get; init; } = _ => "";

    /// <summary>The events the table lists.</summary>
    public Func<StoryEvent, bool> ShowEvent { get; init; } = _ => true;
}
