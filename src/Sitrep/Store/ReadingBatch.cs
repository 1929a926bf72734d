using System.Data.Common;
using Sitrep.Stories;

namespace Sitrep.Store;

/// <summary>
/// One worker's claimed articles (<see cref="ArticleStore.ClaimBatch"/>): the worker reads them,
/// takes the story-assignment lock, catches up on the readings other workers committed since it
/// last looked, takes each article off the queue (<see cref="Dequeue"/>) and records its reading,
/// and commits. The readings and the end of the articles' queueing commit together or not at all,
/// so an article is read into a story exactly once. On PostgreSQL the claim holds the articles'
/// rows from the start; on SQLite the write transaction begins only with the lock, so that a
/// batch being read blocks no other writer, and an article another worker read meanwhile is no
/// longer queued and is skipped.
/// </summary>
public sealed class ReadingBatch : IDisposable
{
    private readonly ArticleStore store;
    private DbTransaction? transaction;
    private DbCommand? record, dequeue, joinStory;

    private readonly IReadOnlyList<long> seqs;

    internal ReadingBatch(ArticleStore store, DbTransaction? transaction, IReadOnlyList<Document> documents, IReadOnlyList<long> seqs)
    {
        this.store = store;
        this.transaction = transaction;
        this.seqs = seqs;
        Documents = documents;
    }

    /// <summary>
    /// Waits until the articles queued before this batch are read (by other workers), then says how
    /// many of its first articles may be assigned now, in queue order (the others stay queued when
    /// the batch commits); 0 when an earlier article has no worker any more: then the batch is
    /// given up and claimed again.
    /// </summary>
    public int AssignableNow() => store.AssignableNow(transaction, seqs);

    /// <summary>The claimed articles, in the order they were stored.</summary>
    public IReadOnlyList<Document> Documents { get; }

    /// <summary>Waits until no other transaction assigns stories; holds that until this one ends.</summary>
    public void LockStoryAssignment()
    {
        transaction ??= store.BeginTransaction();
        store.LockStoryAssignment(transaction);
    }

    private DbTransaction Locked => transaction ?? throw new InvalidOperationException("LockStoryAssignment first");

    /// <summary>The readings committed after <paramref name="seq"/>, in the order they were assigned.</summary>
    public IEnumerable<StoredReading> ReadingsAfter(long seq) => store.ReadingsAfter(Locked, seq);

    /// <summary>Takes a claimed article off the queue; false when another worker read it first (then it gets no reading here).</summary>
    public bool Dequeue(Document document)
    {
        dequeue ??= store.Command(Locked, "DELETE FROM queue WHERE seq = (SELECT seq FROM articles WHERE id = @id)", "id");
        return ArticleStore.Run(dequeue, document.Id).ExecuteNonQuery() > 0;
    }

    /// <summary>
    /// Records what the worker made of one article it took off the queue: its story and terms (the
    /// story's row counts it), or the problem that kept it out of every story. Returns the reading's place in the order of assignments.
    /// </summary>
    public long Record(Document document, string worker, int? story, DocumentTerms? terms, string? problem)
    {
        record ??= store.Command(Locked, """
            INSERT INTO readings (article_id, worker, story, terms, problem, read_at)
            VALUES (@article, @worker, @story, @terms, @problem, @readAt) RETURNING seq
            """, "article", "worker", "story", "terms", "problem", "readAt");
        long seq = Convert.ToInt64(ArticleStore.Run(record, document.Id, worker, story, terms == null ? null : DocumentTermsCodec.Encode(terms), problem,
            DateTime.UtcNow.ToString("O")).ExecuteScalar());
        if (story != null)
        {
            joinStory ??= store.Command(Locked, ArticleStore.JoinStory, "story", "seq", "article", "title");
            ArticleStore.Run(joinStory, story, seq, document.Id, document.Title).ExecuteNonQuery();
        }
        return seq;
    }

    public void Commit() => Locked.Commit();

    public void Dispose()
    {
        record?.Dispose();
        dequeue?.Dispose();
        joinStory?.Dispose();
        transaction?.Dispose();
    }
}

/// <summary>A committed reading: its place in the order of assignments, its story (null when the article could not be read), terms, article and worker.</summary>
public sealed record StoredReading(long Seq, int? Story, DocumentTerms? Terms, string Article, string Worker);
