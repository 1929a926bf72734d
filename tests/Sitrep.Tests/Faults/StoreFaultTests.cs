using Sitrep.Cli;
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

    [Theory, MemberData(nameof(Kinds))]
    public void A_cancelled_search_is_stopped_and_the_connection_searches_again(string kind)
    {
        using var store = ArticleStore.Open(NewStore(kind));
        store.Add([Article("a", "Floods closed the river road near Mopti on Monday."), Article("b", "The ceasefire held in Gao.", line: 2)], new ProblemList());

        Should.Throw<OperationCanceledException>(() => store.Search("Mopti floods", cancel: new CancellationToken(canceled: true)));

        store.Search("Mopti floods").ShouldHaveSingleItem().Id.ShouldBe("a");
    }

    [Fact]
    public void A_search_reads_each_word_once_and_at_most_sixteen_words_split_at_controls_and_invisible_characters()
    {
        ArticleStore.SearchWords(string.Join(' ', Enumerable.Repeat("fire", 1_550))).ShouldBe(["fire"]); // a 7.7 KB GET took 52 s
        ArticleStore.SearchWords("Fire fire FIRE Mopti").ShouldBe(["Fire", "Mopti"]);
        var distinct = Enumerable.Range(1, 40).Select(i => $"word{i}").ToList();
        ArticleStore.SearchWords(string.Join(' ', distinct)).ShouldBe(distinct.Take(ArticleStore.MaxSearchWords));
        ArticleStore.SearchWords("floods\0Mopti\u200bGao\u0001road").ShouldBe(["floods", "Mopti", "Gao", "road"]);
        ArticleStore.SearchWords("\0 \u200b\u202e").ShouldBeEmpty();
        ArticleStore.SearchWords(new string('e', 8_000)).ShouldBe([new string('e', 64)]);
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

    private static Document Given(string id, string text, string? outlet = null) =>
        new(id, new SourceLocation("wire.jsonl", 1)) { Text = text, TextIsInput = true, Outlet = outlet };

    private static List<(string Id, string Text)> Latest(ArticleStore store) => [.. store.Documents().Select(d => (d.Id, d.Text))];

    [Theory, MemberData(nameof(Kinds))]
    public void A_correction_under_the_same_id_replaces_the_stale_text_in_the_stories(string kind)
    {
        using var store = ArticleStore.Open(NewStore(kind));
        var problems = new ProblemList();
        store.Add([Given("a1", "Four people were killed when floods hit Mopti on Monday.")], problems).ShouldBe(1);
        new StoryWorker(store, "w", problems).RunUntilEmpty();

        store.Add([Given("a1", "Fourteen people were killed when floods hit Mopti on Monday, officials said.")], problems).ShouldBe(1);
        store.Add([Given("a1", "Fourteen people were killed when floods hit Mopti on Monday, officials said.")], problems).ShouldBe(0);
        new StoryWorker(store, "w", problems).RunUntilEmpty();

        Latest(store).ShouldBe([("a1#2", "Fourteen people were killed when floods hit Mopti on Monday, officials said.")]);
        store.Stories().SelectMany(s => s.Articles).ShouldBe(["a1#2"]);
        store.Count.ShouldBe(2); // the stale text is kept, out of every story
        problems.Items.ShouldBeEmpty();
    }

    [Theory, MemberData(nameof(Kinds))]
    public void A_file_finished_after_it_was_stored_half_written_replaces_it(string kind)
    {
        var database = NewStore(kind);
        var page = Path.Combine(Folder, "in", "mopti-floods.html");
        Directory.CreateDirectory(Path.GetDirectoryName(page)!);
        File.WriteAllText(page, "<html><head><title>Floods hit Mopti</title></head><body><article><p>Floods hit Mopti on Monday, killing");
        IngestRun.Run([Path.GetDirectoryName(page)!], database);
        File.WriteAllText(page, "<html><head><title>Floods hit Mopti</title></head><body><article><p>Floods hit Mopti on Monday, killing fourteen people, officials said.</p></article></body></html>");
        IngestRun.Run([Path.GetDirectoryName(page)!], database).ShouldBe(SitrepCommandLine.Success);

        using var store = ArticleStore.Open(database);
        var latest = store.Documents().ShouldHaveSingleItem();
        latest.Id.ShouldBe("mopti-floods#2");
        latest.Text.ShouldContain("fourteen people");
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Records_without_ids_are_recognised_by_their_text_when_a_record_is_prepended(string kind)
    {
        var database = NewStore(kind);
        var wire = Path.Combine(Folder, "wire.jsonl");
        const string First = "{\"text\":\"Troops left Kidal on Monday, residents said.\"}\n", Second = "{\"text\":\"The ceasefire held in Gao overnight.\"}\n";
        File.WriteAllText(wire, First + Second);
        IngestRun.Run([wire], database).ShouldBe(SitrepCommandLine.Success);
        File.WriteAllText(wire, "{\"text\":\"Floods closed the road to Mopti.\"}\n" + First + Second);

        IngestRun.Run([wire], database).ShouldBe(SitrepCommandLine.Success); // no false conflicts

        using var store = ArticleStore.Open(database);
        Latest(store).ShouldBe([("wire:1", "Troops left Kidal on Monday, residents said."), ("wire:2", "The ceasefire held in Gao overnight."),
                                ("wire:1#2", "Floods closed the road to Mopti.")]);
    }

    [Theory, MemberData(nameof(Kinds))]
    public void The_same_wire_copy_from_two_outlets_keeps_both_attributions(string kind)
    {
        using var store = ArticleStore.Open(NewStore(kind));
        const string Wire = "Gunmen attacked a market in Gao on Monday, killing three people, police said.";

        store.Add([Given("ap-1", Wire, "AP"), Given("reuters-7", Wire, "Reuters")], new ProblemList()).ShouldBe(2);
        new StoryWorker(store, "w", new ProblemList()).RunUntilEmpty();

        store.Documents().Select(d => d.Outlet).ShouldBe(["AP", "Reuters"]);
        store.Stories().ShouldHaveSingleItem().Articles.ShouldBe(["ap-1", "reuters-7"]);
    }

    [PostgresFact]
    public void A_batch_queued_later_waits_for_the_earlier_one_so_stories_are_assigned_in_queue_order()
    {
        var database = NewStore("postgres");
        using (var store = ArticleStore.Open(database))
            store.Add([Given("a", "Troops left Kidal on Monday."), Given("b", "The ceasefire held in Gao."), Given("c", "Floods closed the road to Mopti.")], new ProblemList());
        using var slowStore = ArticleStore.Open(database);
        using var fastStore = ArticleStore.Open(database);
        var slow = slowStore.ClaimBatch(1);
        slow.Documents.Single().Id.ShouldBe("a");

        var fast = Task.Run(() => new StoryWorker(fastStore, "fast", new ProblemList(), batchSize: 2).ReadBatch());
        fast.Wait(TimeSpan.FromSeconds(3)).ShouldBeFalse("the later batch was assigned before the earlier one");
        slow.LockStoryAssignment();
        slow.Dequeue(slow.Documents[0]).ShouldBeTrue();
        slow.Record(slow.Documents[0], "slow", null, null, "left unread by the test");
        slow.Commit();
        slow.Dispose();

        fast.Wait(TimeSpan.FromSeconds(60)).ShouldBeTrue();
        slowStore.Readings().Select(r => r.Article).ShouldBe(["a", "b", "c"]);
    }

    [PostgresFact]
    public void A_batch_left_by_a_stopped_worker_is_read_first_by_the_next()
    {
        var database = NewStore("postgres");
        using (var store = ArticleStore.Open(database))
            store.Add([Given("a", "Troops left Kidal on Monday."), Given("b", "The ceasefire held in Gao.")], new ProblemList());
        using var stoppedStore = ArticleStore.Open(database);
        using var nextStore = ArticleStore.Open(database);
        var stopped = stoppedStore.ClaimBatch(1);
        var next = Task.Run(() => new StoryWorker(nextStore, "next", new ProblemList(), batchSize: 1).RunUntilEmpty());
        next.Wait(TimeSpan.FromSeconds(2)).ShouldBeFalse();

        stopped.Dispose(); // its transaction ends as a killed worker's does

        next.Wait(TimeSpan.FromSeconds(60)).ShouldBeTrue();
        nextStore.Readings().Select(r => r.Article).ShouldBe(["a", "b"]);
    }
}
