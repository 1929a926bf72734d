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
/// Other web pages the user visits can neither write nor read: every request must name the bound
/// address as its host (a rebound DNS name is refused), a write must be a same-origin JSON request
/// (which a page elsewhere cannot send without a preflight this server never grants), and pages
/// forbid framing, content sniffing and any script or outside resource.
/// </summary>
public sealed class StoryServer : IDisposable
{
    public const long MaxRequestBytes = 8 << 20;

    /// <summary>By default a story page analyses at most this many of its articles, the latest to join (and says so): a 60,000-article story never rendered; bigger stories are for <c>analyze --db</c>.</summary>
    public const int MaxStoryArticles = 2_000;

    /// <summary>
    /// How long a search may take, its wait for a connection included, before it is stopped and
    /// answered 503: a search a page elsewhere makes the visitor's browser send cannot hold a
    /// connection for longer. A search whose client hangs up is stopped at once.
    /// </summary>
    public static readonly TimeSpan SearchTimeLimit = TimeSpan.FromSeconds(2);

    /// <summary>Searches running at once, each on a connection of its own; others wait (within the time limit) for one to end.</summary>
    private const int Searchers = 2;

    /// <summary>How long a POST waits for its articles to be read into stories before answering 202 (stored, still queued).</summary>
    private static readonly TimeSpan ReadingWait = TimeSpan.FromSeconds(10);

    private const string Policy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    // Connections of their own, so that no request waits for another kind: pages (under the gate),
    // searches (one connection per searcher), and the worker reading queued articles in the background.
    private readonly ArticleStore store, workerStore;
    private readonly ConcurrentBag<ArticleStore> searchStores = [];
    private readonly SemaphoreSlim searchers = new(Searchers);
    private readonly TimeSpan searchTimeLimit;
    private readonly StoryWorker worker;
    private readonly Lock gate = new(), passGate = new(), listGate = new();
    private readonly CancellationTokenSource closing = new();
    private readonly ConcurrentDictionary<int, (int Members, Lazy<StoryPicture> Picture)> pictures = new();
    private readonly StoryIndex index = new();
    // Articles this server's worker read, annotated, until their story's picture takes them.
    private readonly ConcurrentDictionary<string, Document> justRead = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string?> firstTitles = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim wake = new(0);
    private TaskCompletionSource nextPass = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task reading;
    private long refreshedAt;

    private readonly int maxStoryArticles;

    private StoryServer(string database, int maxStoryArticles, TimeSpan searchTimeLimit)
    {
        this.maxStoryArticles = maxStoryArticles;
        this.searchTimeLimit = searchTimeLimit;
        store = ArticleStore.Open(database);
        for (int i = 0; i < Searchers; i++) searchStores.Add(ArticleStore.Open(database));
        workerStore = ArticleStore.Open(database);
        worker = new StoryWorker(workerStore, $"serve:{Environment.ProcessId}", new ProblemList());
        QueueRead = nextPass.Task;
        reading = Task.Run(ReadQueued);
        // One story at a time: each reads its documents on all cores, and pool threads that wait on
        // each other's parallel loops would starve the pool.
        Analysed = Task.Run(async () =>
        {
            await QueueRead;
            foreach (var story in Stories.OrderByDescending(s => s.Articles.Count).ToList())
            {
                closing.Token.ThrowIfCancellationRequested();
                Picture(story);
            }
        }, closing.Token);
    }

    /// <summary>Serves the store; a story page analyses at most <paramref name="maxStoryArticles"/> articles, a search runs at most <paramref name="searchTimeLimit"/> (<see cref="SearchTimeLimit"/>).</summary>
    public static StoryServer Open(string database, int maxStoryArticles = MaxStoryArticles, TimeSpan? searchTimeLimit = null) =>
        new(database, maxStoryArticles, searchTimeLimit ?? SearchTimeLimit);

    /// <summary>How many times a story's picture has been analysed (once per story and membership).</summary>
    public int PicturesAnalysed => picturesAnalysed;

    private int picturesAnalysed;

