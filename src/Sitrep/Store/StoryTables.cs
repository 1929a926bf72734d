namespace Sitrep.Store;

/// <summary>
/// What pages read instead of every article: a row per story (<c>stories</c>: its article count,
/// its latest assignment and its first article, kept in the transaction that assigns or replaces an
/// article; the first article's title, the headline until the story is analysed) and the story's analysed picture as it is served (<c>story_pages</c>: the page, the
/// situation JSON and the story list's line, stored for the membership it was analysed for). A
/// story's page is current when its count and latest assignment are the story's and it was
/// rendered by this build; only stories that grew (or lost a replaced article) are analysed again.
/// </summary>
public abstract partial class ArticleStore
{
    private const string StoryTables = """
        CREATE INDEX IF NOT EXISTS readings_story ON readings (story, seq);
        CREATE TABLE IF NOT EXISTS stories (
            story         INTEGER PRIMARY KEY,
            articles      INTEGER NOT NULL,
            last_seq      BIGINT NOT NULL,
            first_article TEXT NOT NULL,
            title         TEXT
        );
        CREATE INDEX IF NOT EXISTS stories_size ON stories (articles DESC, story);
        CREATE TABLE IF NOT EXISTS story_pages (
            story     INTEGER PRIMARY KEY,
            articles  INTEGER NOT NULL,
            last_seq  BIGINT NOT NULL,
            build     TEXT NOT NULL,
            headline  TEXT NOT NULL,
            first_day TEXT,
            last_day  TEXT,
            events    INTEGER NOT NULL,
            outlets   TEXT NOT NULL,
            places    TEXT NOT NULL,
            situation TEXT NOT NULL,
            page      TEXT NOT NULL
        );
        """;

    /// <summary>The stories' rows counted from the readings (of one story, or of all when null): the readings that place an article not replaced since.</summary>
    private static string CountStories(string? story) => $"""
        INSERT INTO stories (story, articles, last_seq, first_article, title)
        SELECT g.story, g.articles, g.last_seq, f.article_id, a.title FROM
            (SELECT story, COUNT(*) AS articles, MIN(seq) AS first_seq, MAX(seq) AS last_seq FROM readings
             WHERE story IS NOT NULL {(story == null ? "" : $"AND story = {story}")} AND article_id NOT IN (SELECT id FROM replaced) GROUP BY story) g
            JOIN readings f ON f.seq = g.first_seq JOIN articles a ON a.id = f.article_id
        """;

    /// <summary>Stories with articles.</summary>
    public long StoryCount => Scalar("SELECT COUNT(*) FROM stories WHERE articles > 0");

    /// <summary>A store made before the story table has one counted from its readings.</summary>
    protected void CountStoriesOnce()
    {
        if (Scalar("SELECT COUNT(*) FROM stories") == 0 && Scalar("SELECT COUNT(*) FROM readings WHERE story IS NOT NULL") > 0) Execute(CountStories(null));
    }

    /// <summary>Counts again the story that held <paramref name="replaced"/> (it has just been replaced by a later version).</summary>
    private void Recount(System.Data.Common.DbTransaction transaction, string replaced)
    {
        using var storyOf = Command(transaction, "SELECT story FROM readings WHERE article_id = @id AND story IS NOT NULL", "id");
        if (Run(storyOf, replaced).ExecuteScalar() is not (null or DBNull) and var story)
        {
            var number = Convert.ToInt32(story);
            using var recount = Command(transaction, $"DELETE FROM stories WHERE story = {number}; {CountStories(number.ToString(System.Globalization.CultureInfo.InvariantCulture))}");
            recount.ExecuteNonQuery();
        }
    }

    /// <summary>The SQL that adds a just-recorded reading to its story's row (unless its article was replaced meanwhile).</summary>
    internal const string JoinStory = """
        INSERT INTO stories (story, articles, last_seq, first_article, title)
        SELECT @story, 1, @seq, @article, @title WHERE NOT EXISTS (SELECT 1 FROM replaced WHERE id = @article)
        ON CONFLICT (story) DO UPDATE SET articles = stories.articles + 1, last_seq = excluded.last_seq
        """;

