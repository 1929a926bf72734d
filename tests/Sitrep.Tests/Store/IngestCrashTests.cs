using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Sitrep.Store;

namespace Sitrep.Tests.Store;

/// <summary>
/// <c>sitrep ingest</c> killed with SIGKILL at random moments, twenty times over one store (SQLite and
/// PostgreSQL): it always opens intact holding whole batches only, and a rerun completes it without
/// duplicates.
/// </summary>
[Collection(nameof(ProcessHeavyCollection))]
public sealed class IngestCrashTests : StoreTest
{
    [Theory]
    [MemberData(nameof(Kinds))]
    public void Killing_ingest_twenty_times_loses_and_duplicates_nothing(string kind)
    {
        const int Articles = 60_000;
        var corpus = Path.Combine(Folder, "wire.jsonl");
        File.WriteAllLines(corpus, Enumerable.Range(1, Articles).Select(i => JsonSerializer.Serialize(new
        {
            id = $"w{i}",
            title = $"Convoy {i} reaches the camp",
            text = $"Aid convoy number {i} reached the Tawila camp on Tuesday with food for {i * 7} families, the agency said.",
        })));
        var database = NewStore(kind);
        var random = new Random(22);
        int killedMidway = 0, latest = 1_200;

        for (int round = 0; round < 20; round++)
        {
            using var ingest = Ingest(corpus, database);
            Thread.Sleep(random.Next(200, latest));
            if (!ingest.HasExited) ingest.Kill(entireProcessTree: true);
            ingest.WaitForExit();

            if (kind == "sqlite") IntegrityCheck(database).ShouldBe("ok");
            using var store = ArticleStore.Open(database);
            long stored = store.Count;
            (stored % ArticleStore.BatchSize == 0 || stored == Articles).ShouldBeTrue($"{stored} articles: a batch was cut");
            if (stored is > 0 and < Articles) killedMidway++;
            // A loaded machine may not have stored anything yet: kill later next time, not never midway.
            else if (stored == 0) latest = Math.Min(2 * latest, 30_000);
        }
        killedMidway.ShouldBeGreaterThan(0);

        using (var finish = Ingest(corpus, database)) finish.WaitForExit();
        using var complete = ArticleStore.Open(database);
        complete.Count.ShouldBe(Articles);
        complete.Documents().Select(d => d.Id).Distinct().Count().ShouldBe(Articles);
    }

    private static Process Ingest(string corpus, string database) => CliProcess.Start("ingest", corpus, "--db", database);

    private static string IntegrityCheck(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        return (string)check.ExecuteScalar()!;
    }
}
