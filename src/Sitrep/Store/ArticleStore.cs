using System.Data.Common;
using Sitrep.Ingest;
using Sitrep.Stories;

namespace Sitrep.Store;

/// <summary>
/// The store stage: every article once, recognised by a hash of its content, kept as it arrived
/// (text or page, and its metadata) so that any later analysis reads it again; a queue of the
/// articles not read into stories yet; and the readings (<see cref="ReadingBatch"/>): each read
/// article's story and the terms it was assigned by. Embedded SQLite (<see cref="SqliteArticleStore"/>)
/// and PostgreSQL (<see cref="PostgresArticleStore"/>) share this schema and this code; they differ
/// in types, full-text search and how concurrent workers claim and assign.
/// Writes go in transactions of <see cref="BatchSize"/> articles, so a killed writer loses at most
/// its open batch and never leaves a half-written article.
/// </summary>
public abstract partial class ArticleStore : IDisposable
{
    public const int BatchSize = 500;

    private const string Columns = "id, source, source_line, url, title, outlet, published, html, text, text_is_input";

    /// <summary>The tables both kinds of store create, in the dialect's words for a row number and for bytes.</summary>
    protected static string Tables(string rowNumber, string bytes, string extraArticleColumns = "") => $$"""
        CREATE TABLE IF NOT EXISTS articles (
            seq           {{rowNumber}},
            id            TEXT NOT NULL UNIQUE,
            content_hash  TEXT NOT NULL,
            source        TEXT NOT NULL,
            source_line   INTEGER NOT NULL,
            url           TEXT,
            title         TEXT,
            outlet        TEXT,
            published     TEXT,
            html          TEXT,
            text          TEXT NOT NULL,
            text_is_input INTEGER NOT NULL,
            added         TEXT NOT NULL{{extraArticleColumns}}
        );
        CREATE INDEX IF NOT EXISTS articles_content ON articles (content_hash);
        CREATE INDEX IF NOT EXISTS articles_source ON articles (source, source_line);
        CREATE TABLE IF NOT EXISTS replaced (
            id    TEXT PRIMARY KEY REFERENCES articles (id),
            by_id TEXT NOT NULL REFERENCES articles (id)
        );
        CREATE TABLE IF NOT EXISTS queue (
            seq BIGINT PRIMARY KEY REFERENCES articles (seq)
        );
        CREATE TABLE IF NOT EXISTS readings (
            seq        {{rowNumber}},
            article_id TEXT NOT NULL UNIQUE REFERENCES articles (id),
            worker     TEXT NOT NULL,
            story      INTEGER,
            terms      {{bytes}},
            problem    TEXT,
            read_at    TEXT NOT NULL
        );
        {{StoryTables}}
        """;

    protected ArticleStore(DbConnection connection) => Connection = connection;

    protected DbConnection Connection { get; }

    /// <summary>Opens the database: PostgreSQL for a <c>postgres://</c> or <c>postgresql://</c> address, else an SQLite file (created when missing).</summary>
    /// <exception cref="StoreException">The store could not be opened: a bad address, an unreachable server, a file that is no database.</exception>
    public static ArticleStore Open(string database)
    {
        try
        {
            return PostgresArticleStore.IsAddress(database) ? PostgresArticleStore.Open(database) : SqliteArticleStore.Open(database);
        }
        catch (Exception e) when (e is DbException or ArgumentException)
        {
            throw new StoreException($"{database}: cannot open the store: {e.Message}", e);
        }
    }

    public long Count => Scalar("SELECT COUNT(*) FROM articles");

    /// <summary>Articles stored but not read into stories yet.</summary>
    public long Queued => Scalar("SELECT COUNT(*) FROM queue");

