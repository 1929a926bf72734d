using Npgsql;
using Sitrep.Store;

namespace Sitrep.Tests.Store;

/// <summary>
/// The PostgreSQL server the tests use: SITREP_POSTGRES (postgres://user@host:port/database), which
/// ./test and .ci/run set by starting tools/postgres-test-server. Each test gets a database of its own.
/// </summary>
public static class TestPostgres
{
    public static string? Server => Environment.GetEnvironmentVariable("SITREP_POSTGRES") is { Length: > 0 } server ? server : null;

    /// <summary>A new empty database on the server; its address.</summary>
    public static string NewDatabase()
    {
        var server = Server ?? throw new InvalidOperationException("SITREP_POSTGRES is not set (./test starts tools/postgres-test-server)");
        var name = "sitrep_test_" + Guid.NewGuid().ToString("N")[..12];
        using var admin = new NpgsqlConnection(PostgresArticleStore.ConnectionString(server));
        admin.Open();
        using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
        create.ExecuteNonQuery();
        var uri = new UriBuilder(server) { Path = "/" + name };
        return uri.Uri.ToString();
    }

    public static void DropDatabase(string address)
    {
        var name = new Uri(address).AbsolutePath.Trim('/');
        NpgsqlConnection.ClearAllPools();
        using var admin = new NpgsqlConnection(PostgresArticleStore.ConnectionString(Server!));
        admin.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
        drop.ExecuteNonQuery();
    }
}

/// <summary>
/// A fact that needs PostgreSQL: skipped, saying why, where SITREP_POSTGRES is not set, except in CI,
/// where the server must be there and the test fails without it.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestPostgres.Server == null && Environment.GetEnvironmentVariable("CI") != "true")
            Skip = "SITREP_POSTGRES is not set: run ./test, which starts tools/postgres-test-server";
    }
}

/// <summary>
/// Tests that run many processes on every core (workers, killed ingests): alone, after the others,
/// so that the tests holding inputs to a time limit never share the cores with them.
/// </summary>
[CollectionDefinition(nameof(ProcessHeavyCollection), DisableParallelization = true)]
public sealed class ProcessHeavyCollection;

/// <summary>A test class given a fresh store of either kind per test, removed afterwards.</summary>
public abstract class StoreTest : TestFolder
{
    private readonly List<string> postgresDatabases = [];

    /// <summary>Both kinds; PostgreSQL only where the tests have a server (always in CI, where its absence fails the tests).</summary>
    public static TheoryData<string> Kinds()
    {
        var kinds = new TheoryData<string> { "sqlite" };
        if (TestPostgres.Server != null || Environment.GetEnvironmentVariable("CI") == "true") kinds.Add("postgres");
        return kinds;
    }

    /// <summary>The address of a new empty store of this kind ("sqlite" or "postgres").</summary>
    protected string NewStore(string kind)
    {
        if (kind == "sqlite") return Path.Combine(Folder, $"store-{Guid.NewGuid():N}.db");
        var address = TestPostgres.NewDatabase();
        postgresDatabases.Add(address);
        return address;
    }

    public override void Dispose()
    {
        foreach (var database in postgresDatabases) TestPostgres.DropDatabase(database);
        base.Dispose();
    }
}
