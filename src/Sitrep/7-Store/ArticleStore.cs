using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Sitrep.Store;

/// <summary>
/// The store stage on embedded SQLite: every article once, recognised by a hash of its content, kept
/// as it arrived (text or page, and its metadata) so that any later analysis reads it again. Writes
/// go in transactions of <see cref="BatchSize"/> articles; the database runs in WAL mode, so a
/// killed writer loses at most its open batch and never leaves a half-written article.
/// </summary>
public sealed class ArticleStore : IDisposable
{
    public const int BatchSize = 500;

    private const string Schema = """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = NORMAL;
        CREATE TABLE IF NOT EXISTS articles (
            id            TEXT PRIMARY KEY,
            content_hash  TEXT NOT NULL UNIQUE,
            source        TEXT NOT NULL,
            source_line   INTEGER NOT NULL,
            url           TEXT,
            title         TEXT,
            outlet        TEXT,
            published     TEXT,
            html          TEXT,
            text          TEXT NOT NULL,
            text_is_input INTEGER NOT NULL,
            added         TEXT NOT NULL
        );
        CREATE VIRTUAL TABLE IF NOT EXISTS articles_search USING fts5(title, text, content='articles', content_rowid='rowid');
        CREATE TRIGGER IF NOT EXISTS articles_searchable AFTER INSERT ON articles BEGIN
            INSERT INTO articles_search (rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        """;

    private readonly SqliteConnection connection;

    private ArticleStore(SqliteConnection connection) => this.connection = connection;

    /// <summary>Opens the database file, creating it and its schema when missing.</summary>
    public static ArticleStore Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = Schema;
            create.ExecuteNonQuery();
        }
        return new ArticleStore(connection);
    }

    public long Count
    {
        get
        {
            using var count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM articles";
            return (long)count.ExecuteScalar()!;
        }
    }

    /// <summary>
    /// Stores the articles not stored yet (by content); returns how many were new. An article whose
    /// id is taken by other content is reported, not stored.
    /// </summary>
    public int Add(IEnumerable<Document> documents, IProblemSink problems)
    {
        int added = 0;
        foreach (var batch in documents.Chunk(BatchSize))
        {
            using var transaction = connection.BeginTransaction();
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO articles (id, content_hash, source, source_line, url, title, outlet, published, html, text, text_is_input, added)
                VALUES ($id, $hash, $source, $line, $url, $title, $outlet, $published, $html, $text, $textIsInput, $added)
                ON CONFLICT DO NOTHING
                """;
            var parameters = new[] { "$id", "$hash", "$source", "$line", "$url", "$title", "$outlet", "$published", "$html", "$text", "$textIsInput", "$added" }
                .Select(name => insert.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();
            using var holder = connection.CreateCommand();
            holder.Transaction = transaction;
            holder.CommandText = "SELECT content_hash FROM articles WHERE id = $id";
            var heldId = holder.Parameters.Add(new SqliteParameter { ParameterName = "$id" });
            var now = DateTime.UtcNow.ToString("O");
            foreach (var d in batch)
            {
                var hash = ContentHash(d);
                object?[] values = [d.Id, hash, d.Source.File, d.Source.Line, d.Url, d.Title, d.Outlet, d.Published?.ToString(), d.Html, d.Text, d.TextIsInput ? 1 : 0, now];
                for (int i = 0; i < values.Length; i++) parameters[i].Value = values[i] ?? DBNull.Value;
                if (insert.ExecuteNonQuery() == 1) { added++; continue; }
                heldId.Value = d.Id;
                if (holder.ExecuteScalar() is string held && held != hash)
                    problems.Report(new Problem(d.Source, $"id {d.Id} is already stored with other content; not stored"));
            }
            transaction.Commit();
        }
        return added;
    }

    /// <summary>The stored articles in the order they were added, as the ingest stage would deliver them.</summary>
    public IEnumerable<Document> Documents()
    {
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT id, source, source_line, url, title, outlet, published, html, text, text_is_input FROM articles ORDER BY rowid";
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            var document = new Document(reader.GetString(0), new SourceLocation(reader.GetString(1), reader.GetInt32(2)))
            {
                Url = reader.IsDBNull(3) ? null : reader.GetString(3),
                Title = reader.IsDBNull(4) ? null : reader.GetString(4),
                Outlet = reader.IsDBNull(5) ? null : reader.GetString(5),
                Html = reader.IsDBNull(7) ? null : reader.GetString(7),
                Text = reader.GetString(8),
                TextIsInput = reader.GetInt64(9) != 0,
            };
            if (!reader.IsDBNull(6) && PartialDate.TryParse(reader.GetString(6), out var published)) document.Published = published;
            yield return document;
        }
    }

    /// <summary>
    /// Full-text search over titles and texts (SQLite FTS5), best matches first. Every word of the
    /// query is searched as a quoted phrase, so no query syntax reaches the engine; the query is a
    /// parameter, never part of the SQL.
    /// </summary>
    public IReadOnlyList<SearchHit> Search(string query, int limit = 50)
    {
        var words = query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => "\"" + w.Replace("\"", "\"\"") + "\"").ToList();
        if (words.Count == 0) return [];
        using var search = connection.CreateCommand();
        search.CommandText = """
            SELECT a.id, a.title, snippet(articles_search, 1, '[', ']', '…', 16)
            FROM articles_search JOIN articles a ON a.rowid = articles_search.rowid
            WHERE articles_search MATCH $query ORDER BY rank LIMIT $limit
            """;
        search.Parameters.AddWithValue("$query", string.Join(' ', words));
        search.Parameters.AddWithValue("$limit", limit);
        using var reader = search.ExecuteReader();
        var hits = new List<SearchHit>();
        while (reader.Read()) hits.Add(new SearchHit(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2)));
        return hits;
    }

    /// <summary>The same article from two feeds or two runs has the same content (page or text), whatever its id.</summary>
    private static string ContentHash(Document document) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(document.Html ?? document.Text)));

    public void Dispose() => connection.Dispose();
}

/// <summary>An article found by <see cref="ArticleStore.Search"/>, with the matching words [bracketed] in a snippet of its text.</summary>
public sealed record SearchHit(string Id, string? Title, string Snippet);
