using Sitrep.Cli;
using Sitrep.Store;
using Sitrep.Web;

namespace Sitrep.Tests.Store;

/// <summary>
/// The store's story table and stored story pages, on both kinds of store: the list pages through
/// every story once, the table agrees with the readings when articles join and are replaced, and
/// only the stories that changed have stale pages.
/// </summary>
public sealed class StoryTableTests : StoreTest
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>Each story's id and article count as the readings give them.</summary>
    private static Dictionary<string, int> Counted(ArticleStore store) => store.Stories().ToDictionary(s => s.Id, s => s.Articles.Count);

    private static List<ListedStoryRow> EveryPage(ArticleStore store, bool newestFirst, int size, string filter = "")
    {
        var listed = new List<ListedStoryRow>();
        for (int offset = 0; ; offset += size)
        {
            var page = store.ListStories(filter, newestFirst, offset, size);
            if (page.Stories.Count == 0) return listed;
            page.Stories.Count.ShouldBeLessThanOrEqualTo(size);
            listed.AddRange(page.Stories);
        }
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Paging_the_story_list_returns_every_story_once_in_order(string kind)
    {
        var database = NewStore(kind);
        IngestRun.Run([Fixture("el-fasher"), Fixture("kharkiv"), Fixture("cabo-delgado")], database);
        using var store = ArticleStore.Open(database);
        new StoryWorker(store, "w", new ProblemList()).RunUntilEmpty();
        var counted = Counted(store);
        counted.Count.ShouldBeGreaterThan(4);

        var biggest = EveryPage(store, newestFirst: false, size: 2);
        biggest.Select(s => s.Id).ShouldBe(counted.Keys, ignoreOrder: true);
        biggest.ToDictionary(s => s.Id, s => s.Articles).ShouldBe(counted, ignoreOrder: true);
        biggest.Select(s => s.Articles).ShouldBeInOrder(SortDirection.Descending);
        var newest = EveryPage(store, newestFirst: true, size: 3);
        newest.Select(s => s.Number).ShouldBe(counted.Keys.Select(id => int.Parse(id[1..]) - 1).OrderDescending());

        var page = store.ListStories("", newestFirst: false, offset: 0, limit: 2);
        (page.Matched, page.Total).ShouldBe((counted.Count, counted.Count));
    }

    [Theory, MemberData(nameof(Kinds))]
    public void The_list_filter_finds_a_story_by_the_title_of_its_first_article_ignoring_case(string kind)
    {
        var database = NewStore(kind);
        IngestRun.Run([Fixture("kharkiv")], database);
        using var store = ArticleStore.Open(database);
        new StoryWorker(store, "w", new ProblemList()).RunUntilEmpty();
        var kenya = store.Stories().Single(s => s.Articles.Contains("lakeside-herald"));
        var title = store.Documents([kenya.Articles[0]]).Single().Title!;
        var word = title.Split(' ').OrderByDescending(w => w.Length).First();

        var found = store.ListStories(word.ToUpperInvariant(), newestFirst: false, 0, 10);

        found.Stories.Select(s => s.Id).ShouldContain(kenya.Id);
        found.Total.ShouldBe(store.Stories().Count);
        store.ListStories("100%_", newestFirst: false, 0, 10).Stories.ShouldBeEmpty();
    }

    [Theory, MemberData(nameof(Kinds))]
    public void A_finished_file_leaves_its_story_when_stored_and_joins_one_when_read(string kind)
    {
        var database = NewStore(kind);
        var folder = Path.Combine(Folder, "desk");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(Fixture("kharkiv"), "*.txt")) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        IngestRun.Run([folder], database);
        using var store = ArticleStore.Open(database);
        new StoryWorker(store, "w", new ProblemList()).RunUntilEmpty();

        File.AppendAllText(Path.Combine(folder, "east-ledger.txt"), "\n\nRescuers were still searching the rubble of the school on Tuesday evening, the regional governor said.\n");
        IngestRun.Run([folder], database);

        var listed = EveryPage(store, newestFirst: false, size: 10).ToDictionary(s => s.Id, s => s.Articles);
        listed.ShouldBe(Counted(store).Where(s => s.Value > 0).ToDictionary(), ignoreOrder: true);
        store.Stories().SelectMany(s => s.Articles).ShouldNotContain("east-ledger");
        new StoryWorker(store, "w", new ProblemList()).RunUntilEmpty().ShouldBe(1);
        EveryPage(store, newestFirst: false, size: 10).ToDictionary(s => s.Id, s => s.Articles).ShouldBe(Counted(store), ignoreOrder: true);
        store.StoryOf("east-ledger#2").ShouldNotBeNull();
        store.StoryOf("east-ledger").ShouldBeNull();
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Only_the_stories_that_grew_have_stale_pages_and_a_worker_brings_them_up_to_date(string kind)
    {
        var database = NewStore(kind);
        var early = Path.Combine(Folder, "early");
        Directory.CreateDirectory(early);
        foreach (var file in Directory.GetFiles(Fixture("kharkiv"), "*.txt").Where(f => !f.EndsWith("steppe-post.txt")))
            File.Copy(file, Path.Combine(early, Path.GetFileName(file)));
        IngestRun.Run([early], database);
        WorkerRun.Run(database, "w", batchSize: 8, untilEmpty: true, TimeSpan.FromSeconds(1), CancellationToken.None).ShouldBe(0);
        using var store = ArticleStore.Open(database);
        store.StalePages(new StoryPages(store).Build).ShouldBeEmpty();
        var kenya = store.StoryOf("lakeside-herald")!.Value;
        var kenyaPage = store.Page(kenya, new StoryPages(store).Build, PagePart.Html)!;
        kenyaPage.Current.ShouldBeTrue();

        IngestRun.Run([Fixture("kharkiv")], database);
        new StoryWorker(store, "w", new ProblemList()).RunUntilEmpty().ShouldBe(1);

        store.StalePages(new StoryPages(store).Build).ShouldBe([store.StoryOf("steppe-post")!.Value]);
        store.Page(kenya, new StoryPages(store).Build, PagePart.Html)!.Current.ShouldBeTrue();
        (store.Page(store.StoryOf("steppe-post")!.Value, new StoryPages(store).Build, PagePart.Html) is { Current: true }).ShouldBeFalse();
        new StoryPages(store).UpdateStale(CancellationToken.None).ShouldBe(1);
        store.StalePages(new StoryPages(store).Build).ShouldBeEmpty();
        store.Page(store.StoryOf("steppe-post")!.Value, new StoryPages(store).Build, PagePart.Html)!.Text.ShouldContain("/articles/steppe-post");
        store.Page(kenya, new StoryPages(store).Build, PagePart.Html)!.Text.ShouldBe(kenyaPage.Text);
    }

    [Theory, MemberData(nameof(Kinds))]
    public void A_store_whose_story_table_is_empty_counts_it_from_the_readings_when_opened(string kind)
    {
        var database = NewStore(kind);
        IngestRun.Run([Fixture("kharkiv")], database);
        Dictionary<string, int> counted;
        using (var store = ArticleStore.Open(database))
        {
            new StoryWorker(store, "w", new ProblemList()).RunUntilEmpty();
            counted = Counted(store);
        }
        // As a store made before the table has it: empty.
        using (System.Data.Common.DbConnection connection = kind == "sqlite"
                   ? new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Pooling=false")
                   : new Npgsql.NpgsqlConnection(PostgresArticleStore.ConnectionString(database)))
        {
            connection.Open();
            using var forget = connection.CreateCommand();
            forget.CommandText = "DELETE FROM stories";
            forget.ExecuteNonQuery().ShouldBe(counted.Count);
        }
        using var reopened = ArticleStore.Open(database);
        EveryPage(reopened, newestFirst: false, size: 100).ToDictionary(s => s.Id, s => s.Articles).ShouldBe(counted, ignoreOrder: true);
    }
}
