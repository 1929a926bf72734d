using Sitrep.Cli;
using Sitrep.Store;
using Sitrep.Stories;

namespace Sitrep.Tests.Store;

/// <summary>Workers reading a store's queued articles into stories, in this process, on both kinds of store.</summary>
public sealed class StoryWorkerTests : StoreTest
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    private static readonly string[] Kenya = ["lakeside-herald", "rift-valley-times"];
    // The reports of the strike itself; border-monitor, a follow-up on aid, may stand apart in one pass.
    private static readonly string[] KharkivStrike = ["dnipro-digest", "east-ledger", "steppe-post"];

    private static IReadOnlyList<string> StoryOf(ArticleStore store, string article) =>
        store.Stories().Single(s => s.Articles.Contains(article)).Articles;

    [Theory, MemberData(nameof(Kinds))]
    public void A_worker_reads_every_queued_article_into_its_story_once(string kind)
    {
        var database = NewStore(kind);
        IngestRun.Run([Fixture("el-fasher"), Fixture("kharkiv")], database);
        using var store = ArticleStore.Open(database);
        store.Queued.ShouldBe(11);

        var worker = new StoryWorker(store, "w1", new ProblemList(), batchSize: 3);
        worker.RunUntilEmpty().ShouldBe(11);

        store.Queued.ShouldBe(0);
        store.Stories().Sum(s => s.Articles.Count).ShouldBe(11);
        StoryOf(store, "darfur-daily").Count.ShouldBe(5);
        StoryOf(store, "east-ledger").Where(a => a != "border-monitor").ShouldBe(KharkivStrike, ignoreOrder: true);
        StoryOf(store, "lakeside-herald").ShouldBe(Kenya, ignoreOrder: true);
        worker.RunUntilEmpty().ShouldBe(0);
    }

    [Theory, MemberData(nameof(Kinds))]
    public void New_articles_join_the_stories_already_stored_and_nothing_is_read_twice(string kind)
    {
        var database = NewStore(kind);
        var early = Path.Combine(Folder, "early");
        var late = Path.Combine(Folder, "late");
        Directory.CreateDirectory(early);
        Directory.CreateDirectory(late);
        foreach (var file in Directory.GetFiles(Fixture("kharkiv"), "*.txt"))
        {
            var name = Path.GetFileName(file);
            File.Copy(file, Path.Combine(name is "steppe-post.txt" or "rift-valley-times.txt" ? late : early, name));
        }
        IngestRun.Run([early], database);
        int storiesBefore;
        using (var store = ArticleStore.Open(database))
        {
            new StoryWorker(store, "first", new ProblemList()).RunUntilEmpty().ShouldBe(4);
            storiesBefore = store.Stories().Count;
        }

        IngestRun.Run([early, late], database);
        using (var store = ArticleStore.Open(database))
        {
            // A new worker knows nothing of the stories until it replays the stored assignments.
            new StoryWorker(store, "second", new ProblemList()).RunUntilEmpty().ShouldBe(2);
            store.Stories().Count.ShouldBe(storiesBefore);
            StoryOf(store, "steppe-post").ShouldContain("east-ledger");
            StoryOf(store, "rift-valley-times").ShouldBe(Kenya, ignoreOrder: true);
        }
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Workers_taking_turns_assign_the_stories_one_serial_stream_would(string kind)
    {
        var together = NewStore(kind);
        var alone = NewStore(kind);
        IngestRun.Run([Fixture("kharkiv"), Fixture("el-fasher")], together);
        IngestRun.Run([Fixture("kharkiv"), Fixture("el-fasher")], alone);
        using var shared1 = ArticleStore.Open(together);
        using var shared2 = ArticleStore.Open(together);
        var a = new StoryWorker(shared1, "a", new ProblemList(), batchSize: 2);
        var b = new StoryWorker(shared2, "b", new ProblemList(), batchSize: 2);
        while (a.ReadBatch().Count + b.ReadBatch().Count > 0) { }
        a.Read.ShouldBeGreaterThan(0);
        b.Read.ShouldBeGreaterThan(0);
        using var single = ArticleStore.Open(alone);
        new StoryWorker(single, "single", new ProblemList(), batchSize: 5).RunUntilEmpty().ShouldBe(11);

        shared1.Stories().Select(s => s.Articles).ShouldBe(single.Stories().Select(s => s.Articles));
    }

    [Fact]
    public void Workers_on_one_SQLite_file_at_once_read_each_article_once_without_failing()
    {
        var database = NewStore("sqlite");
        IngestRun.Run([Fixture("kharkiv"), Fixture("el-fasher")], database);
        var stores = Enumerable.Range(0, 3).Select(_ => ArticleStore.Open(database)).ToList();
        try
        {
            var workers = stores.Select((store, i) => new StoryWorker(store, $"w{i}", new ProblemList(), batchSize: 1)).ToList();
            var threads = workers.Select(w => new Thread(() => w.RunUntilEmpty())).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());

            workers.Sum(w => w.Read).ShouldBe(11);
            stores[0].Readings().Select(r => r.Article).Distinct().Count().ShouldBe(11);
        }
        finally
        {
            stores.ForEach(s => s.Dispose());
        }
    }

    [Fact]
    public void Document_terms_come_back_from_their_bytes_and_corrupt_bytes_are_refused()
    {
        var terms = new DocumentTerms { Published = 20_512.5, Years = [2025, 2026], Months = [5] };
        terms.Body[17] = 3;
        terms.Title[17] = 1;
        terms.Names[-5] = 2;
        terms.Dates[9] = 1;
        terms.Numbers[400_000] = 4;
        var bytes = DocumentTermsCodec.Encode(terms);

        var back = DocumentTermsCodec.Decode(bytes);
        back.Published.ShouldBe(terms.Published);
        back.Years.ShouldBe(terms.Years);
        back.Months.ShouldBe(terms.Months);
        back.Body.ShouldBe(terms.Body);
        back.Names.ShouldBe(terms.Names);
        back.Numbers.ShouldBe(terms.Numbers);
        Should.Throw<InvalidDataException>(() => DocumentTermsCodec.Decode(bytes[..^3]));
        var huge = (byte[])bytes.Clone();
        huge[1] = 0xFF; huge[2] = 0xFF; huge[3] = 0xFF; huge[4] = 0x7F;
        Should.Throw<InvalidDataException>(() => DocumentTermsCodec.Decode(huge));
    }
}
