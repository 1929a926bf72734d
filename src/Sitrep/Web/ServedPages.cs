using System.Net;
using System.Text;
using System.Text.RegularExpressions;
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
        html.Append($"<p class=\"meta\">{Count(matched, "story", "stories")}{(matched < total ? $" of {total:N0}" : "")}" +
                    $"{(matched > PageSize && stories.Count > 0 ? $"; {first:N0} to {first + stories.Count - 1:N0} shown" : "")}.</p>");
        if (stories.Count == 0) html.Append("<p class=\"empty\">No story matches.</p>");
        html.Append("<ol class=\"stories\">");
        foreach (var s in stories)
        {
            html.Append($"<li><a class=\"headline\" href=\"/stories/{E(s.Id)}\">{E(s.Headline)}</a><p class=\"meta\">{Count(s.Articles, "article")}");
            if (s.Listing is { } l)
            {
                if (l.FirstDay != null) html.Append($", {E(l.FirstDay)}{(l.LastDay != l.FirstDay ? " to " + E(l.LastDay ?? "") : "")}");
                html.Append($", {Count(l.Events, "event")}");
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

    /// <summary>Search hits with their words marked (the store brackets them), each leading to its article and story.</summary>
    public static string Search(string query, IReadOnlyList<SearchHit> hits, Func<string, string?> storyOf)
    {
        var html = new StringBuilder($"<h1>Search</h1>");
        if (query.Trim().Length == 0) html.Append("<p class=\"empty\">Type words to search the articles' text, titles and the names they mention.</p>");
        else if (hits.Count == 0) html.Append($"<p class=\"empty\">No articles match “{E(query)}”.</p>");
        else html.Append($"<p class=\"meta\">{Count(hits.Count, "article")} match “{E(query)}”.</p>");
        html.Append("<ol class=\"hits\">");
        foreach (var hit in hits)
        {
            var story = storyOf(hit.Id);
            html.Append($"<li><a class=\"title\" href=\"/articles/{Uri.EscapeDataString(hit.Id)}\">{E(hit.Title ?? "(untitled) " + hit.Id)}</a>")
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

    /// <summary>An article's text with its places, names and dates marked, and where it comes from.</summary>
    public static string Article(Document d, string? storyId)
    {
        var html = new StringBuilder($"<article class=\"text\"><h1>{E(d.Title ?? "(untitled)")}</h1><p class=\"meta\">{E(d.Outlet ?? "unknown outlet")}, ")
            .Append(E(d.Published?.DateText() ?? "undated")).Append(d.PublishedInferred ? " (inferred)" : "");
        if (Uri.TryCreate(d.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
            html.Append($", <a href=\"{E(url.AbsoluteUri)}\" rel=\"noopener noreferrer\">original</a>");
        if (storyId != null) html.Append($"; story <a class=\"story\" href=\"/stories/{E(storyId)}\">{E(storyId)}</a>");
        html.Append($". Id {E(d.Id)}.</p>");
        html.Append("<p class=\"meta\"><mark class=\"place\">place</mark> <mark class=\"entity\">name</mark> <mark class=\"time\">date or time</mark></p>");
        foreach (var paragraph in Highlighted(d).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            html.Append("<p>").Append(paragraph).Append("</p>");
        return Layout(d.Title ?? d.Id, html.Append("</article>").ToString());
    }

    /// <summary>The text, encoded, with each annotation that does not overlap an earlier one wrapped in a mark.</summary>
    private static string Highlighted(Document d)
    {
        var spans = d.Places.Select(p => (p.Start, p.End, Kind: "place", Title: p.Name is { } n ? n + (p.Country != null ? ", " + p.Country : "") : p.Text))
            .Concat(d.Entities.Select(e => (e.Start, e.End, Kind: "entity", Title: e.Type.Code() + ": " + (e.Canonical ?? e.Text))))
            .Concat(d.Times.Select(t => (t.Start, t.End, Kind: "time", Title: t.Value)))
            .OrderBy(s => s.Start).ThenByDescending(s => s.End);
        var html = new StringBuilder();
        int at = 0;
        foreach (var s in spans)
        {
            if (s.Start < at || s.End > d.Text.Length || s.End <= s.Start) continue;
            html.Append(E(d.Text[at..s.Start])).Append($"<mark class=\"{s.Kind}\" title=\"{E(s.Title)}\">").Append(E(d.Text[s.Start..s.End])).Append("</mark>");
            at = s.End;
        }
        return html.Append(E(d.Text[at..])).ToString();
    }

    public static string NotFound(string what) =>
        Layout("Not found", $"<h1>Not found</h1><p class=\"empty\">{E(what)}</p><p><a href=\"/\">All stories</a></p>");

    /// <summary>The story page's navigation and its events filter (by type and actor).</summary>
    public static ReportView StoryView(string type, string actor) => new(id => "/articles/" + Uri.EscapeDataString(id))
    {
        Css = Css,
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

    private static string Count(int n, string one, string? many = null) => $"{n:N0} {(n == 1 ? one : many ?? one + "s")}";

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
