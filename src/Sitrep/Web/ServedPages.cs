using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Sitrep.Report;
using Sitrep.Situation;
using Sitrep.Store;

namespace Sitrep.Web;

/// <summary>
/// The pages of <c>sitrep serve</c> other than the story page (the report's, <see cref="StoryView"/>):
/// the story list, search, the article reader and the not-found page, all under one navigation bar
/// and the report's style. Everything taken from an article is HTML-encoded.
/// </summary>
public static partial class ServedPages
{
    public const string Css = """
        nav.site{display:flex;flex-wrap:wrap;gap:.4rem 1rem;align-items:center;border-bottom:1px solid var(--rule);padding:.3rem 0 .6rem;margin-bottom:1rem}
        nav.site a.home{font-weight:700;color:var(--ink);text-decoration:none;margin-right:auto}
        form.inline{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center;margin:.4rem 0 .8rem}
        input,select,button{font:inherit;padding:.25rem .45rem;border:1px solid #aab4bd;border-radius:4px;background:#fff;max-width:100%}
        button{background:var(--place);color:#fff;border-color:var(--place);cursor:pointer}
        ol.stories,ol.hits{list-style:none;padding:0}ol.stories>li,ol.hits>li{border-bottom:1px solid var(--rule);padding:.6rem 0}
        ol.stories a.headline,ol.hits a.title{font-size:1.08em;font-weight:600}
        mark{background:#fff1a8;padding:0 .1em}mark.place{background:#dbeafe}mark.entity{background:#e8f5e9}mark.time{background:#fde7d9}
        span.event{border-bottom:2px solid var(--other);padding-bottom:1px}span.event.strike{border-color:var(--strike)}span.event.capture{border-color:var(--capture)}span.event.displacement{border-color:var(--displacement)}
        article.text p{max-width:44rem}.empty{color:var(--muted);font-style:italic}
        """;

    /// <summary>Story list orders: the biggest first, or the newest.</summary>
    public static readonly string[] Orders = ["size", "new"];

    public static string Layout(string title, string body, string query = "") =>
        $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
        $"<title>{E(title)} · Sitrep</title><style>{ReportStyle.Css}{Css}</style></head><body>{Navigation(query)}{body}</body></html>";

    /// <summary>The bar on every served page: home, and the search box.</summary>
    public static string Navigation(string query = "") =>
        "<nav class=\"site\"><a class=\"home\" href=\"/\">Sitrep · stories</a>" +
        $"<form class=\"inline\" action=\"/search\" role=\"search\"><input name=\"q\" value=\"{E(query)}\" placeholder=\"Search articles and names\" aria-label=\"Search\"><button>Search</button></form></nav>";

    /// <summary>Stories on one page of the list.</summary>
    public const int PageSize = 50;

    /// <summary>One page of the stories that match the filter, with links to the pages around it; an analysed story shows its dates, outlets and places.</summary>
    public static string StoryList(StoryListPage list, string filter, string order, int page)
    {
        var (stories, matched, total) = (list.Stories, list.Matched, list.Total);
        var html = new StringBuilder("<h1>Stories</h1>");
        html.Append("<form class=\"inline filter\" action=\"/\"><input name=\"filter\" value=\"").Append(E(filter))
            .Append("\" placeholder=\"Headline or place\" aria-label=\"Filter stories\"><select name=\"sort\" aria-label=\"Order\">");
        foreach (var o in Orders) html.Append($"<option value=\"{o}\"{(o == order ? " selected" : "")}>{(o == "size" ? "biggest first" : "newest first")}</option>");
        html.Append("</select><button>Show</button></form>");
        int first = (page - 1) * PageSize + 1;
        html.Append($"<p class=\"meta\">{ReportHtml.Count(matched, "story", "stories")}{(matched < total ? $" of {total:N0}" : "")}" +
                    $"{(matched > PageSize && stories.Count > 0 ? $"; {first:N0} to {first + stories.Count - 1:N0} shown" : "")}.</p>");
        if (stories.Count == 0) html.Append("<p class=\"empty\">No story matches.</p>");
        html.Append("<ol class=\"stories\">");
        foreach (var s in stories)
        {
            html.Append($"<li><a class=\"headline\" href=\"/stories/{E(s.Id)}\">{E(s.Headline)}</a><p class=\"meta\">{ReportHtml.Count(s.Articles, "article")}");
            if (s.Listing is { } l)
            {
                if (l.FirstDay != null) html.Append($", {E(l.FirstDay)}{(l.LastDay != l.FirstDay ? " to " + E(l.LastDay ?? "") : "")}");
                html.Append($", {ReportHtml.Count(l.Events, "event")}");
                var outlets = l.Outlets;
                if (outlets.Count > 0) html.Append($"; {E(string.Join(", ", outlets.Take(4)))}{(outlets.Count > 4 ? $" and {outlets.Count - 4} more" : "")}");
                if (l.Places.Count > 0) html.Append($"; in {E(string.Join(", ", l.Places.Take(3)))}");
            }
            html.Append(".</p></li>");
        }
        html.Append("</ol><p class=\"pages\">");
        string Link(int to, string label) => $"<a href=\"/?filter={Uri.EscapeDataString(filter)}&amp;sort={order}&amp;page={to}\" rel=\"{(to < page ? "prev" : "next")}\">{label}</a> ";
        if (page > 1) html.Append(Link(page - 1, "← previous"));
        if (page * PageSize < matched) html.Append(Link(page + 1, "next →"));
        return Layout("Stories", html.Append("</p>").ToString());
    }

