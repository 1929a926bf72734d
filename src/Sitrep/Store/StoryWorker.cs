using Sitrep.Composition;
using System.Collections.Concurrent;
using Sitrep.Stories;

namespace Sitrep.Store;

/// <summary>
/// Reads a store's queued articles into stories, batch by batch (<c>sitrep worker</c>). The costly
/// part, the per-document pipeline, runs while the batch is claimed but before any lock, so
/// workers on several machines read in parallel. Then, holding the story-assignment lock, the
/// worker replays the assignments others committed since its last batch into its own
/// <see cref="StoryStream"/> and assigns its documents (those no other worker read meanwhile):
/// every worker's stream passes through the same assignments in the same order, so all of them
/// agree on every story. A batch is assigned only once every article queued before it is, and
/// only up to the first article another worker holds (<see cref="ReadingBatch.AssignableNow"/>),
/// so the stories are those of one serial
/// stream over the queue, whatever the number of workers and their timing. A worker killed at any
/// moment commits nothing of its open batch.
/// </summary>
public sealed class StoryWorker(ArticleStore store, string name, IProblemSink problems, int batchSize = 128)
{
    private readonly Pipeline pipeline = Pipeline.StoryReading();
    private StoryStream stream = new();
    private long replayedUpTo;

    /// <summary>Articles this worker read and committed.</summary>
    public int Read { get; private set; }

    /// <summary>Works until the queue is empty or <paramref name="stop"/> is cancelled; returns the articles read.</summary>
    public int RunUntilEmpty(CancellationToken stop = default)
    {
        int before = Read;
        while (!stop.IsCancellationRequested && ReadBatch().Count > 0) { }
        return Read - before;
    }

    /// <summary>Claims, reads and commits one batch; returns its documents (none when nothing is queued).</summary>
    public IReadOnlyList<Document> ReadBatch()
    {
        while (true)
        {
            using var batch = store.ClaimBatch(batchSize);
            if (batch.Documents.Count == 0) return [];
            // Load-balanced: a range partition would leave one core idle behind a batch's longest articles.
            var read = Partitioner.Create(batch.Documents.ToArray(), loadBalance: true).AsParallel().AsOrdered().Select(ReadDocument).ToList();
            int assignable = batch.AssignableNow();
            if (assignable > 0)
            {
                Assign(batch, read[..assignable]);
                return batch.Documents.Take(assignable).ToList();
            }
        }
    }

    /// <summary>Under the story-assignment lock: replays what others assigned since the last batch, then assigns and records this one's articles.</summary>
    private void Assign(ReadingBatch batch, List<(Document Document, DocumentTerms? Terms, string? Problem)> read)
    {
        int recorded = 0;
        try
        {
            batch.LockStoryAssignment();
            foreach (var reading in batch.ReadingsAfter(replayedUpTo))
            {
                if (reading is { Story: { } story, Terms: { } terms }) stream.Replay(terms, story);
                replayedUpTo = reading.Seq;
            }
            foreach (var (document, terms, problem) in read)
            {
                if (!batch.Dequeue(document)) continue;
                recorded++;
                int? story = terms == null ? null : stream.Assign(terms);
                replayedUpTo = batch.Record(document, name, story, terms, problem);
            }
            batch.Commit();
        }
        catch
        {
            // The stream saw assignments that were never committed: start again from the store's.
            stream = new StoryStream();
            replayedUpTo = 0;
            throw;
        }
        Read += recorded;
    }

    private (Document Document, DocumentTerms? Terms, string? Problem) ReadDocument(Document document)
    {
        try
        {
            pipeline.Process(document);
            return (document, document.Get<StoryFeatures>()!.Terms, null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var problem = $"document {document.Id} could not be processed: {e.GetType().Name}: {e.Message}";
            problems.Report(new Problem(document.Source, problem));
            return (document, null, problem);
        }
    }
}
