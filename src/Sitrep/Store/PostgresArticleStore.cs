using System.Data.Common;
using Npgsql;

namespace Sitrep.Store;

/// <summary>
/// The store on PostgreSQL, for several workers on several machines. Workers claim queued
/// articles with <c>FOR UPDATE SKIP LOCKED</c>, so each batch has one reader and nobody waits for
/// another's batch; story assignment, the one step that must see every earlier assignment, takes a
/// transaction-scoped advisory lock. Full-text search uses a stored tsvector with a GIN index.
/// </summary>
public sealed class PostgresArticleStore : ArticleStore
{
    /// <summary>Advisory lock keys of this schema: one for creating it, one for assigning stories.</summary>
    private const long SchemaLock = 0x5173_7265_7001, AssignmentLock = 0x5173_7265_7002;

    private static readonly string Schema = $"""
        {Tables("BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "BYTEA",
            ",\n    search tsvector GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, '') || ' ' || text)) STORED")}
        CREATE INDEX IF NOT EXISTS articles_search ON articles USING gin (search);
        """;

    private PostgresArticleStore(NpgsqlConnection connection) : base(connection) { }

    public static bool IsAddress(string database) =>
        database.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || database.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Connects and creates the schema when missing (under a lock, since workers may start together).</summary>
    public static new PostgresArticleStore Open(string address)
    {
        var connection = new NpgsqlConnection(ConnectionString(address));
        connection.Open();
        var store = new PostgresArticleStore(connection);
        store.Execute($"SELECT pg_advisory_lock({SchemaLock})");
        try
        {
            store.Execute(Schema);
            store.CountStoriesOnce();
        }
        finally
        {
            store.Execute($"SELECT pg_advisory_unlock({SchemaLock})");
        }
        return store;
    }

    /// <summary>A <c>postgres://user:password@host:port/database?key=value</c> address as Npgsql's connection string.</summary>
    public static string ConnectionString(string address)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
            throw new ArgumentException($"{address}: not a postgres://user@host:port/database address");
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } name ? name : "postgres",
            // A claimed batch holds its transaction while it is read; the default 30 s would cut a slow one.
            CommandTimeout = 300,
        };
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2) builder.Password = Uri.UnescapeDataString(parts[1]);
        }
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            builder[Uri.UnescapeDataString(kv[0])] = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "";
        }
        return builder.ToString();
    }

    protected override string ClaimLock => " FOR UPDATE OF q SKIP LOCKED";

    internal override void LockStoryAssignment(DbTransaction transaction)
    {
        using var command = Command(transaction, $"SELECT pg_advisory_xact_lock({AssignmentLock})");
        command.ExecuteNonQuery();
    }

    /// <summary>How much of a hit's text its snippet is looked for in (the words are matched in all of it).</summary>
    private const int SnippetChars = 4_000;

    protected override IReadOnlyList<SearchHit> Search(IReadOnlyList<string> words, int limit, CancellationToken cancel)
    {
        // plainto_tsquery reads plain words joined by AND: no operators of the query reach the engine.
        // The snippet comes from the text's first SnippetChars: ts_headline parses all it is given, and
        // the 50 hits' whole texts took 0.7-0.9 s of a "police" search on 10,854 articles, their first 3,000-4,000 characters 0.15-0.6 s (load 28-36).
        using var search = Command(null, $$"""
            SELECT id, title, ts_headline('english', left(text, {{SnippetChars}}), q, 'StartSel=[, StopSel=], MaxWords=16, MinWords=6, FragmentDelimiter=…')
            FROM articles, plainto_tsquery('english', @query) q
            WHERE search @@ q ORDER BY ts_rank(search, q) DESC, seq LIMIT @limit
            """, "query", "limit");
        // With a token Npgsql sends the server a cancel request when it is cancelled, whenever that is.
        using var reader = Run(search, string.Join(' ', words), limit).ExecuteReaderAsync(cancel).GetAwaiter().GetResult();
        var hits = new List<SearchHit>();
        while (reader.ReadAsync(cancel).GetAwaiter().GetResult()) hits.Add(new SearchHit(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2)));
        return hits;
    }
}