    /// <summary>Search hits with their words marked (the store brackets them), each leading to its article and story; <paramref name="alsoSearched"/>: the query with other names of the actors it names.</summary>
    public static string Search(string query, IReadOnlyList<SearchHit> hits, Func<string, string?> storyOf, IReadOnlyList<string> alsoSearched)
    {
        var html = new StringBuilder($"<h1>Search</h1>");
        if (query.Trim().Length == 0) html.Append("<p class=\"empty\">Type words to search the articles' text, titles and the names they mention.</p>");
        else if (hits.Count == 0) html.Append($"<p class=\"empty\">No articles match “{E(query)}”.</p>");
        else html.Append($"<p class=\"meta\">{ReportHtml.Count(hits.Count, "article")} match “{E(query)}”.</p>");
        if (alsoSearched.Count > 0) html.Append($"<p class=\"meta also\">Also searched for the same names otherwise written: {string.Join(", ", alsoSearched.Select(q => $"“{E(q)}”"))}.</p>");
        html.Append("<ol class=\"hits\">");
        foreach (var hit in hits)
        {
            var story = storyOf(hit.Id);
            html.Append($"<li><a class=\"title\" href=\"/articles/{Uri.EscapeDataString(hit.Id)}\">{E(hit.Title ?? DocumentTitle.FirstWords(Bracketed().Replace(hit.Snippet, "$1").TrimStart('…')))}</a>")
                .Append($"<p>{Marked(hit.Snippet)}</p>")
                .Append(story != null ? $"<p class=\"meta\">in story <a href=\"/stories/{E(story)}\">{E(story)}</a></p>" : "").Append("</li>");
        }
        return Layout($"Search: {query}", html.Append("</ol>").ToString(), query);
    }

    /// <summary>The search page of a search stopped at its time limit (answered 503).</summary>
    public static string SearchStopped(string query, string why) =>
        Layout($"Search: {query}", $"<h1>Search</h1><p class=\"empty\">{E(why)}.</p>", query);

    /// <summary>The store's [bracketed] snippet words as marked text.</summary>
    private static string Marked(string snippet) => Bracketed().Replace(E(snippet), "<mark>$1</mark>");

    [GeneratedRegex(@"\[([^\[\]]+)\]")]
    private static partial Regex Bracketed();