    /// <summary>
    /// Stores the articles not stored yet and queues them for reading; returns how many were new.
    /// Nothing an outlet published disappears (README, "Stores and workers"): an article is already
    /// stored when its latest version has the same content; another text under a given id (a
    /// correction), or from the same file (an edited or finished file), is stored as the next free
    /// <c>ID#N</c> and replaces the earlier version in stories, pictures and analyses; a record
    /// whose id is only its place in a file is recognised by its content; the same text under two
    /// given ids (two outlets' wire copy) is two articles.
    /// </summary>
    public int Add(IEnumerable<Document> documents, IProblemSink problems)
    {
        int added = 0;
        foreach (var batch in documents.Chunk(BatchSize))
        {
            using var transaction = Connection.BeginTransaction();
            using var insert = Command(transaction, """
                INSERT INTO articles (id, content_hash, source, source_line, url, title, outlet, published, html, text, text_is_input, added)
                VALUES (@id, @hash, @source, @line, @url, @title, @outlet, @published, @html, @text, @textIsInput, @added)
                ON CONFLICT DO NOTHING RETURNING seq
                """, "id", "hash", "source", "line", "url", "title", "outlet", "published", "html", "text", "textIsInput", "added");
            using var enqueue = Command(transaction, "INSERT INTO queue (seq) VALUES (@seq)", "seq");
            using var hashOf = Command(transaction, "SELECT content_hash FROM articles WHERE id = @id", "id");
            using var withContent = Command(transaction, "SELECT COUNT(*) FROM articles WHERE content_hash = @hash", "hash");
            using var fromSource = Command(transaction,
                "SELECT id FROM articles WHERE source = @source AND source_line = @line AND id NOT IN (SELECT id FROM replaced) ORDER BY seq DESC LIMIT 1", "source", "line");
            using var replacedBy = Command(transaction, "SELECT by_id FROM replaced WHERE id = @id", "id");
            using var replace = Command(transaction, "INSERT INTO replaced (id, by_id) VALUES (@id, @by)", "id", "by");
            string? HashOf(string id) => Run(hashOf, id).ExecuteScalar() as string;
            string Latest(string id)
            {
                while (Run(replacedBy, id).ExecuteScalar() is string next) id = next;
                return id;
            }
            var now = DateTime.UtcNow.ToString("O");
            bool Insert(Document d, string hash, string? replacing)
            {
                if (Run(insert, d.Id, hash, d.Source.File, d.Source.Line, d.Url, d.Title, d.Outlet, d.Published?.ToString(), d.Html, d.Text, d.TextIsInput ? 1 : 0, now)
                    .ExecuteScalar() is not { } seq || seq is DBNull)
                    return false; // the id is taken (or, in a store made before copies were kept apart, the content)
                Run(enqueue, seq).ExecuteNonQuery();
                if (replacing != null)
                {
                    Run(replace, replacing, d.Id).ExecuteNonQuery();
                    Recount(transaction, replacing);
                }
                added++;
                return true;
            }
            foreach (var d in batch)
            {
                Storable(d);
                var hash = UniqueIds.ContentHash(d);
                // A new id needs no look-up; a text known only by its place must be looked up by content first.
                if (d.IdOrigin != IdOrigin.Position && Insert(d, hash, null)) continue;
                var held = HashOf(d.Id);
                var earlier = d.IdOrigin switch
                {
                    IdOrigin.Given => held == null ? null : Latest(d.Id),
                    IdOrigin.FileName => Run(fromSource, d.Source.File, d.Source.Line).ExecuteScalar() as string,
                    _ => null,
                };
                bool stored = earlier != null ? (earlier == d.Id ? held : HashOf(earlier)) == hash
                    : held == hash || d.IdOrigin == IdOrigin.Position && Convert.ToInt64(Run(withContent, hash).ExecuteScalar()) > 0;
                if (stored) continue;
                if (held != null)
                {
                    var taken = d.Id;
                    d.Id = UniqueIds.NextFree(taken, id => HashOf(id) != null);
                    if (earlier == null && d.IdOrigin == IdOrigin.FileName)
                        problems.Report(new Problem(d.Source, $"id {taken} is taken by another file's article; stored as {d.Id}"));
                }
                Insert(d, hash, earlier);
            }
            transaction.Commit();
        }
        return added;
    }

    /// <summary>
    /// NUL, which PostgreSQL's text cannot hold, as U+FFFD in every field (one character for one,
    /// so offsets stay), on both kinds of store alike.
    /// </summary>
    private static void Storable(Document d)
    {
        static string? Clean(string? s) => s != null && s.Contains('\0') ? s.Replace('\0', '\uFFFD') : s;
        d.Id = Clean(d.Id)!;
        d.Text = Clean(d.Text)!;
        d.Html = Clean(d.Html);
        d.Title = Clean(d.Title);
        d.Url = Clean(d.Url);
        d.Outlet = Clean(d.Outlet);
    }

    /// <summary>The stored articles in the order they were added, as the ingest stage would deliver them (the latest version of each).</summary>
    public IEnumerable<Document> Documents()
    {
        using var select = Command(null, $"SELECT {Columns} FROM articles WHERE id NOT IN (SELECT id FROM replaced) ORDER BY seq");
        using var reader = select.ExecuteReader();
        while (reader.Read()) yield return ReadDocument(reader);
    }

