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
/// ingest and workers elsewhere, join them without the others being read again. Pages read the
/// store's story table and stored story pages (<see cref="StoryPages"/>), never every article:
/// only the pages of the stories that grew are analysed again, by a worker or in this server's
/// background (biggest story first, from the start, after each reading and every
/// <see cref="SweepInterval"/>), and a story page asked for meanwhile waits at most
/// <see cref="StalePageWait"/> before it shows the stored page, saying that newer articles are
/// being analysed. Everything a page shows from an article is escaped.
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

    /// <summary>How long a page of a story that grew waits for its analysis before showing the page stored for its earlier articles.</summary>
    public static readonly TimeSpan StalePageWait = TimeSpan.FromMilliseconds(500);

    /// <summary>How often the server looks for stale story pages besides after its own readings (workers elsewhere extend stories too).</summary>
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(10);

    /// <summary>How long a POST waits for its articles to be read into stories before answering 202 (stored, still queued).</summary>
    private static readonly TimeSpan ReadingWait = TimeSpan.FromSeconds(10);

    private const string Policy = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    // Connections of their own, so that no request waits for another kind: pages (under the gate),
    // searches (one connection per searcher), the worker reading queued articles in the background,
    // and the story pages' analyses.
    private readonly ArticleStore store, workerStore, pagesStore;
    private readonly StoryPages storyPages;
    private readonly ConcurrentBag<ArticleStore> searchStores = [];
    private readonly SemaphoreSlim searchers = new(Searchers);
    private readonly TimeSpan searchTimeLimit;
    private readonly Lock gate = new(), passGate = new();
    private readonly CancellationTokenSource closing = new();
    // The analyses this server ran or runs, one per story and membership (its count and latest assignment).
    private readonly ConcurrentDictionary<int, (int Articles, long LastSeq, Lazy<AnalysedStory> Analysis)> pictures = new();
    // Articles this server's worker read, annotated, until their story's picture takes them.
    private readonly ConcurrentDictionary<string, Document> justRead = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim wake = new(0), sweep = new(0);
    private TaskCompletionSource nextPass = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource firstSweep = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task reading, sweeping;

    private readonly string database;

    private StoryServer(string database, int maxStoryArticles, TimeSpan searchTimeLimit)
    {
        (this.database, this.searchTimeLimit) = (database, searchTimeLimit);
        store = ArticleStore.Open(database);
        for (int i = 0; i < Searchers; i++) searchStores.Add(ArticleStore.Open(database));
        workerStore = ArticleStore.Open(database);
        pagesStore = ArticleStore.Open(database);
        storyPages = new StoryPages(pagesStore, maxStoryArticles);
        QueueRead = nextPass.Task;
        reading = Task.Run(ReadQueued);
        sweeping = Task.Run(Sweep);
    }

    /// <summary>Serves the store; a story page analyses at most <paramref name="maxStoryArticles"/> articles, a search runs at most <paramref name="searchTimeLimit"/> (<see cref="SearchTimeLimit"/>).</summary>
    public static StoryServer Open(string database, int maxStoryArticles = MaxStoryArticles, TimeSpan? searchTimeLimit = null) =>
        new(database, maxStoryArticles, searchTimeLimit ?? SearchTimeLimit);

    /// <summary>How many times this server analysed a story's picture (once per story and membership; none for a page stored already).</summary>
    public int PicturesAnalysed => picturesAnalysed;

    private int picturesAnalysed;

    /// <summary>
    /// Done when the articles queued at startup are read into stories. The server answers from the
    /// start (a large queue is read in the background), showing the stories read so far.
    /// </summary>
    public Task QueueRead { get; }

    /// <summary>Done when every story known once the startup queue is read has a current stored page.</summary>
    public Task Analysed => firstSweep.Task;

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
        app.MapGet("/stories/{id}", async (string id, string? type, string? actor) => await StoryPage(id, type ?? "", actor?.Trim() ?? "") is { } page
            ? Html(page)
            : Missing($"There is no story {id}."));
        app.MapGet("/articles/{id}", (string id) => Article(id) is { } article && StoryOf(article.Id) is var story
            ? Html(ServedPages.Article(article, story, AnalysedPicture(story)))
            : Missing($"There is no article {id}."));
        app.MapGet("/search", async (string? q, CancellationToken aborted) => await Search(q ?? "", aborted) is { } hits
            ? Html(ServedPages.Search(q ?? "", hits, StoryOf, Queries(q ?? "").Skip(1).ToList()))
            : Results.Content(ServedPages.SearchStopped(q ?? "", SearchStopped), "text/html; charset=utf-8", Encoding.UTF8, StatusCodes.Status503ServiceUnavailable));
        app.MapGet("/api/stories", (Microsoft.AspNetCore.Http.HttpResponse response, int? offset, int? limit) =>
        {
            if (offset < 0 || limit is < 1 or > MaxPage) return Problem(400, $"offset must be 0 or more and limit from 1 to {MaxPage}");
            StoryListPage page;
            IReadOnlyDictionary<int, List<string>> articles;
            lock (gate)
            {
                page = store.ListStories("", newestFirst: false, offset ?? 0, limit ?? MaxPage);
                articles = store.ArticlesOf([.. page.Stories.Select(s => s.Number)]);
            }
            response.Headers["X-Total-Count"] = page.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Json(page.Stories.Select(s => new { id = s.Id, headline = s.Headline, documents = articles[s.Number] }));
        });
        app.MapGet("/api/stories/{id}", async (string id) => await Situation(id) is { } json ? Results.Text(json, "application/json", Encoding.UTF8) : Problem(404, $"there is no story {id}"));
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

    /// <summary>
    /// Reads the queued articles into stories whenever woken (at startup and after a POST), on the
    /// worker's own connection, so that pages never wait for it; then has the pages of the stories
    /// that grew analysed. Each pass completes the waiters that asked before it began.
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
                long stories = workerStore.StoryCount;
                if (read > 0) sweep.Release();
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

    /// <summary>
    /// Has the stale story pages analysed, biggest story first: once the startup queue is read, after
    /// each reading pass that read articles, and every <see cref="SweepInterval"/>. One story at a
    /// time: each reads its documents on all cores.
    /// </summary>
    private async Task Sweep()
    {
        await QueueRead;
        while (true)
        {
            try
            {
                foreach (var story in storyPages.Stale())
                {
                    closing.Token.ThrowIfCancellationRequested();
                    if (storyPages.Members(story) is not { } members) continue;
                    var analysis = Analysis(members);
                    _ = analysis.Value;
                    // Stored now: pages read it from the store, and only a filtered page needs the picture again.
                    pictures.TryRemove(new KeyValuePair<int, (int, long, Lazy<AnalysedStory>)>(story, (members.Articles.Count, members.LastSeq, analysis)));
                }
                firstSweep.TrySetResult();
            }
            catch (Exception e) when (e is System.Data.Common.DbException or StoreException)
            {
                // The store is out of reach for now; the next sweep tries again.
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                firstSweep.TrySetException(e);
                throw;
            }
            await sweep.WaitAsync(SweepInterval, closing.Token);
        }
    }

    /// <summary>The analysis of this membership of its story, started by whoever asks first; one per story and membership.</summary>
    private Lazy<AnalysedStory> Analysis(StoryMembers members)
    {
        var entry = pictures.AddOrUpdate(members.Story,
            _ => (members.Articles.Count, members.LastSeq, Analyse(members)),
            (_, known) => known.Articles == members.Articles.Count && known.LastSeq == members.LastSeq ? known : (members.Articles.Count, members.LastSeq, Analyse(members)));
        return entry.Analysis;
    }

    private Lazy<AnalysedStory> Analyse(StoryMembers members) => new(() =>
    {
        Interlocked.Increment(ref picturesAnalysed);
        return storyPages.Analyse(members, id => justRead.TryRemove(id, out var read) ? read : null);
    });

    /// <summary>The story's picture when an analysis of it is in memory (a page being made, or a filtered one).</summary>
    private StoryPicture? AnalysedPicture(string? storyId) => storyId != null && Number(storyId) is { } n && pictures.TryGetValue(n, out var entry) && entry.Analysis.IsValueCreated ? entry.Analysis.Value.Picture : null;

    /// <summary>The story's number from its id (s1 is story 0), null for an id no story can have.</summary>
    private static int? Number(string id) =>
        id.Length > 1 && id[0] == 's' && id[1] != '0' && int.TryParse(id.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n - 1 : null;

    private string? StoryOf(string documentId)
    {
        int? story;
        lock (gate) story = store.StoryOf(documentId);
        return story is { } n ? $"s{n + 1}" : null;
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
        AliasQueries.Of(query, pictures.Values.Where(p => p.Analysis.IsValueCreated)
            .SelectMany(p => p.Analysis.Value.Picture.Actors).Select(a => (IReadOnlyList<string>)[a.Name, .. a.Aliases]));

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

    /// <summary>
    /// A story's page: the stored one when it is current (one row read). For a story that grew, its
    /// analysis, waited for at most <see cref="StalePageWait"/> when a page of its earlier articles is
    /// stored (that page is shown then, saying so). A filtered page is rendered from the picture.
    /// </summary>
    private async Task<string?> StoryPage(string id, string type, string actor)
    {
        if (Number(id) is not { } number) return null;
        if (type.Length == 0 && actor.Length == 0) return await Stored(number, PagePart.Html);
        return storyPages.Members(number) is { } story
            ? StoryPages.Render(Analysis(story).Value.Picture, story.Articles.Count, ServedPages.StoryView(type, actor)) : null;
    }

    /// <summary>The story's situation.json: the stored one when current, else its analysis.</summary>
    private async Task<string?> Situation(string id) => Number(id) is { } number ? await Stored(number, PagePart.Situation) : null;

    /// <summary>
    /// The story's page or situation JSON: the stored one when it is current, else its analysis; a
    /// page waits for that at most <see cref="StalePageWait"/> when an older page is stored, and
    /// then shows that, saying newer articles are being analysed. Null when there is no such story.
    /// </summary>
    private async Task<string?> Stored(int number, PagePart part)
    {
        StoredPage? Read()
        {
            lock (gate) return store.Page(number, storyPages.Build, part);
        }
        var stored = Read();
        if (stored is { Current: true }) return stored.Text;
        if (storyPages.Members(number) is not { } members) return null;
        var analysis = Analysis(members);
        // The background analysis may have stored it, and let go of its picture, since the first look.
        if (!analysis.IsValueCreated && storyPages.Current(number) && Read() is { Current: true } now) return now.Text;
        string Text() => part == PagePart.Html ? analysis.Value.Page.Html : analysis.Value.Page.Situation;
        if (stored == null || part == PagePart.Situation) return Text();
        var analysed = Task.Run(Text);
        if (await Task.WhenAny(analysed, Task.Delay(StalePageWait)) == analysed) return await analysed;
        int newer = members.Articles.Count - stored.Articles;
        return StoryPages.WithNote(stored.Text, newer > 0
            ? $"The story has {newer:N0} newer {(newer == 1 ? "article" : "articles")} than this page shows; they are being analysed: reload in a moment."
            : "The story's articles have changed since this page was made; they are being analysed: reload in a moment.");
    }

    /// <summary>The stories whose headline or main places hold the filter, biggest or newest first, from the store's story table.</summary>
    private string StoryList(string filter, string order, int page)
    {
        StoryListPage list;
        lock (gate) list = store.ListStories(filter, order == "new", (page - 1) * ServedPages.PageSize, ServedPages.PageSize);
        return ServedPages.StoryList(list, filter, order, page);
    }

    private static IResult Html(string html) => Results.Content(html, "text/html; charset=utf-8");

    public void Dispose()
    {
        closing.Cancel();
        try { Task.WaitAll(sweeping, reading); }
        catch (AggregateException) { } // cancelled; an analysis that failed fails its request too
        store.Dispose();
        pagesStore.Dispose();
        foreach (var searchStore in searchStores) searchStore.Dispose();
        searchers.Dispose();
        workerStore.Dispose();
        closing.Dispose();
        wake.Dispose();
        sweep.Dispose();
    }
}
