using System.Net;
using Npgsql;
using Sitrep.Cli;
using Sitrep.Store;
using Sitrep.Tests.Store;
using Sitrep.Tests.Web;

namespace Sitrep.Tests.Faults;

/// <summary>
/// Searches that cannot end by themselves (issue 21: a hostile search held the server): on
/// PostgreSQL a transaction elsewhere holds the articles table, so a search waits inside the server
/// until it is stopped. It must be stopped when asked, when its client hangs up and at its time
/// limit, while the pages go on answering.
/// </summary>
public sealed class SearchLimitTests : StoreTest
{
    private const string WaitingSearches = "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%plainto_tsquery%'";

    /// <summary>A transaction on its own connection holding the articles table until it is disposed.</summary>
    private static async Task<NpgsqlConnection> HoldArticles(string database)
    {
        var holder = new NpgsqlConnection(PostgresArticleStore.ConnectionString(database) + ";Pooling=false");
        await holder.OpenAsync();
        await using var hold = new NpgsqlCommand("BEGIN; LOCK TABLE articles IN ACCESS EXCLUSIVE MODE", holder);
        await hold.ExecuteNonQueryAsync();
        return holder;
    }

    /// <summary>Whether the server comes to show this many searches waiting for the table within 30 s (each look a transaction of its own, which sees the activity afresh).</summary>
    private static async Task<bool> SearchesWaiting(string database, int count)
    {
        await using var watcher = new NpgsqlConnection(PostgresArticleStore.ConnectionString(database));
        await watcher.OpenAsync();
        await using var look = new NpgsqlCommand(WaitingSearches, watcher);
        for (int i = 0; i < 1_500; i++)
        {
            if (Convert.ToInt64(await look.ExecuteScalarAsync()) == count) return true;
            await Task.Delay(20);
        }
        return false;
    }

    [PostgresFact]
    public async Task A_search_is_stopped_while_it_runs()
    {
        var database = NewStore("postgres");
        IngestRun.Run([Path.Combine(AppContext.BaseDirectory, "Fixtures", "el-fasher")], database);
        using var store = ArticleStore.Open(database);
        await using var holder = await HoldArticles(database);
        using var stop = new CancellationTokenSource();

        var search = Task.Run(() => store.Search("drones", cancel: stop.Token));
        (await SearchesWaiting(database, 1)).ShouldBeTrue();
        stop.Cancel();

        (await Task.WhenAny(search, Task.Delay(TimeSpan.FromSeconds(30)))).ShouldBe(search, "the search went on after it was stopped");
        await Should.ThrowAsync<OperationCanceledException>(search);
        await holder.CloseAsync();
        store.Search("drones").ShouldNotBeEmpty();
    }

    [PostgresFact]
    public async Task A_search_whose_client_hangs_up_is_stopped_and_pages_answer_meanwhile()
    {
        var database = NewStore("postgres");
        await using var served = await ServedStore.Start(database: database, searchTimeLimit: TimeSpan.FromMinutes(10));
        await served.Server.Analysed;
        var http = served.Http;
        (await http.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var holder = await HoldArticles(database);
        using var hangUp = new CancellationTokenSource();

        var search = http.GetAsync("/api/search?q=drones", hangUp.Token);
        (await SearchesWaiting(database, 1)).ShouldBeTrue();
        (await http.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await http.GetAsync("/api/stories")).StatusCode.ShouldBe(HttpStatusCode.OK);
        hangUp.Cancel();

        await Should.ThrowAsync<TaskCanceledException>(search);
        (await SearchesWaiting(database, 0)).ShouldBeTrue("the server went on searching for a client that hung up");
    }

    [PostgresFact]
    public async Task A_search_over_its_time_limit_is_stopped_in_the_engine_and_answered_503()
    {
        var database = NewStore("postgres");
        await using var served = await ServedStore.Start(database: database, searchTimeLimit: TimeSpan.FromSeconds(1));
        await served.Server.Analysed;
        await using var holder = await HoldArticles(database);

        var response = await served.Http.GetAsync("/search?q=drones").WaitAsync(TimeSpan.FromSeconds(60));

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync()).ShouldContain("the search took longer than 1 s and was stopped");
        (await SearchesWaiting(database, 0)).ShouldBeTrue("the engine went on with a search the server gave up on");
    }
}
