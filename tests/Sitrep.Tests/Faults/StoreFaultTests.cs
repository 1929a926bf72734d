using Sitrep.Store;
using Sitrep.Tests.Store;

namespace Sitrep.Tests.Faults;

/// <summary>The store under records and timings that broke it (issue 21), on SQLite and PostgreSQL alike.</summary>
public sealed class StoreFaultTests : StoreTest
{
    private static Document Article(string id, string text, string file = "wire.jsonl", int line = 1) =>
        new(id, new SourceLocation(file, line)) { Text = text, TextIsInput = true, Title = "Floods close the river road" };

    [Theory, MemberData(nameof(Kinds))]
    public void A_NUL_character_is_stored_as_a_replacement_character_and_the_other_records_are_stored(string kind)
    {
        using var store = ArticleStore.Open(NewStore(kind));
        var problems = new ProblemList();

        store.Add([Article("a", "Troops left Kidal on Monday."), Article("b\0", "The road to Mopti\0 was closed.", line: 2), Article("c", "The ceasefire held in Gao.", line: 3)], problems)
            .ShouldBe(3);

        store.Documents().Select(d => (d.Id, d.Text)).ShouldBe([("a", "Troops left Kidal on Monday."), ("b\uFFFD", "The road to Mopti\uFFFD was closed."), ("c", "The ceasefire held in Gao.")]);
        problems.Items.ShouldBeEmpty();
    }

    [Fact]
    public void A_worker_reading_its_batch_does_not_hold_the_SQLite_write_lock()
    {
        var database = NewStore("sqlite");
        using (var store = ArticleStore.Open(database))
            store.Add([Article("a", "Troops left Kidal on Monday.")], new ProblemList());
        using var workerStore = ArticleStore.Open(database);
        using var batch = workerStore.ClaimBatch(10);
        batch.Documents.Count.ShouldBe(1);

        using var ingest = ArticleStore.Open(database);
        ingest.Add([Article("b", "The ceasefire held in Gao.", line: 2)], new ProblemList()).ShouldBe(1); // "database is locked" while the batch was open
    }

    [Fact]
    public void An_article_another_SQLite_worker_read_while_a_batch_was_open_is_not_read_twice()
    {
        var database = NewStore("sqlite");
        using (var store = ArticleStore.Open(database))
            store.Add([Article("a", "Troops left Kidal on Monday."), Article("b", "The ceasefire held in Gao.", line: 2)], new ProblemList());
        using var slow = ArticleStore.Open(database);
        using var fast = ArticleStore.Open(database);
        using var batch = slow.ClaimBatch(10);

        new StoryWorker(fast, "fast", new ProblemList()).ReadBatch().Count.ShouldBe(2);
        batch.LockStoryAssignment();

        batch.Documents.Where(batch.Dequeue).ShouldBeEmpty();
        batch.Commit();
        fast.Readings().Select(r => (r.Article, r.Worker)).ShouldBe([("a", "fast"), ("b", "fast")]);
    }
}
