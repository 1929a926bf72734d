using Sitrep.Composition;
using System.Collections.Concurrent;
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
/// <c>sitrep serve</c>: the stories of a store on 127.0.0.1 only. Pages: the story list (/), a story
/// (/stories/ID, the report's page for that story), search (/search?q=). JSON: /api/stories,
/// /api/stories/ID (situation.json for that story), /api/search?q=. New articles: POST /api/articles
/// with JSON Lines (the ingest format), at most <see cref="MaxRequestBytes"/>.
/// The stories are the store's own (<see cref="StoryWorker"/>): new articles, posted or stored by
/// ingest and workers elsewhere, join them without the others being read again, and only the
/// pictures of the stories that grew are analysed again, when next asked for. Pictures are analysed
/// in the background from the start, biggest story first. Everything a page shows from an article is escaped.
/// </summary>
public sealed class StoryServer : IDisposable
{
    public const long MaxRequestBytes = 8 << 20;

    private readonly ArticleStore store;
    private readonly StoryWorker worker;
    // One connection serves every request, so they take turns with it.
    private readonly Lock gate = new();
    private readonly CancellationTokenSource closing = new();
    private readonly ConcurrentDictionary<int, (int Members, Lazy<StoryPicture> Picture)> pictures = new();
    private readonly StoryIndex index = new();
    // Articles this server's worker read, annotated, until their story's picture takes them.
    private readonly ConcurrentDictionary<string, Document> justRead = new(StringComparer.Ordinal);
    private long refreshedAt;

    private StoryServer(ArticleStore store)
    {
        this.store = store;
        worker = new StoryWorker(store, $"serve:{Environment.ProcessId}", new ProblemList());
        ReadQueued();
        var biggestFirst = Stories.OrderByDescending(s => s.Articles.Count).ToList();
        // One story at a time: each reads its documents on all cores, and pool threads that wait on
        // each other's parallel loops would starve the pool.
        Analysed = Task.Run(() =>
        {
            foreach (var story in biggestFirst)
            {
                closing.Token.ThrowIfCancellationRequested();
                Picture(story);
            }
        }, closing.Token);
    }

    public static StoryServer Open(string database) => new(ArticleStore.Open(database));

    /// <summary>How many times a story's picture has been analysed (once per story and membership).</summary>
    public int PicturesAnalysed => picturesAnalysed;

    private int picturesAnalysed;

    /// <summary>Done when every story known at startup has its picture.</summary>
    public Task Analysed { get; }

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
        app.MapGet("/api/stories", () => Results.Json(Stories.Select(s => new { id = s.Id, headline = Headline(s), documents = s.Articles })));
        app.MapGet("/api/stories/{id}", (string id) => Story(id) is { } story ? Results.Text(Json(story), "application/json", Encoding.UTF8) : Results.NotFound());
        app.MapGet("/api/search", (string? q) => Results.Json(Search(q ?? "").Select(h => new { id = h.Id, title = h.Title, snippet = h.Snippet, story = StoryOf(h.Id) })));
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

    /// <summary>The store's stories, looked up again at most once a second: workers elsewhere may have added to them.</summary>
    private IReadOnlyList<StoredStory> Stories
    {
        get
        {
            lock (gate)
            {
                if (Environment.TickCount64 - refreshedAt > 1_000) TakeNewAssignments();
                return index.Stories;
            }
        }
    }

    /// <summary>Reads the queued articles into stories and takes in every assignment since the last look.</summary>
    private void ReadQueued()
    {
        lock (gate)
        {
            for (var batch = worker.ReadBatch(); batch.Count > 0; batch = worker.ReadBatch())
                foreach (var document in batch) justRead[document.Id] = document;
            TakeNewAssignments();
        }
    }

    private void TakeNewAssignments()
    {
        index.Add(store.Assignments(index.UpTo));
        refreshedAt = Environment.TickCount64;
    }

    /// <summary>The story's picture, analysed once for each membership it has had.</summary>
    private StoryPicture Picture(StoredStory story)
    {
        var entry = pictures.AddOrUpdate(story.Number,
            _ => (story.Articles.Count, Analysis(story)),
            (_, known) => known.Members == story.Articles.Count ? known : (story.Articles.Count, Analysis(story)));
        return entry.Picture.Value;
    }

    private Lazy<StoryPicture> Analysis(StoredStory story) => new(() =>
    {
        IReadOnlyList<Document> members;
        lock (gate) members = [.. store.Documents(story.Articles).Select(d => justRead.TryRemove(d.Id, out var read) ? read : d)];
        Interlocked.Increment(ref picturesAnalysed);
        Pipeline.ReadForStories(members);
        return SituationBuilder.Story(story.Id, members);
    });

    private StoryPicture? Story(string id) => Stories.FirstOrDefault(s => s.Id == id) is { } story ? Picture(story) : null;

    /// <summary>The picture's headline once analysed; until then the title of the story's first article.</summary>
    private string Headline(StoredStory story)
    {
        if (pictures.TryGetValue(story.Number, out var known) && known.Members == story.Articles.Count && known.Picture.IsValueCreated)
            return known.Picture.Value.Headline;
        lock (gate) return store.Documents([story.Articles[0]]).FirstOrDefault()?.Title ?? story.Articles[0];
    }

    private string? StoryOf(string documentId)
    {
        lock (gate) return index.StoryOf(documentId)?.Id;
    }

    private IReadOnlyList<SearchHit> Search(string query)
    {
        lock (gate) return store.Search(query);
    }

    private async Task<IResult> AddArticles(HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        var problems = new ProblemList();
        var documents = new ArticleSource(problems).ReadFile(new InputFile("request.jsonl", () => new MemoryStream(body.ToArray()))).ToList();
        var extraction = Pipeline.Extraction();
        documents.ForEach(extraction.Process);
        int added;
        lock (gate) added = store.Add(documents, problems);
        if (added > 0) ReadQueued();
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
        foreach (var s in Stories)
            html.Append($"<li><a href=\"/stories/{Encode(s.Id)}\">{Encode(Headline(s))}</a> <span class=\"count\">{s.Articles.Count} articles</span></li>");
        return html.Append("</ol></body></html>").ToString();
    }

    private string SearchPage(string query)
    {
        var html = new StringBuilder(Header($"Search: {query}"));
        html.Append($"<form action=\"/search\"><input name=\"q\" value=\"{Encode(query)}\" aria-label=\"Search articles\"><button>Search</button></form><ol class=\"hits\">");
        foreach (var hit in Search(query))
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

    public void Dispose()
    {
        closing.Cancel();
        try { Analysed.Wait(); }
        catch (AggregateException) { } // cancelled; an analysis that failed fails its request too
        store.Dispose();
        closing.Dispose();
    }
}
