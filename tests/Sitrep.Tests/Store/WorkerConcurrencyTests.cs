using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;
using Sitrep.Store;
using Sitrep.Stories;

namespace Sitrep.Tests.Store;

/// <summary>
/// <c>sitrep worker</c> processes sharing one PostgreSQL store: the work is spread, every article is
/// read exactly once, the story assignment is the one a single serial stream makes, and a worker
/// killed with SIGKILL in the middle of a batch (on PostgreSQL or SQLite) loses nothing.
/// </summary>
[Collection(nameof(ProcessHeavyCollection))]
public sealed class WorkerConcurrencyTests : StoreTest
{
    [PostgresFact]
    public void Four_workers_read_twenty_thousand_articles_each_exactly_once()
    {
        const int Articles = 20_000;
        var database = NewStore("postgres");
        Ingest(WireCorpus(Articles), database);

        var workers = Enumerable.Range(1, 4).Select(i => Worker(database, $"w{i}")).ToList();
        var reported = workers.Select(FinishedCount).ToList();

        reported.Sum().ShouldBe(Articles);
        reported.ShouldAllBe(read => read > 0, "every worker took a share");
        using var store = ArticleStore.Open(database);
        store.Queued.ShouldBe(0);
        var readings = store.Readings().ToList();
        readings.Count.ShouldBe(Articles);
        readings.Select(r => r.Article).Distinct().Count().ShouldBe(Articles);
        readings.ShouldAllBe(r => r.Story != null);
        readings.GroupBy(r => r.Worker).Select(g => g.Count()).OrderBy(n => n).ShouldBe(reported.OrderBy(n => n));
        ReplaysSerially(readings);
        InQueueOrder(store, readings);
        // 200 events of 100 reports each: whichever worker read them, most reports of an event share its story.
        foreach (var reports in readings.GroupBy(r => int.Parse(r.Article[1..]) % 200))
            reports.GroupBy(r => r.Story).Max(g => g.Count()).ShouldBeGreaterThanOrEqualTo(90, $"event {reports.Key}");
    }

    [PostgresFact]
    public void A_worker_killed_mid_batch_loses_and_repeats_nothing()
    {
        const int Articles = 3_000;
        var database = NewStore("postgres");
        Ingest(WireCorpus(Articles), database);
        using var store = ArticleStore.Open(database);
        var random = new Random(9);
        int kills = 0;

        // Each round: two workers start, one is killed with SIGKILL while it holds a claimed batch.
        for (int round = 0; round < 3 && store.Queued > 0; round++)
        {
            using var victim = Worker(database, $"victim{round}", batch: 32);
            using var survivor = Worker(database, $"survivor{round}", batch: 32);
            long target = store.Readings().Count() + random.Next(200, 600);
            var clock = Stopwatch.StartNew();
            while (!victim.HasExited && clock.Elapsed < TimeSpan.FromMinutes(2) && !(store.Readings().Count() >= target && InTransaction(database, $"victim{round}")))
                Thread.Sleep(20);
            if (!victim.HasExited)
            {
                victim.Kill(entireProcessTree: true);
                kills++;
            }
            victim.WaitForExit();
            survivor.WaitForExit();
        }
        kills.ShouldBeGreaterThan(0);
        using (var finisher = Worker(database, "finisher")) FinishedCount(finisher);

        store.Queued.ShouldBe(0);
        var readings = store.Readings().ToList();
        readings.Count.ShouldBe(Articles);
        readings.Select(r => r.Article).Distinct().Count().ShouldBe(Articles);
        ReplaysSerially(readings);
        InQueueOrder(store, readings);
    }

    [Fact]
    public void A_sqlite_worker_killed_at_random_moments_loses_and_repeats_nothing()
    {
        const int Articles = 2_000;
        var database = NewStore("sqlite");
        Ingest(WireCorpus(Articles), database);
        using var store = ArticleStore.Open(database);
        var random = new Random(13);
        int killedMidway = 0;

        for (int round = 0; round < 6 && store.Queued > 0; round++)
        {
            long before = store.Readings().Count();
            using var worker = CliProcess.Start("worker", "--db", database, "--name", $"victim{round}", "--batch", "32", "--until-empty");
            // The random moment is a random count of readings, not a time: startup takes seconds on a loaded
            // machine, and on an idle one the worker reads every article within a second of its first commit.
            long target = before + random.Next(1, (int)Math.Clamp(store.Queued - 64, 2, 400));
            var started = System.Diagnostics.Stopwatch.StartNew();
            while (!worker.HasExited && store.Readings().Count() < target && started.Elapsed < TimeSpan.FromMinutes(2)) Thread.Sleep(2);
            if (!worker.HasExited) worker.Kill(entireProcessTree: true);
            worker.WaitForExit();
            if (store.Readings().Count() > before && store.Queued > 0) killedMidway++;
        }
        killedMidway.ShouldBeGreaterThan(0);
        using (var finisher = CliProcess.Start("worker", "--db", database, "--name", "finisher", "--until-empty")) FinishedCount(finisher);

        store.Queued.ShouldBe(0);
        var readings = store.Readings().ToList();
        readings.Count.ShouldBe(Articles);
        readings.Select(r => r.Article).Distinct().Count().ShouldBe(Articles);
        ReplaysSerially(readings);
        InQueueOrder(store, readings);
    }