    /// <summary>
    /// Opens a transaction over the next <paramref name="size"/> queued articles, claimed so that no
    /// other worker reads them while it is open. Nothing is kept unless it is committed: a worker
    /// killed mid-batch leaves its articles queued for the next.
    /// </summary>
    public ReadingBatch ClaimBatch(int size)
    {
        // Where claims are row locks the claim holds a transaction; where the only lock is the
        // database's one write lock, the batch is read before it takes any (ReadingBatch.LockStoryAssignment).
        var transaction = ClaimLock.Length > 0 ? Connection.BeginTransaction() : null;
        try
        {
            using var claim = Command(transaction, $"SELECT {Columns}, q.seq FROM queue q JOIN articles a ON a.seq = q.seq ORDER BY q.seq LIMIT @size{ClaimLock}", "size");
            var documents = new List<Document>();
            var seqs = new List<long>();
            using (var reader = Run(claim, size).ExecuteReader())
                while (reader.Read())
                {
                    seqs.Add(reader.GetInt64(10));
                    documents.Add(ReadDocument(reader));
                }
            return new ReadingBatch(this, transaction, documents, seqs);
        }
        catch
        {
            transaction?.Dispose();
            throw;
        }
    }

    internal DbTransaction BeginTransaction() => Connection.BeginTransaction();

    /// <summary>
    /// Waits until no article queued before the first of <paramref name="claimed"/> (the batch's,
    /// in order) is left, then says how many of the claimed articles can be assigned now: those
    /// before the first article queued by another worker (a claim that skipped others' rows has
    /// gaps; waiting for them could deadlock). So stories are assigned in the order articles were
    /// stored, whatever the number of workers and their timing. 0 when an earlier article is claimed
    /// by no one (its worker stopped): the caller claims again from the head of the queue.
    /// </summary>
    internal int AssignableNow(DbTransaction? transaction, IReadOnlyList<long> claimed)
    {
        using var unclaimed = Command(transaction, $"SELECT q.seq FROM queue q WHERE q.seq < @first ORDER BY q.seq LIMIT 1{ClaimLock}", "first");
        using var earlier = Command(transaction, "SELECT COUNT(*) FROM queue WHERE seq < @first", "first");
        while (true)
        {
            if (Run(unclaimed, claimed[0]).ExecuteScalar() is not (null or DBNull)) return 0;
            if (Convert.ToInt64(Run(earlier, claimed[0]).ExecuteScalar()) == 0) break;
            Thread.Sleep(20);
        }
        using var queued = Command(transaction, "SELECT seq FROM queue WHERE seq >= @first AND seq <= @last ORDER BY seq", "first", "last");
        using var reader = Run(queued, claimed[0], claimed[^1]).ExecuteReader();
        int prefix = 0;
        while (reader.Read() && prefix < claimed.Count && reader.GetInt64(0) == claimed[prefix]) prefix++;
        return prefix;
    }

    /// <summary>Every committed reading, in the order the stories were assigned.</summary>
    public IEnumerable<StoredReading> Readings() => ReadingsAfter(null, 0);

    internal IEnumerable<StoredReading> ReadingsAfter(DbTransaction? transaction, long seq)
    {
        using var select = Command(transaction, "SELECT seq, story, terms, article_id, worker FROM readings WHERE seq > @seq ORDER BY seq", "seq");
        using var reader = Run(select, seq).ExecuteReader();
        while (reader.Read())
            yield return new StoredReading(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt32(1),
                reader.IsDBNull(2) ? null : DocumentTermsCodec.Decode((byte[])reader.GetValue(2)), reader.GetString(3), reader.GetString(4));
    }

