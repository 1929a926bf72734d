using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Sitrep.Store;

/// <summary>
/// The store on embedded SQLite, in WAL mode. Every write transaction takes the database's one
/// write lock when it begins (BEGIN IMMEDIATE), so workers on one file take turns batch by batch
/// and story assignment needs no lock of its own.
/// </summary>
public sealed class SqliteArticleStore : ArticleStore
{
    private static readonly string Schema = $"""
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = NORMAL;
        {Tables("INTEGER PRIMARY KEY", "BLOB")}
        CREATE VIRTUAL TABLE IF NOT EXISTS articles_search USING fts5(title, text, content='articles', content_rowid='seq');
        CREATE TRIGGER IF NOT EXISTS articles_searchable AFTER INSERT ON articles BEGIN
            INSERT INTO articles_search (rowid, title, text) VALUES (new.seq, new.title, new.text);
        END;
        """;

    private SqliteArticleStore(SqliteConnection connection) : base(connection) { }

    /// <summary>Opens the database file, creating it and its schema when missing.</summary>
    public static new SqliteArticleStore Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        var store = new SqliteArticleStore(connection);
        store.Execute(Schema);
        store.CountStoriesOnce();
        return store;
    }

    protected override string ClaimLock => "";

    internal override void LockStoryAssignment(DbTransaction transaction) { }

    protected override IReadOnlyList<SearchHit> Search(IReadOnlyList<string> query, int limit, CancellationToken cancel)
    {
        // Every word a quoted phrase: FTS5 then reads no operators, columns or NEAR groups from the query.
        var words = query.Select(w => "\"" + w.Replace("\"", "\"\"") + "\"");
        using var search = Command(null, """
            SELECT a.id, a.title, snippet(articles_search, 1, '[', ']', '…', 16)
            FROM articles_search JOIN articles a ON a.seq = articles_search.rowid
            WHERE articles_search MATCH @query ORDER BY rank LIMIT @limit
            """, "query", "limit");
        // The engine asks every thousand steps whether to go on (sqlite3_interrupt from another thread
        // could come just before the statement starts, which clears it); no means SQLITE_INTERRUPT.
        var connection = ((SqliteConnection)Connection).Handle;
        SQLitePCL.raw.sqlite3_progress_handler(connection, 1_000, _ => cancel.IsCancellationRequested ? 1 : 0, null);
        try
        {
            using var reader = Run(search, string.Join(' ', words), limit).ExecuteReader();
            var hits = new List<SearchHit>();
            while (reader.Read()) hits.Add(new SearchHit(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2)));
            return hits;
        }
        finally
        {
            SQLitePCL.raw.sqlite3_progress_handler(connection, 0, null, null);
        }
    }
}
