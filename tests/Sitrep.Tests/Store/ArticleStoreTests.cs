using System.Text.Json;
using Sitrep.Cli;
using Sitrep.Store;
using Sitrep.Tests.Situation;

namespace Sitrep.Tests.Store;

/// <summary>The store's promises, held by SQLite and PostgreSQL alike.</summary>
public sealed class ArticleStoreTests : StoreTest
{
    private static string ElFasher => Path.Combine(AppContext.BaseDirectory, "Fixtures", "el-fasher");

    private static Document Article(string id, string text, string? published = null)
    {
        var document = new Document(id, new SourceLocation($"{id}.txt", 1)) { Text = text, TextIsInput = true, Title = "Floods close the river road" };
        if (published != null && PartialDate.TryParse(published, out var date)) document.SetPublished(date, DateProvenance.Given);
        return document;
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Ingesting_the_same_folder_twice_stores_each_article_once(string kind)
    {
        var database = NewStore(kind);
        IngestRun.Run([ElFasher], database).ShouldBe(SitrepCommandLine.Success);
        IngestRun.Run([ElFasher], database).ShouldBe(SitrepCommandLine.Success);

        using var store = ArticleStore.Open(database);
        store.Count.ShouldBe(5);
    }

    [Theory, MemberData(nameof(Kinds))]
    public void A_copy_under_another_id_is_the_same_article_and_other_content_under_a_taken_id_is_reported(string kind)
    {
        var database = NewStore(kind);
        using var store = ArticleStore.Open(database);
        var problems = new ProblemList();

        store.Add([Article("a1", "The river road was closed on Monday.", "2026-03-02")], problems).ShouldBe(1);
        store.Add([Article("copy", "The river road was closed on Monday."), Article("a1", "The road reopened on Friday.")], problems).ShouldBe(0);

        store.Count.ShouldBe(1);
        problems.Items.ShouldHaveSingleItem().ToString().ShouldBe("a1.txt:1: id a1 is already stored with other content; not stored");
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Stored_articles_come_back_as_they_arrived(string kind)
    {
        var database = NewStore(kind);
        using (var store = ArticleStore.Open(database))
            store.Add([Article("a1", "The river road was closed on Monday.", "2026-03-02")], new ProblemList());

        using var reopened = ArticleStore.Open(database);
        var article = reopened.Documents().ShouldHaveSingleItem();
        (article.Id, article.Text, article.Title, article.Published.ToString(), article.Source.ToString())
            .ShouldBe(("a1", "The river road was closed on Monday.", "Floods close the river road", "2026-03-02", "a1.txt:1"));
        article.TextIsInput.ShouldBeTrue();
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Analyze_reads_the_stored_articles(string kind)
    {
        var database = NewStore(kind);
        IngestRun.Run([ElFasher], database);
        var output = Path.Combine(Folder, "out");

        AnalyzeRun.Run([], output, database).ShouldBe(SitrepCommandLine.Success);

        var situation = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "situation.json"))).RootElement;
        situation.GetProperty("documents").GetArrayLength().ShouldBe(5);
        AnalyzedFixture.Strings(situation.GetProperty("stories")[0], "documents").Length.ShouldBe(5);
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Analyze_of_a_store_alone_reports_the_stories_its_workers_assigned(string kind)
    {
        var database = NewStore(kind);
        IngestRun.Run([ElFasher, Path.Combine(AppContext.BaseDirectory, "Fixtures", "kharkiv")], database);
        using (var store = ArticleStore.Open(database))
            new StoryWorker(store, "earlier", new ProblemList(), batchSize: 4).RunUntilEmpty().ShouldBe(11);
        var late = Path.Combine(Folder, "late-wire.txt");
        File.WriteAllText(late, "RSF drones strike El Fasher again\n\nThe Rapid Support Forces (RSF) struck El Fasher with drones again on Tuesday, " +
                                "hitting the Saudi Hospital, medics said. The army said the RSF had broken the ceasefire that took effect on Monday.\n");
        IngestRun.Run([late], database);
        var output = Path.Combine(Folder, "out");

        AnalyzeRun.Run([], output, database).ShouldBe(SitrepCommandLine.Success);

        using var reopened = ArticleStore.Open(database);
        reopened.Queued.ShouldBe(0);
        var situation = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "situation.json"))).RootElement;
        var reported = situation.GetProperty("stories").EnumerateArray()
            .Select(s => $"{s.GetProperty("id").GetString()}: {string.Join(' ', AnalyzedFixture.Strings(s, "documents"))}");
        reported.ShouldBe(reopened.Stories().Select(s => $"{s.Id}: {string.Join(' ', s.Articles)}"));
        reopened.Stories().Single(s => s.Articles.Contains("late-wire")).Articles.ShouldContain("darfur-daily");
        situation.GetProperty("documents").GetArrayLength().ShouldBe(12);
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Search_finds_words_of_titles_and_texts_and_reads_no_query_syntax(string kind)
    {
        using var store = ArticleStore.Open(NewStore(kind));
        store.Add([
            Article("a1", "Floodwater closed the river road near Tawila on Monday.", "2026-03-02"),
            Article("a2", "Talks on the ceasefire resumed in Jeddah.", "2026-03-03"),
        ], new ProblemList());

        var hit = store.Search("Tawila road").ShouldHaveSingleItem();
        hit.Id.ShouldBe("a1");
        hit.Snippet.ShouldContain("[Tawila]");
        store.Search("ceasefire").ShouldHaveSingleItem().Id.ShouldBe("a2");
        foreach (var hostile in new[] { "'; DROP TABLE articles; --", "NEAR(road Tawila)", "road OR 1=1", "\"unclosed", "title:road", "road & !Tawila | :*" })
            Should.NotThrow(() => store.Search(hostile), hostile);
        store.Count.ShouldBe(2);
        store.Search("   ").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("/no/such/folder/sitrep.db", "unable to open database file")]
    [InlineData("postgres://", "not a postgres://user@host:port/database address")]
    [InlineData("postgres://sitrep@127.0.0.1:1/stories", "Failed to connect")]
    public void A_store_that_cannot_be_opened_is_named_in_one_line(string database, string reason)
    {
        var e = Should.Throw<StoreException>(() => ArticleStore.Open(database));
        e.Message.ShouldStartWith($"{database}: cannot open the store: ");
        e.Message.ShouldContain(reason);
    }
}