    /// <summary>The stories of the committed readings in the order they were opened, each listing its articles in the order they joined (articles that could not be read are in none, replaced versions are left out).</summary>
    public IReadOnlyList<StoredStory> Stories()
    {
        var stories = new SortedDictionary<int, List<string>>();
        using var select = Command(null, "SELECT story, article_id FROM readings WHERE story IS NOT NULL AND article_id NOT IN (SELECT id FROM replaced) ORDER BY seq");
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            int story = reader.GetInt32(0);
            if (!stories.TryGetValue(story, out var articles)) stories[story] = articles = [];
            articles.Add(reader.GetString(1));
        }
        return [.. stories.Select(s => new StoredStory(s.Key, s.Value))];
    }

    /// <summary>The stored articles with these ids, in the order they were added.</summary>
    public IReadOnlyList<Document> Documents(IReadOnlyCollection<string> ids)
    {
        var wanted = ids.ToHashSet(StringComparer.Ordinal);
        var found = new List<Document>();
        foreach (var chunk in wanted.Chunk(BatchSize))
        {
            var names = chunk.Select((_, i) => "id" + i).ToArray();
            using var select = Command(null, $"SELECT {Columns} FROM articles WHERE id IN ({string.Join(", ", names.Select(n => "@" + n))})", names);
            using var reader = Run(select, chunk).ExecuteReader();
            while (reader.Read()) found.Add(ReadDocument(reader));
        }
        var order = ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
        return [.. found.OrderBy(d => order[d.Id])];
    }

    /// <summary>A search reads at most this many distinct words of its query (its cost grows with them).</summary>
    public const int MaxSearchWords = 16;

    /// <summary>
    /// Full-text search over titles and texts, best matches first, with the matching words
    /// [bracketed] in a snippet. No query syntax reaches the engine: the query is a parameter, never
    /// part of the SQL, and its words are searched as plain words: split at spaces and control or
    /// invisible characters, each once, at most <see cref="MaxSearchWords"/> of them.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancel"/> was cancelled before the search ended; the engine stops the query where it is.</exception>
    public IReadOnlyList<SearchHit> Search(string query, int limit = 50, CancellationToken cancel = default)
    {
        var words = SearchWords(query);
        if (words.Count == 0) return [];
        cancel.ThrowIfCancellationRequested();
        try
        {
            return Search(words, limit, cancel);
        }
        catch (DbException) when (cancel.IsCancellationRequested)
        {
            throw new OperationCanceledException("the search was stopped", cancel);
        }
    }

    /// <summary>The words a query searches for: split at spaces and control or invisible characters, each once (ignoring case), at most <see cref="MaxSearchWords"/>, each cut to 64 characters.</summary>
    public static IReadOnlyList<string> SearchWords(string query)
    {
        var words = new List<string>();
        foreach (var word in query.Split(Separator(query), StringSplitOptions.RemoveEmptyEntries))
            if (words.Count < MaxSearchWords && !words.Contains(word, StringComparer.OrdinalIgnoreCase)) words.Add(word.Length > 64 ? word[..64] : word);
        return words;
    }

    /// <summary>The characters of the query that separate words: spaces, controls (NUL) and invisible formatting.</summary>
    private static char[] Separator(string query) =>
        [' ', .. query.Where(c => char.IsWhiteSpace(c) || char.IsControl(c) || char.IsSurrogate(c)
                                  || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format).Distinct()];

    /// <summary>Searches for these plain words (non-empty, distinct, no separators), stopping the query when <paramref name="cancel"/> is cancelled (the engine's error then says so).</summary>
    protected abstract IReadOnlyList<SearchHit> Search(IReadOnlyList<string> words, int limit, CancellationToken cancel);

    /// <summary>What follows the claim query so that concurrent workers skip each other's articles (nothing where writers are serialised anyway).</summary>
    protected abstract string ClaimLock { get; }

    /// <summary>Makes the transaction the only one assigning stories until it ends.</summary>
    internal abstract void LockStoryAssignment(DbTransaction transaction);

    /// <summary>A command in the transaction, with a parameter for each name (<c>@name</c> in the SQL), to be given values by <see cref="Run"/>.</summary>
    internal DbCommand Command(DbTransaction? transaction, string sql, params string[] parameters)
    {
        var command = Connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    /// <summary>The command with its parameters' values in order (null as SQL NULL).</summary>
    internal static DbCommand Run(DbCommand command, params object?[] values)
    {
        for (int i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        return command;
    }

    protected void Execute(string sql)
    {
        using var command = Command(null, sql);
        command.ExecuteNonQuery();
    }

    private long Scalar(string sql)
    {
        using var command = Command(null, sql);
        return Convert.ToInt64(command.ExecuteScalar());
    }

    private static Document ReadDocument(DbDataReader reader)
    {
        var document = new Document(reader.GetString(0), new SourceLocation(reader.GetString(1), reader.GetInt32(2)))
        {
            Url = reader.IsDBNull(3) ? null : reader.GetString(3),
            Title = reader.IsDBNull(4) ? null : reader.GetString(4),
            Outlet = reader.IsDBNull(5) ? null : reader.GetString(5),
            Html = reader.IsDBNull(7) ? null : reader.GetString(7),
            Text = reader.GetString(8),
            TextIsInput = Convert.ToInt64(reader.GetValue(9)) != 0,
        };
        if (!reader.IsDBNull(6) && PartialDate.TryParse(reader.GetString(6), out var published)) document.SetPublished(published, DateProvenance.Given);
        return document;
    }


    public void Dispose() => Connection.Dispose();
}

/// <summary>A store that cannot be opened or used, said in one line for the person who named it.</summary>
public sealed class StoreException(string message, Exception inner) : Exception(message, inner);

/// <summary>An article found by <see cref="ArticleStore.Search"/>, with the matching words [bracketed] in a snippet of its text.</summary>
public sealed record SearchHit(string Id, string? Title, string Snippet);

/// <summary>A story as the store keeps it: its number and its articles' ids in the order they joined.</summary>
public sealed record StoredStory(int Number, IReadOnlyList<string> Articles)
{
    /// <summary>The story's id in every output: s1 for the first story the store opened.</summary>
    public string Id => $"s{Number + 1}";
}