    /// <summary>
    /// Done when the articles queued at startup are read into stories. The server answers from the
    /// start (a large queue is read in the background), showing the stories read so far.
    /// </summary>
    public Task QueueRead { get; }

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
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy = Policy;
            headers["Referrer-Policy"] = "no-referrer";
            if (!IsBoundAddress(context)) context.Response.StatusCode = StatusCodes.Status421MisdirectedRequest;
            else await next(context);
        });
        app.MapGet("/", () => Results.Bytes(Listed(ref listPage, StoryList), "text/html; charset=utf-8"));
        app.MapGet("/stories/{id}", (string id) => StoredStory(id) is { } stored ? Html(Page(Picture(stored), stored)) : Results.NotFound());
        app.MapGet("/search", async (string? q, CancellationToken aborted) => await Search(q ?? "", aborted) is { } hits
            ? Html(SearchPage(q ?? "", hits))
            : Results.Content(SearchStoppedPage(q ?? ""), "text/html; charset=utf-8", Encoding.UTF8, StatusCodes.Status503ServiceUnavailable));
        app.MapGet("/api/stories", () => Results.Bytes(Listed(ref listJson, StoryListJson), "application/json; charset=utf-8"));
        app.MapGet("/api/stories/{id}", (string id) => Story(id) is { } story ? Results.Text(Json(story), "application/json", Encoding.UTF8) : Results.NotFound());
        app.MapGet("/api/search", async (string? q, CancellationToken aborted) => await Search(q ?? "", aborted) is { } hits
            ? Results.Json(hits.Select(h => new { id = h.Id, title = h.Title, snippet = h.Snippet, story = StoryOf(h.Id) }))
            : Results.Json(new { problems = new[] { SearchStopped } }, statusCode: StatusCodes.Status503ServiceUnavailable));
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

    /// <summary>
    /// Reads the queued articles into stories whenever woken (at startup and after a POST), on the
    /// worker's own connection, so that pages never wait for it; then takes in every assignment
    /// since the last look. Each pass completes the waiters that asked before it began.
    /// </summary>
    private async Task ReadQueued()
    {
        bool failed = false;
        while (!closing.IsCancellationRequested)
        {
            TaskCompletionSource pass;
            lock (passGate) (pass, nextPass) = (nextPass, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            try
            {
                for (var batch = worker.ReadBatch(); batch.Count > 0 && !closing.IsCancellationRequested; batch = worker.ReadBatch())
                    foreach (var document in batch) justRead[document.Id] = document;
                lock (gate) TakeNewAssignments();
                failed = false;
                pass.TrySetResult();
            }
            catch (Exception e) when (e is System.Data.Common.DbException or StoreException)
            {
                // The articles stay queued; the next pass (or a worker elsewhere) reads them.
                failed = true;
                pass.TrySetException(e);
            }
            try
            {
                await wake.WaitAsync(failed ? TimeSpan.FromSeconds(5) : Timeout.InfiniteTimeSpan, closing.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>A pass of the reader that starts after this call.</summary>
    private Task NextReadingPass()
    {
        Task pass;
        lock (passGate) pass = nextPass.Task;
        wake.Release();
        return pass;
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
        bool known = entry.Picture.IsValueCreated;
        var picture = entry.Picture.Value;
        // A new picture's headline replaces the first article's title in the story list.
        if (!known) Interlocked.Increment(ref headlinesChanged);
        return picture;
    }

    private Lazy<StoryPicture> Analysis(StoredStory story) => new(() =>
    {
        IReadOnlyList<Document> members;
        var analysed = story.Articles.Count > maxStoryArticles ? story.Articles.Skip(story.Articles.Count - maxStoryArticles).ToList() : story.Articles;
        lock (gate) members = [.. store.Documents(analysed).Select(d => justRead.TryRemove(d.Id, out var read) ? read : d)];
        Interlocked.Increment(ref picturesAnalysed);
        Pipeline.ReadForStories(members);
        return SituationBuilder.Story(story.Id, members);
    });

    private StoredStory? StoredStory(string id) => Stories.FirstOrDefault(s => s.Id == id);

    private StoryPicture? Story(string id) => StoredStory(id) is { } story ? Picture(story) : null;

    /// <summary>The picture's headline once analysed; until then the title of the story's first article.</summary>
    private string Headline(StoredStory story)
    {
        if (pictures.TryGetValue(story.Number, out var known) && known.Members == story.Articles.Count && known.Picture.IsValueCreated)
            return known.Picture.Value.Headline;
        return firstTitles.TryGetValue(story.Articles[0], out var title) ? title ?? story.Articles[0] : story.Articles[0];
    }

    /// <summary>
    /// The stories, with the titles of their first articles not known yet looked up in one query (a
    /// story's first article never changes): a list of thousands of stories asked one query per
    /// story, each under the gate, while the queue was read.
    /// </summary>
    private IReadOnlyList<StoredStory> Titled(IReadOnlyList<StoredStory> stories)
    {
        var unknown = stories.Select(s => s.Articles[0]).Where(id => !firstTitles.ContainsKey(id)).ToList();
        if (unknown.Count == 0) return stories;
        IReadOnlyDictionary<string, string?> titles;
        lock (gate) titles = store.Titles(unknown);
        foreach (var (id, title) in titles) firstTitles[id] = title;
        return stories;
    }

    private string? StoryOf(string documentId)
    {
        lock (gate) return index.StoryOf(documentId)?.Id;
    }

    private string SearchStopped => $"the search took longer than {searchTimeLimit.TotalSeconds:0.#} s and was stopped; fewer or rarer words find sooner";

    /// <summary>
    /// The hits, or null when the search was stopped: it (with its wait for a searcher) took longer
    /// than the time limit, or its client hung up. The engine stops the query where it is, so a
    /// hostile search holds one searcher for at most the limit and never holds the pages' gate.
    /// </summary>
    private async Task<IReadOnlyList<SearchHit>?> Search(string query, CancellationToken aborted)
    {
        using var limit = new CancellationTokenSource(searchTimeLimit);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(aborted, closing.Token, limit.Token);
        try
        {
            await searchers.WaitAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        if (!searchStores.TryTake(out var searchStore)) throw new InvalidOperationException("a searcher without a connection");
        try
        {
            return searchStore.Search(query, cancel: stop.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        finally
        {
            searchStores.Add(searchStore);
            searchers.Release();
        }
    }

    /// <summary>A rendered story list and what it was rendered from: the stories and how many headlines had changed.</summary>
    private sealed record RenderedList(IReadOnlyList<StoredStory> Stories, int Headlines, byte[] Body);

    private RenderedList? listPage, listJson;
    private int headlinesChanged;

    /// <summary>
    /// The story list (page or JSON), rendered again only when a story grew or a picture's headline
    /// came: rendering thousands of stories for each of twenty readers kept the list over a second.
    /// One request renders while the others wait for it.
    /// </summary>
    private byte[] Listed(ref RenderedList? cache, Func<IReadOnlyList<StoredStory>, string> render)
    {
        var stories = Stories;
        int headlines = Volatile.Read(ref headlinesChanged);
        if (Volatile.Read(ref cache) is { } known && ReferenceEquals(known.Stories, stories) && known.Headlines == headlines) return known.Body;
        lock (listGate)
        {
            if (Volatile.Read(ref cache) is { } rendered && ReferenceEquals(rendered.Stories, stories) && rendered.Headlines == headlines) return rendered.Body;
            var body = Encoding.UTF8.GetBytes(render(stories));
            Volatile.Write(ref cache, new RenderedList(stories, headlines, body));
            return body;
        }
    }

    private string StoryListJson(IReadOnlyList<StoredStory> stories) =>
        JsonSerializer.Serialize(Titled(stories).Select(s => new { id = s.Id, headline = Headline(s), documents = s.Articles }), JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>The request names this server as 127.0.0.1 or localhost on its own port: a page elsewhere whose DNS name now points here does not.</summary>
    private static bool IsBoundAddress(HttpContext context)
    {
        var host = context.Request.Host;
        return host.Host is "127.0.0.1" or "localhost" && (host.Port ?? 80) == context.Connection.LocalPort;
    }

    /// <summary>
    /// A write a browser sends only from this server's own pages: JSON (a cross-site page cannot
    /// send it without a preflight, which is never granted) with no Origin or this server's.
    /// </summary>
    private static IResult? RefusedWrite(HttpRequest request)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim();
        if (!string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase) && !string.Equals(mediaType, "application/x-ndjson", StringComparison.OrdinalIgnoreCase))
            return Results.Json(new { problems = new[] { "send JSON Lines as application/x-ndjson or application/json" } }, statusCode: StatusCodes.Status415UnsupportedMediaType);
        var origin = request.Headers.Origin;
        if (origin.Count > 0 && (origin.Count > 1 || origin[0] != $"http://{request.Host.Value}"))
            return Results.Json(new { problems = new[] { "writes are taken only from this server's own pages" } }, statusCode: StatusCodes.Status403Forbidden);
        return null;
    }

    private async Task<IResult> AddArticles(HttpRequest request)
    {
        if (RefusedWrite(request) is { } refused) return refused;
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        var problems = new ProblemList();
        var documents = new ArticleSource(problems).ReadFile(new InputFile("request.jsonl", () => new MemoryStream(body.ToArray()))).ToList();
        var extraction = Pipeline.Extraction();
        documents.ForEach(extraction.Process);
        int added;
        lock (gate) added = store.Add(documents, problems);
        var reported = problems.Items.Select(p => p.ToString());
        if (added > 0)
        {
            var pass = NextReadingPass();
            if (await Task.WhenAny(pass, Task.Delay(ReadingWait)) != pass || pass.IsFaulted)
                return Results.Json(new { added, queued = true, problems = reported }, statusCode: StatusCodes.Status202Accepted);
        }
        return Results.Json(new { added, problems = reported }, statusCode: problems.Items.Count > 0 && added == 0 ? 400 : 200);
    }

    private static string Json(StoryPicture story)
    {
        using var buffer = new MemoryStream();
        SituationJson.Write(new SituationPicture(story.Documents, [story]), buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Page(StoryPicture story, StoredStory stored)
    {
        var writer = new StringWriter();
        ReportHtml.Write(new SituationPicture(story.Documents, [story]), writer);
        var page = writer.ToString();
        if (stored.Articles.Count <= story.Documents.Count) return page;
        var note = $"<p class=\"note\">This page analyses the latest {story.Documents.Count:N0} of the story's {stored.Articles.Count:N0} articles; " +
                   "<code>sitrep analyze --db</code> analyses them all.</p>";
        int body = page.IndexOf("<body>", StringComparison.Ordinal);
        return body < 0 ? page : page.Insert(body + "<body>".Length, note);
    }

    private string StoryList(IReadOnlyList<StoredStory> stories)
    {
        var html = new StringBuilder(Header("Stories"));
        html.Append("<form action=\"/search\"><input name=\"q\" aria-label=\"Search articles\"><button>Search</button></form><ol class=\"stories\">");
        foreach (var s in Titled(stories))
            html.Append($"<li><a href=\"/stories/{Encode(s.Id)}\">{Encode(Headline(s))}</a> <span class=\"count\">{s.Articles.Count} articles</span></li>");
        return html.Append("</ol></body></html>").ToString();
    }

    private static string SearchForm(string query) =>
        $"<form action=\"/search\"><input name=\"q\" value=\"{Encode(query)}\" aria-label=\"Search articles\"><button>Search</button></form>";

    private string SearchStoppedPage(string query) =>
        $"{Header($"Search: {query}")}{SearchForm(query)}<p class=\"note\">{Encode(SearchStopped)}.</p></body></html>";

    private string SearchPage(string query, IReadOnlyList<SearchHit> hits)
    {
        var html = new StringBuilder(Header($"Search: {query}"));
        html.Append(SearchForm(query)).Append("<ol class=\"hits\">");
        foreach (var hit in hits)
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
        try { Task.WaitAll(Analysed, reading); }
        catch (AggregateException) { } // cancelled; an analysis that failed fails its request too
        store.Dispose();
        foreach (var searchStore in searchStores) searchStore.Dispose();
        searchers.Dispose();
        workerStore.Dispose();
        closing.Dispose();
        wake.Dispose();
    }
}
