using System.Text.Json;
using Sitrep.Cli;
using Sitrep.Store;
using Sitrep.Tests.Situation;

namespace Sitrep.Tests.Store;

public sealed class ArticleStoreTests : TestFolder
{
    private string Database => Path.Combine(Folder, "sitrep.db");
    private static string ElFasher => Path.Combine(AppContext.BaseDirectory, "Fixtures", "el-fasher");

    private static Document Article(string id, string text, string? published = null)
    {
        var document = new Document(id, new SourceLocation($"{id}.txt", 1)) { Text = text, TextIsInput = true, Title = "Floods close the river road" };
        if (published != null && PartialDate.TryParse(published, out var date)) document.Published = date;
        return document;
    }

    [Fact]
    public void Ingesting_the_same_folder_twice_stores_each_article_once()
    {
        IngestRun.Run([ElFasher], Database).ShouldBe(SitrepCommandLine.Success);
        IngestRun.Run([ElFasher], Database).ShouldBe(SitrepCommandLine.Success);

        using var store = ArticleStore.Open(Database);
        store.Count.ShouldBe(5);
    }

    [Fact]
    public void A_copy_under_another_id_is_the_same_article_and_other_content_under_a_taken_id_is_reported()
    {
        using var store = ArticleStore.Open(Database);
        var problems = new ProblemList();

        store.Add([Article("a1", "The river road was closed on Monday.", "2026-03-02")], problems).ShouldBe(1);
        store.Add([Article("copy", "The river road was closed on Monday."), Article("a1", "The road reopened on Friday.")], problems).ShouldBe(0);

        store.Count.ShouldBe(1);
        problems.Items.ShouldHaveSingleItem().ToString().ShouldBe("a1.txt:1: id a1 is already stored with other content; not stored");
    }

    [Fact]
    public void Stored_articles_come_back_as_they_arrived()
    {
        using (var store = ArticleStore.Open(Database))
            store.Add([Article("a1", "The river road was closed on Monday.", "2026-03-02")], new ProblemList());

        using var reopened = ArticleStore.Open(Database);
        var article = reopened.Documents().ShouldHaveSingleItem();
        (article.Id, article.Text, article.Title, article.Published.ToString(), article.Source.ToString())
            .ShouldBe(("a1", "The river road was closed on Monday.", "Floods close the river road", "2026-03-02", "a1.txt:1"));
        article.TextIsInput.ShouldBeTrue();
    }

    [Fact]
    public void Analyze_reads_the_stored_articles()
    {
        IngestRun.Run([ElFasher], Database);
        var output = Path.Combine(Folder, "out");

        AnalyzeRun.Run([], output, Database).ShouldBe(SitrepCommandLine.Success);

        var situation = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "situation.json"))).RootElement;
        situation.GetProperty("documents").GetArrayLength().ShouldBe(5);
        AnalyzedFixture.Strings(situation.GetProperty("stories")[0], "documents").Length.ShouldBe(5);
    }
}