    /// <summary>Assigned in the order the articles were stored: the stories of one serial stream over the queue, whatever the workers' number and timing.</summary>
    private static void InQueueOrder(ArticleStore store, List<StoredReading> readings) =>
        readings.Select(r => r.Article).ShouldBe(store.Documents().Select(d => d.Id));

    [PostgresFact]
    public void A_worker_that_runs_until_stopped_connects_again_after_losing_its_session()
    {
        var database = NewStore("postgres");
        Ingest(WireCorpus(200), database);
        using var worker = CliProcess.Start("worker", "--db", database + "?ApplicationName=steady", "--name", "steady", "--every", "0.2");
        using var store = ArticleStore.Open(database);
        WaitUntil(() => store.Queued == 0);

        using (var admin = new NpgsqlConnection(PostgresArticleStore.ConnectionString(database)))
        {
            admin.Open();
            using var terminate = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'steady'", admin);
            ((long)terminate.ExecuteScalar()!).ShouldBe(1);
        }
        Ingest(WireCorpus(200, prefix: "late"), database);
        WaitUntil(() => store.Queued == 0);
        worker.Kill(entireProcessTree: true);
        worker.WaitForExit();

        worker.StandardError.ReadToEnd().ShouldContain("worker steady: lost the store");
        var readings = store.Readings().ToList();
        readings.Count.ShouldBe(400);
        readings.Select(r => r.Article).Distinct().Count().ShouldBe(400);
        ReplaysSerially(readings);
    }

    private static void WaitUntil(Func<bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (!done())
        {
            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromMinutes(2));
            Thread.Sleep(50);
        }
    }

    /// <summary>A fresh stream fed the committed readings in their order makes every assignment they record.</summary>
    private static void ReplaysSerially(IEnumerable<StoredReading> readings)
    {
        var stream = new StoryStream();
        foreach (var reading in readings) stream.Replay(reading.Terms!, reading.Story!.Value);
    }

    /// <summary>Reports of 200 invented events, 100 each, interleaved as a wire delivers them.</summary>
    private string WireCorpus(int articles, string prefix = "r")
    {
        string[] towns = ["Tawila", "Kabkabiya", "Mellit", "Kutum", "Nyala", "Zalingei", "Geneina", "Kadugli", "Dilling", "Babanusa"];
        string[] actors = ["the Rapid Support Forces", "the army", "a local militia", "border guards", "armed herders"];
        string[] deeds = ["shelled", "raided", "besieged", "attacked", "looted"];
        string[] targets = ["the market", "a displacement camp", "the hospital", "a water station", "the police post"];
        string[] months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
        var random = new Random(20);
        var path = Path.Combine(Folder, $"wire-{prefix}.jsonl");
        File.WriteAllLines(path, Enumerable.Range(0, articles).Select(i =>
        {
            int e = i % 200;
            string town = towns[e % towns.Length], actor = actors[e / 10 % actors.Length], deed = deeds[e / 50 % deeds.Length];
            string target = targets[(e / 2) % targets.Length], month = months[e % 12];
            int day = 1 + e % 28, year = 2020 + e / 40, dead = 3 + e * 7 % 90;
            var text = $"{actor.ToUpperInvariant()[0]}{actor[1..]} {deed} {target} in {town} on {month} {day}, {year}, killing at least {dead + random.Next(0, 3)} people, " +
                       $"witnesses told reporter {prefix}{i}. Residents of {town} said the assault on {target} began before dawn and lasted {2 + random.Next(5)} hours. " +
                       $"Aid agencies counted {dead * 40 + e} families displaced from {town} by {month} {day + 1}.";
            return JsonSerializer.Serialize(new { id = $"{prefix}{i}", title = $"{town}: {target} {deed} ({month} {year})", text, published = $"{year}-{1 + e % 12:00}-{day:00}" });
        }));
        return path;
    }

    private static void Ingest(string corpus, string database)
    {
        using var ingest = CliProcess.Start("ingest", corpus, "--db", database);
        var errors = ingest.StandardError.ReadToEnd();
        ingest.WaitForExit();
        ingest.ExitCode.ShouldBe(0, errors);
    }

    private static Process Worker(string database, string name, int batch = 64) =>
        CliProcess.Start("worker", "--db", database + "?ApplicationName=" + name, "--name", name, "--batch", batch.ToString(), "--until-empty");

    /// <summary>Waits for the worker and returns the count it reports ("worker NAME: N articles read into stories").</summary>
    private static int FinishedCount(Process worker)
    {
        var errors = worker.StandardError.ReadToEnd();
        worker.WaitForExit();
        worker.ExitCode.ShouldBe(0, errors);
        var said = Regex.Match(errors, @"worker \S+: (\d+) articles read into stories");
        said.Success.ShouldBeTrue(errors);
        return int.Parse(said.Groups[1].Value);
    }

    /// <summary>Whether the named worker's connection has a transaction open (a claimed batch).</summary>
    private static bool InTransaction(string database, string worker)
    {
        using var connection = new NpgsqlConnection(PostgresArticleStore.ConnectionString(database));
        connection.Open();
        using var query = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE application_name = @name AND xact_start IS NOT NULL", connection);
        query.Parameters.AddWithValue("name", worker);
        return (long)query.ExecuteScalar()! > 0;
    }
}
