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
/// <c>sitrep serve</c>: the stories of a store on 127.0.0.1 only. Pages (<see cref="ServedPages"/>):
/// the story list (/?filter=&amp;sort=size|new), a story (/stories/ID?type=&amp;actor=, the report's
/// page for that story, its citations leading to the articles), an article (/articles/ID), search
/// (/search?q=), a 404 page. JSON: /api/stories?offset=&amp;limit=, /api/stories/ID (situation.json
/// for that story), /api/search?q=, errors as {"error": ...}. New articles: POST /api/articles
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

    private const string Policy = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    // Connections of their own, so that no request waits for another kind: pages (under the gate),
    // searches (one connection per searcher), and the worker reading queued articles in the background.
    private readonly ArticleStore store, workerStore;
    private readonly ConcurrentBag<ArticleStore> searchStores = [];
    private readonly SemaphoreSlim searchers = new(Searchers);
    private readonly TimeSpan searchTimeLimit;
    private readonly Lock gate = new(), passGate = new();
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

    private readonly string database;

    private StoryServer(string database, int maxStoryArticles, TimeSpan searchTimeLimit)
    {
        (this.database, this.maxStoryArticles, this.searchTimeLimit) = (database, maxStoryArticles, searchTimeLimit);
        store = ArticleStore.Open(database);
        for (int i = 0; i < Searchers; i++) searchStores.Add(ArticleStore.Open(database));
        workerStore = ArticleStore.Open(database);
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
        app.MapGet("/", (string? filter, string? sort, int? page) =>
            Html(StoryList(filter?.Trim() ?? "", ServedPages.Orders.Contains(sort) ? sort! : ServedPages.Orders[0], Math.Max(1, page ?? 1))));
        app.MapGet("/stories/{id}", (string id, string? type, string? actor) => StoredStory(id) is { } stored
            ? Html(StoryPage(stored, type ?? "", actor?.Trim() ?? ""))
            : Missing($"There is no story {id}."));
        app.MapGet("/articles/{id}", (string id) => Article(id) is { } article && StoryOf(article.Id) is var story
            ? Html(ServedPages.Article(article, story, story != null && StoredStory(story) is { } stored ? AnalysedPicture(stored) : null))
            : Missing($"There is no article {id}."));
        app.MapGet("/search", async (string? q, CancellationToken aborted) => await Search(q ?? "", aborted) is { } hits
            ? Html(ServedPages.Search(q ?? "", hits, StoryOf, Queries(q ?? "").Skip(1).ToList()))
            : Results.Content(ServedPages.SearchStopped(q ?? "", SearchStopped), "text/html; charset=utf-8", Encoding.UTF8, StatusCodes.Status503ServiceUnavailable));
        app.MapGet("/api/stories", (Microsoft.AspNetCore.Http.HttpResponse response, int? offset, int? limit) =>
        {
            if (offset < 0 || limit is < 1 or > MaxPage) return Problem(400, $"offset must be 0 or more and limit from 1 to {MaxPage}");
            var stories = Stories;
            response.Headers["X-Total-Count"] = stories.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var page = stories.Skip(offset ?? 0).Take(limit ?? MaxPage).ToList();
            return Results.Json(Titled(page).Select(s => new { id = s.Id, headline = Headline(s), documents = s.Articles }));
        });
        app.MapGet("/api/stories/{id}", (string id) => Story(id) is { } story ? Results.Text(Json(story), "application/json", Encoding.UTF8) : Problem(404, $"there is no story {id}"));
        app.MapGet("/api/search", async (string? q, CancellationToken aborted) => await Search(q ?? "", aborted) is { } hits
            ? Results.Json(hits.Select(h => new { id = h.Id, title = h.Title, snippet = h.Snippet, story = StoryOf(h.Id) }))
            : Problem(503, SearchStopped));
        app.MapPost("/api/articles", AddArticles);
        app.MapGet("/assets/{version}/{name}", (Microsoft.AspNetCore.Http.HttpResponse response, string version, string name) => ServedPages.Asset(response, version, name) ?? Missing($"There is no asset {name}."));
        app.MapFallback((HttpContext context) => context.Request.Path.StartsWithSegments("/api")
            ? Problem(404, $"no such API path: {context.Request.Path}")
            : Missing($"There is no page {context.Request.Path}."));
        return app;
    }

    /// <summary>Stories per page of /api/stories (?offset=&amp;limit=), by default and at most; X-Total-Count says how many there are.</summary>
    private const int MaxPage = 1_000;

    private static IResult Problem(int status, string message) => Results.Json(new { error = message }, statusCode: status);

    private static IResult Missing(string what) => Results.Content(ServedPages.NotFound(what), "text/html; charset=utf-8", Encoding.UTF8, StatusCodes.Status404NotFound);

    /// <summary>A stored article, annotated for the reader (the worker's own reading when it has one).</summary>
    private Document? Article(string id)
    {
        if (justRead.TryGetValue(id, out var read)) return read;
        Document? stored;
        lock (gate) stored = store.Documents([id]).FirstOrDefault();
        if (stored != null) annotation.Value.Process(stored);
        return stored;
    }

    private readonly Lazy<Pipeline> annotation = new(Pipeline.Annotation);

    /// <summary>
    /// Serves until <paramref name="stop"/> is cancelled (Ctrl+C), saying where as soon as it
    /// listens and, while the queue is read, how far it has come.
    /// </summary>
    public async Task RunAsync(int port, Action<string> say, CancellationToken stop)
    {
        await using var app = Build(port);
        await app.StartAsync(stop);
        say($"serving {database} on {string.Join(", ", app.Urls)}");
        lock (passGate)
        {
            progress = say;
            if (unsaid != null) say(unsaid); // a pass that ended before the server listened
        }
        await app.WaitForShutdownAsync(stop);
    }

    /// <summary>Where the reader says how far it has come; none until the server listens, when the last word kept meanwhile is said.</summary>
    private Action<string>? progress;

    private string? unsaid;

    private void Say(string line)
    {
        lock (passGate)
        {
            if (progress != null) progress(line);
            else unsaid = line;
        }
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
        // Made here, not before listening: its models take seconds to load.
        var worker = new StoryWorker(workerStore, $"serve:{Environment.ProcessId}", new ProblemList());
        while (!closing.IsCancellationRequested)
        {
            TaskCompletionSource pass;
            lock (passGate) (pass, nextPass) = (nextPass, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            try
            {
                long queued = workerStore.Queued, said = Environment.TickCount64;
                int read = 0;
                for (var batch = worker.ReadBatch(); batch.Count > 0 && !closing.IsCancellationRequested; batch = worker.ReadBatch())
                {
                    foreach (var document in batch) justRead[document.Id] = document;
                    read += batch.Count;
                    if (Environment.TickCount64 - said < 2_000) continue;
                    Say($"read {read:N0} of {queued:N0} queued articles into stories");
                    said = Environment.TickCount64;
                }
                int stories;
                lock (gate)
                {
                    TakeNewAssignments();
                    stories = index.Stories.Count;
                }
                if (read > 0) Say($"read {read:N0} queued {(read == 1 ? "article" : "articles")} into stories; {stories:N0} {(stories == 1 ? "story" : "stories")} in all");
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
        // Closing before a pass began: its waiters (the pictures at startup, POSTs) must not wait for ever.
        lock (passGate) nextPass.TrySetCanceled();
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
        return entry.Picture.Value;
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
        if (AnalysedPicture(story) is { } picture) return picture.Headline;
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
            return AliasQueries.Hits(Queries(query), each => searchStore.Search(each, cancel: stop.Token));
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

    /// <summary>The query and the same with the other names of any actor it names (<see cref="AliasQueries"/>), from the stories analysed so far.</summary>
    private IReadOnlyList<string> Queries(string query) =>
        AliasQueries.Of(query, pictures.Values.Where(p => p.Picture.IsValueCreated)
            .SelectMany(p => p.Picture.Value.Actors).Select(a => (IReadOnlyList<string>)[a.Name, .. a.Aliases]));

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

    /// <summary>
    /// A story's page; the unfiltered one is rendered once per picture (a story of 1,000 articles
    /// writes 5 MB of HTML in most of a second) and kept until the story grows.
    /// </summary>
    private string StoryPage(StoredStory stored, string type, string actor)
    {
        var picture = Picture(stored);
        if (type.Length > 0 || actor.Length > 0) return Page(picture, stored, ServedPages.StoryView(type, actor));
        if (pages.TryGetValue(stored.Number, out var cached) && ReferenceEquals(cached.Picture, picture)) return cached.Html;
        var html = Page(picture, stored, ServedPages.StoryView("", ""));
        pages[stored.Number] = (picture, html);
        return html;
    }

    private readonly ConcurrentDictionary<int, (StoryPicture Picture, string Html)> pages = new();

    private static string Page(StoryPicture story, StoredStory stored, ReportView view)
    {
        var writer = new StringWriter();
        ReportHtml.Write(new SituationPicture(story.Documents, [story]), writer, view);
        var page = writer.ToString();
        if (stored.Articles.Count <= story.Documents.Count) return page;
        var note = $"<p class=\"note\">This page analyses the latest {story.Documents.Count:N0} of the story's {stored.Articles.Count:N0} articles; " +
                   "<code>sitrep analyze --db</code> analyses them all.</p>";
        int body = page.IndexOf("<body>", StringComparison.Ordinal);
        return body < 0 ? page : page.Insert(body + "<body>".Length, note);
    }

    /// <summary>The stories whose headline or main places hold the filter, biggest or newest first; an analysed picture shows its dates, outlets and places.</summary>
    private string StoryList(string filter, string order, int page)
    {
        var all = Stories;
        // Headlines are looked up for every story only to filter; otherwise for the one page shown.
        var matched = filter.Length == 0 ? all : Titled(all).Where(s => Headline(s).Contains(filter, StringComparison.OrdinalIgnoreCase)
                                                   || AnalysedPicture(s)?.Places.Any(p => p.Name.Contains(filter, StringComparison.OrdinalIgnoreCase)) == true).ToList();
        var ordered = order == "new" ? matched.OrderByDescending(s => s.Number) : matched.OrderByDescending(s => s.Articles.Count).ThenBy(s => s.Number);
        var shown = Titled([.. ordered.Skip((page - 1) * ServedPages.PageSize).Take(ServedPages.PageSize)]);
        return ServedPages.StoryList([.. shown.Select(s => new ListedStory(s, Headline(s), AnalysedPicture(s)))], matched.Count, all.Count, filter, order, page);
    }

    /// <summary>The story's picture when it is analysed for its current articles; the list never waits for one.</summary>
    private StoryPicture? AnalysedPicture(StoredStory story) =>
        pictures.TryGetValue(story.Number, out var known) && known.Members == story.Articles.Count && known.Picture.IsValueCreated ? known.Picture.Value : null;

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
