using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sitrep.Ingest;
using Sitrep.Report;
using Sitrep.Situation;
using Sitrep.Store;

namespace Sitrep.Web;

/// <summary>
/// <c>sitrep serve</c>: the situation picture of a store's articles on 127.0.0.1 only. Pages: the
/// story list (/), a story (/stories/ID, the report's page for that story), search (/search?q=).
/// JSON: /api/stories, /api/stories/ID (situation.json for that story), /api/search?q=. New articles:
/// POST /api/articles with JSON Lines (the ingest format), at most <see cref="MaxRequestBytes"/>;
/// the picture is rebuilt after each addition. Everything a page shows from an article is escaped.
/// </summary>
public sealed class StoryServer : IDisposable
{
    public const long MaxRequestBytes = 8 << 20;

    private readonly ArticleStore store;
    private readonly Lock gate = new();
    private SituationPicture picture;

    private StoryServer(ArticleStore store)
    {
        this.store = store;
        picture = SituationBuilder.Analyze(store.Documents());
    }

    public static StoryServer Open(string database) => new(ArticleStore.Open(database));

    /// <summary>The web application on 127.0.0.1:<paramref name="port"/> (0 picks a free port).</summary>
    public WebApplication Build(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            kestrel.Limits.MaxRequestBodySize = MaxRequestBytes;
        });
        var app = builder.Build();
        app.MapGet("/", () => Html(StoryList()));
        app.MapGet("/stories/{id}", (string id) => Story(id) is { } story ? Html(Page(story)) : Results.NotFound());
        app.MapGet("/search", (string? q) => Html(SearchPage(q ?? "")));
        app.MapGet("/api/stories", () => Results.Json(Current.Stories.Select(s => new { id = s.Id, headline = s.Headline, documents = s.Documents.Select(d => d.Id) })));
        app.MapGet("/api/stories/{id}", (string id) => Story(id) is { } story ? Results.Text(Json(story), "application/json", Encoding.UTF8) : Results.NotFound());
        app.MapGet("/api/search", (string? q) => Results.Json(store.Search(q ?? "").Select(h => new { id = h.Id, title = h.Title, snippet = h.Snippet, story = StoryOf(h.Id) })));
        app.MapPost("/api/articles", AddArticles);
        return app;
    }

    /// <summary>Serves until <paramref name="stop"/> is cancelled (Ctrl+C), saying where once listening.</summary>
    public async Task RunAsync(int port, Action<string> listening, CancellationToken stop)
    {
        await using var app = Build(port);
        await app.StartAsync(stop);
        listening(string.Join(", ", app.Urls));
        await app.WaitForShutdownAsync(stop);
    }

    private SituationPicture Current
    {
        get { lock (gate) return picture; }
    }

    private StoryPicture? Story(string id) => Current.Stories.FirstOrDefault(s => s.Id == id);

    private string? StoryOf(string documentId) => Current.Stories.FirstOrDefault(s => s.Documents.Any(d => d.Id == documentId))?.Id;

    private async Task<IResult> AddArticles(HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        var problems = new ProblemList();
        var documents = new ArticleSource(problems).ReadFile(new InputFile("request.jsonl", () => new MemoryStream(body.ToArray()))).ToList();
        var extraction = Pipeline.Extraction();
        documents.ForEach(extraction.Process);
        int added;
        lock (gate)
        {
            added = store.Add(documents, problems);
            if (added > 0) picture = SituationBuilder.Analyze(store.Documents());
        }
        return Results.Json(new { added, problems = problems.Items.Select(p => p.ToString()) }, statusCode: problems.Items.Count > 0 && added == 0 ? 400 : 200);
    }

    private static string Json(StoryPicture story)
    {
        using var buffer = new MemoryStream();
        SituationJson.Write(new SituationPicture(story.Documents, [story]), buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Page(StoryPicture story)
    {
        var writer = new StringWriter();
        ReportHtml.Write(new SituationPicture(story.Documents, [story]), writer);
        return writer.ToString();
    }

    private string StoryList()
    {
        var html = new StringBuilder(Header("Stories"));
        html.Append("<form action=\"/search\"><input name=\"q\" aria-label=\"Search articles\"><button>Search</button></form><ol class=\"stories\">");
        foreach (var s in Current.Stories)
            html.Append($"<li><a href=\"/stories/{Encode(s.Id)}\">{Encode(s.Headline)}</a> <span class=\"count\">{s.Documents.Count} articles</span></li>");
        return html.Append("</ol></body></html>").ToString();
    }

    private string SearchPage(string query)
    {
        var html = new StringBuilder(Header($"Search: {query}"));
        html.Append($"<form action=\"/search\"><input name=\"q\" value=\"{Encode(query)}\" aria-label=\"Search articles\"><button>Search</button></form><ol class=\"hits\">");
        foreach (var hit in store.Search(query))
        {
            var story = StoryOf(hit.Id);
            var title = Encode(hit.Title ?? hit.Id);
            html.Append("<li>").Append(story == null ? title : $"<a href=\"/stories/{Encode(story)}\">{title}</a>")
                .Append($"<p>{Encode(hit.Snippet)}</p></li>");
        }
        return html.Append("</ol></body></html>").ToString();
    }

    private static string Header(string title) =>
        $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{Encode(title)} · Sitrep</title></head><body><h1>{Encode(title)}</h1>";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static IResult Html(string html) => Results.Content(html, "text/html; charset=utf-8");

    public void Dispose() => store.Dispose();
}
