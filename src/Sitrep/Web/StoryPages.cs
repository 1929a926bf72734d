using System.Diagnostics;
using System.Text;
using Sitrep.Composition;
using Sitrep.Report;
using Sitrep.Situation;
using Sitrep.Store;

namespace Sitrep.Web;

/// <summary>
/// A store's story pages, analysed when a story changes and stored (<see cref="ArticleStore.SavePage"/>),
/// so that serving a story reads one row: <c>sitrep worker</c> brings the pages of the stories it
/// extended up to date whenever its queue runs empty, and <c>sitrep serve</c> those of the stories
/// its own reader extended, and any it finds stale. A page is analysed for one membership of its
/// story (at most the latest <see cref="StoryServer.MaxStoryArticles"/> articles) and rendered by
/// one build under one cap; another membership, build or cap makes it stale.
/// </summary>
public sealed class StoryPages(ArticleStore store, int maxStoryArticles = StoryServer.MaxStoryArticles)
{
    /// <summary>
    /// The mark on the pages these analyses render: this build's and the cap on a page's articles. A
    /// page rendered by another build (another layout, other models) or under another cap is analysed again.
    /// </summary>
    public string Build { get; } = $"{typeof(StoryPages).Assembly.ManifestModule.ModuleVersionId:N}/{maxStoryArticles}";

    // The store's connection serves one command at a time; analyses run outside it.
    private readonly Lock gate = new();

    /// <summary>The story's articles as they are now; null when there is no such story.</summary>
    public StoryMembers? Members(int story)
    {
        lock (gate) return store.Members(story);
    }

    /// <summary>Whether the story's stored page is current.</summary>
    public bool Current(int story)
    {
        lock (gate) return store.PageIsCurrent(story, Build);
    }

    /// <summary>The stories whose stored pages are stale, biggest first.</summary>
    public IReadOnlyList<int> Stale()
    {
        lock (gate) return store.StalePages(Build);
    }

    /// <summary>
    /// Analyses the story's membership, renders its page and stores both; <paramref name="annotated"/>
    /// gives the articles a reader has annotated already (others are read again from their text).
    /// </summary>
    public AnalysedStory Analyse(StoryMembers members, Func<string, Document?>? annotated = null)
    {
        var clock = Stopwatch.StartNew();
        var analysed = members.Articles.Count > maxStoryArticles ? members.Articles.Skip(members.Articles.Count - maxStoryArticles).ToList() : members.Articles;
        IReadOnlyList<Document> documents;
        lock (gate) documents = store.Documents(analysed);
        documents = [.. documents.Select(d => annotated?.Invoke(d.Id) ?? d)];
        var read = clock.Elapsed;
        Pipeline.ReadForStories(documents);
        var annotating = clock.Elapsed;
        var picture = SituationBuilder.Story(members.Id, documents);
        var analysing = clock.Elapsed;
        var page = new AnalysedPage(members, Build, picture.Headline, Listing(picture), Json(picture), Render(picture, members.Articles.Count, ServedPages.StoryView("", "")));
        var rendering = clock.Elapsed;
        lock (gate) store.SavePage(page);
        return new AnalysedStory(picture, page, new PageTimings(read, annotating - read, analysing - annotating, rendering - analysing, clock.Elapsed - rendering));
    }

    /// <summary>Analyses every stale page, biggest story first, until <paramref name="stop"/>; returns how many.</summary>
    public int UpdateStale(CancellationToken stop)
    {
        int updated = 0;
        foreach (var story in Stale())
        {
            if (stop.IsCancellationRequested) break;
            // Another worker may have stored it meanwhile.
            if (Members(story) is not { } members || Current(story)) continue;
            Analyse(members);
            updated++;
        }
        return updated;
    }

    /// <summary>The story's page in <paramref name="view"/>; one that analyses only the latest of the story's <paramref name="articles"/> says so.</summary>
    public static string Render(StoryPicture picture, int articles, ReportView view)
    {
        var writer = new StringWriter();
        ReportHtml.Write(new SituationPicture(picture.Documents, [picture]), writer, view);
        var page = writer.ToString();
        return articles <= picture.Documents.Count ? page : WithNote(page,
            $"This page analyses the latest {picture.Documents.Count:N0} of the story's {articles:N0} articles; <code>sitrep analyze --db</code> analyses them all.");
    }

    /// <summary>The page with a note (HTML) at the top of its body.</summary>
    public static string WithNote(string page, string note)
    {
        int body = page.IndexOf("<body>", StringComparison.Ordinal);
        return body < 0 ? page : page.Insert(body + "<body>".Length, $"<p class=\"note\">{note}</p>");
    }

    /// <summary>The story's situation.json.</summary>
    public static string Json(StoryPicture picture)
    {
        using var buffer = new MemoryStream();
        SituationJson.Write(new SituationPicture(picture.Documents, [picture]), buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The list's line of an analysed story: first and last day of publication, events, outlets, located places by mentions.</summary>
    private static StoryListing Listing(StoryPicture p)
    {
        var days = p.Documents.Select(d => d.Published).OfType<PartialDate>().Select(d => d.DateText()).Order(StringComparer.Ordinal).ToList();
        return new StoryListing(days.FirstOrDefault(), days.LastOrDefault(), p.Events.Count,
            [.. p.Documents.Select(d => d.Outlet).OfType<string>().Distinct()],
            [.. p.Places.Where(pl => pl.Point != null).OrderByDescending(pl => pl.Mentions).Select(pl => pl.Name).Distinct()]);
    }
}

/// <summary>A story analysed: its picture, the page stored for it, and where the time went.</summary>
public sealed record AnalysedStory(StoryPicture Picture, AnalysedPage Page, PageTimings Timings);

/// <summary>The parts of a story page's analysis: reading its articles from the store, annotating them, analysing the story, rendering, storing.</summary>
public sealed record PageTimings(TimeSpan Read, TimeSpan Annotate, TimeSpan Analyse, TimeSpan Render, TimeSpan Store);