    /// <summary>
    /// One page of the stories (those with articles), biggest or newest first, with those whose
    /// headline (else first article's title) or places hold <paramref name="filter"/> (ignoring case)
    /// when it is not empty; how many match and how many there are.
    /// </summary>
    public StoryListPage ListStories(string filter, bool newestFirst, int offset, int limit)
    {
        const string from = """
            FROM stories s LEFT JOIN story_pages p ON p.story = s.story
            WHERE s.articles > 0
            """;
        string matching = filter.Length == 0 ? "" :
            @" AND (LOWER(COALESCE(p.headline, s.title, '')) LIKE @filter ESCAPE '\' OR LOWER(COALESCE(p.places, '')) LIKE @filter ESCAPE '\')";
        var pattern = "%" + filter.ToLowerInvariant().Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%";
        using var select = Command(null, $"""
            SELECT s.story, s.articles, COALESCE(p.headline, s.title, s.first_article), p.first_day, p.last_day, p.events, p.outlets, p.places
            {from}{matching}
            ORDER BY {(newestFirst ? "s.story DESC" : "s.articles DESC, s.story")} LIMIT @limit OFFSET @offset
            """, "filter", "limit", "offset");
        var rows = new List<ListedStoryRow>();
        using (var reader = Run(select, pattern, limit, offset).ExecuteReader())
            while (reader.Read())
                rows.Add(new ListedStoryRow(reader.GetInt32(0), reader.GetInt32(1), reader.GetString(2), reader.IsDBNull(5) ? null : new StoryListing(
                    reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetInt32(5),
                    Lines(reader.GetString(6)), Lines(reader.GetString(7)))));
        using var count = Command(null, $"SELECT COUNT(*) {from}{matching}", "filter");
        long matched = Convert.ToInt64(Run(count, pattern).ExecuteScalar());
        long total = filter.Length == 0 ? matched : StoryCount;
        return new StoryListPage(rows, (int)matched, (int)total);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The story's articles (not replaced) in the order they joined, and its revision: how many, and its latest assignment.</summary>
    public StoryMembers? Members(int story)
    {
        using var select = Command(null, "SELECT article_id, seq FROM readings WHERE story = @story AND article_id NOT IN (SELECT id FROM replaced) ORDER BY seq", "story");
        var articles = new List<string>();
        long last = 0;
        using var reader = Run(select, story).ExecuteReader();
        while (reader.Read())
        {
            articles.Add(reader.GetString(0));
            last = reader.GetInt64(1);
        }
        return articles.Count == 0 ? null : new StoryMembers(story, articles, last);
    }

    /// <summary>The articles of these stories (not replaced), each story's in the order they joined.</summary>
    public IReadOnlyDictionary<int, List<string>> ArticlesOf(IReadOnlyCollection<int> stories)
    {
        var articles = stories.Distinct().ToDictionary(s => s, _ => new List<string>());
        foreach (var chunk in articles.Keys.Chunk(BatchSize))
        {
            using var select = Command(null, $"SELECT story, article_id FROM readings WHERE story IN ({string.Join(", ", chunk)}) AND article_id NOT IN (SELECT id FROM replaced) ORDER BY seq");
            using var reader = select.ExecuteReader();
            while (reader.Read()) articles[reader.GetInt32(0)].Add(reader.GetString(1));
        }
        return articles;
    }

    /// <summary>The story an article (its latest version) is in, if it has been read into one.</summary>
    public int? StoryOf(string article)
    {
        using var select = Command(null, "SELECT story FROM readings WHERE article_id = @id AND story IS NOT NULL AND article_id NOT IN (SELECT id FROM replaced)", "id");
        return Run(select, article).ExecuteScalar() is not (null or DBNull) and var story ? Convert.ToInt32(story) : null;
    }

    /// <summary>The stories whose stored page is missing, older than their articles or rendered by another build; biggest first.</summary>
    public IReadOnlyList<int> StalePages(string build)
    {
        using var select = Command(null, """
            SELECT s.story FROM stories s LEFT JOIN story_pages p ON p.story = s.story
            WHERE s.articles > 0 AND (p.story IS NULL OR p.articles <> s.articles OR p.last_seq <> s.last_seq OR p.build <> @build)
            ORDER BY s.articles DESC, s.story
            """, "build");
        var stale = new List<int>();
        using var reader = Run(select, build).ExecuteReader();
        while (reader.Read()) stale.Add(reader.GetInt32(0));
        return stale;
    }

    /// <summary>Whether the story has a stored page of its current articles rendered under <paramref name="build"/>.</summary>
    public bool PageIsCurrent(int story, string build)
    {
        using var select = Command(null, """
            SELECT COUNT(*) FROM story_pages p JOIN stories s ON s.story = p.story
            WHERE p.story = @story AND p.build = @build AND p.articles = s.articles AND p.last_seq = s.last_seq
            """, "story", "build");
        return Convert.ToInt64(Run(select, story, build).ExecuteScalar()) > 0;
    }

    /// <summary>The story's stored page (<paramref name="part"/>: its HTML or its situation JSON) rendered by this build, whether it is current, and how many articles it shows; null when there is none.</summary>
    public StoredPage? Page(int story, string build, PagePart part)
    {
        using var select = Command(null, $"""
            SELECT p.{(part == PagePart.Html ? "page" : "situation")}, p.articles, p.articles = s.articles AND p.last_seq = s.last_seq
            FROM story_pages p JOIN stories s ON s.story = p.story WHERE p.story = @story AND p.build = @build
            """, "story", "build");
        using var reader = Run(select, story, build).ExecuteReader();
        return reader.Read() ? new StoredPage(reader.GetString(0), reader.GetInt32(1), Convert.ToBoolean(reader.GetValue(2))) : null;
    }

    /// <summary>Stores a story's analysed page, unless a page of a later membership is stored already.</summary>
    public void SavePage(AnalysedPage page)
    {
        using var upsert = Command(null, """
            INSERT INTO story_pages (story, articles, last_seq, build, headline, first_day, last_day, events, outlets, places, situation, page)
            VALUES (@story, @articles, @last, @build, @headline, @first, @lastDay, @events, @outlets, @places, @situation, @page)
            ON CONFLICT (story) DO UPDATE SET articles = excluded.articles, last_seq = excluded.last_seq, build = excluded.build,
                headline = excluded.headline, first_day = excluded.first_day, last_day = excluded.last_day, events = excluded.events,
                outlets = excluded.outlets, places = excluded.places, situation = excluded.situation, page = excluded.page
            WHERE excluded.last_seq >= story_pages.last_seq
            """, "story", "articles", "last", "build", "headline", "first", "lastDay", "events", "outlets", "places", "situation", "page");
        var l = page.Listing;
        Run(upsert, page.Members.Story, page.Members.Articles.Count, page.Members.LastSeq, page.Build, page.Headline, l.FirstDay, l.LastDay, l.Events,
            string.Join('\n', l.Outlets), string.Join('\n', l.Places), page.Situation, page.Html).ExecuteNonQuery();
    }
}

/// <summary>Which of a stored page's texts to read.</summary>
public enum PagePart { Html, Situation }

/// <summary>A story's articles in the order they joined; <see cref="LastSeq"/>, the latest assignment, with their count says which membership this is.</summary>
public sealed record StoryMembers(int Story, IReadOnlyList<string> Articles, long LastSeq)
{
    public string Id => $"s{Story + 1}";
}

/// <summary>What the story list shows of an analysed story: its days of publication, events, outlets and located places (most mentioned first).</summary>
public sealed record StoryListing(string? FirstDay, string? LastDay, int Events, IReadOnlyList<string> Outlets, IReadOnlyList<string> Places);

/// <summary>A story in the list: its number, article count, headline (its first article's title until it is analysed) and listing once analysed.</summary>
public sealed record ListedStoryRow(int Number, int Articles, string Headline, StoryListing? Listing)
{
    public string Id => $"s{Number + 1}";
}

/// <summary>One page of the story list, with how many stories match the filter and how many there are.</summary>
public sealed record StoryListPage(IReadOnlyList<ListedStoryRow> Stories, int Matched, int Total);

/// <summary>A stored page's text, how many articles it shows, and whether the story has grown since.</summary>
public sealed record StoredPage(string Text, int Articles, bool Current);

/// <summary>A story's analysis as it is stored: its membership, the build that rendered it, its served page and situation JSON, and the list's line.</summary>
public sealed record AnalysedPage(StoryMembers Members, string Build, string Headline, StoryListing Listing, string Situation, string Html);