    /// <summary>An article's text with its places, names, dates and the sentences of its story's events (once its picture is analysed) marked, and where it comes from.</summary>
    public static string Article(Document d, string? storyId, StoryPicture? story)
    {
        var events = story?.Events.Where(e => e.Sources.Contains(d.Id)).ToList() ?? [];
        var html = new StringBuilder($"<article class=\"text\"><h1>{E(DocumentTitle.Of(d))}</h1><p class=\"meta\">{E(d.Outlet ?? "unknown outlet")}, ")
            .Append(E(d.Published?.DateText() ?? "undated")).Append(d.PublishedInferred ? " (inferred)" : "");
        if (Uri.TryCreate(d.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
            html.Append($", <a href=\"{E(url.AbsoluteUri)}\" rel=\"noopener noreferrer\">original</a>");
        if (storyId != null) html.Append($"; story <a class=\"story\" href=\"/stories/{E(storyId)}\">{E(storyId)}</a>");
        html.Append($". Id {E(d.Id)}.</p>");
        html.Append("<p class=\"meta legend\"><mark class=\"place\">place</mark> <mark class=\"entity\">name</mark> <mark class=\"time\">date or time</mark>" +
                    (events.Count > 0 ? " <span class=\"event\">an event of the story</span>" : "") + "</p>");
        foreach (var paragraph in Highlighted(d, events).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            html.Append("<p>").Append(paragraph).Append("</p>");
        return Layout(DocumentTitle.Of(d), html.Append("</article>").ToString());
    }

    /// <summary>
    /// The text, encoded, with the sentences that report the events underlined and each annotation
    /// wrapped in a mark: an annotation that overlaps an earlier one or crosses a sentence's edge is
    /// left unmarked, so the tags always nest.
    /// </summary>
    private static string Highlighted(Document d, IReadOnlyList<StoryEvent> events)
    {
        var sentences = new List<(int Start, int End, string Title, string Kind)>();
        foreach (var e in events)
        {
            int start = e.Text.Contains('\n') ? -1 : d.Text.IndexOf(e.Text, StringComparison.Ordinal);
            if (start >= 0 && sentences.All(s => start >= s.End || start + e.Text.Length <= s.Start))
                sentences.Add((start, start + e.Text.Length, $"{EventKind.Label(e)}, {e.Date?.DateText() ?? "undated"}", EventKind.Of(e)));
        }
        bool Crosses(int start, int end) => sentences.Any(s => (start < s.Start && end > s.Start) || (start < s.End && end > s.End));
        var marks = d.Places.Select(p => (p.Start, p.End, Kind: "place", Title: p.Name is { } n ? n + (p.Country != null ? ", " + p.Country : "") : p.Text))
            .Concat(d.Entities.Select(e => (e.Start, e.End, Kind: "entity", Title: e.Type.Code() + ": " + (e.Canonical ?? e.Text))))
            .Concat(d.Times.Select(t => (t.Start, t.End, Kind: "time", Title: t.Value)))
            .OrderBy(s => s.Start).ThenByDescending(s => s.End);
        // Tags by position: at one position a mark closes before a sentence closes, and a sentence opens before a mark opens.
        var tags = new List<(int At, int Order, string Html)>();
        foreach (var s in sentences)
        {
            tags.Add((s.Start, 2, $"<span class=\"event {s.Kind}\" title=\"{E(s.Title)}\">"));
            tags.Add((s.End, 1, "</span>"));
        }
        int at = 0;
        foreach (var m in marks)
        {
            if (m.Start < at || m.End > d.Text.Length || m.End <= m.Start || Crosses(m.Start, m.End)) continue;
            tags.Add((m.Start, 3, $"<mark class=\"{m.Kind}\" title=\"{E(m.Title)}\">"));
            tags.Add((m.End, 0, "</mark>"));
            at = m.End;
        }
        var html = new StringBuilder();
        at = 0;
        foreach (var tag in tags.OrderBy(t => t.At).ThenBy(t => t.Order))
        {
            html.Append(E(d.Text[at..tag.At])).Append(tag.Html);
            at = tag.At;
        }
        return html.Append(E(d.Text[at..])).ToString();
    }

    /// <summary>A script or style sheet of the story pages, kept by browsers for good: its path names its version.</summary>
    public static IResult? Asset(HttpResponse response, string version, string name)
    {
        if (WebAssets.Find(name) is not { } asset || asset.Path != $"/assets/{version}/{name}") return null;
        response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return Results.Bytes(asset.Bytes, asset.ContentType);
    }

    public static string NotFound(string what) =>
        Layout("Not found", $"<h1>Not found</h1><p class=\"empty\">{E(what)}</p><p><a href=\"/\">All stories</a></p>");

    /// <summary>The story page's navigation and its events filter (by type and actor).</summary>
    public static ReportView StoryView(string type, string actor) => new(id => "/articles/" + Uri.EscapeDataString(id))
    {
        Css = Css,
        ScriptPolicy = "script-src 'self'",
        Styles = WebAssets.LinkedStyles,
        Scripts = WebAssets.LinkedScripts,
        Header = Navigation(),
        ShowEvent = e => (type.Length == 0 || e.Type == type) && (actor.Length == 0 || (e.Actor ?? "").Contains(actor, StringComparison.OrdinalIgnoreCase)),
        EventsHeader = s =>
        {
            var html = new StringBuilder($"<form class=\"inline events-filter\" action=\"/stories/{E(s.Id)}\"><select name=\"type\" aria-label=\"Event type\"><option value=\"\">every type</option>");
            foreach (var t in s.Events.Select(e => e.Type).Distinct().Order(StringComparer.Ordinal))
                html.Append($"<option{(t == type ? " selected" : "")}>{E(t)}</option>");
            return html.Append($"</select><input name=\"actor\" value=\"{E(actor)}\" placeholder=\"Actor\" aria-label=\"Actor\"><button>Filter</button></form>").ToString();
        },
    };

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
