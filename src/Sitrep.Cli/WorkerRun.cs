using System.Data.Common;
using Sitrep.Store;
using Sitrep.Web;

namespace Sitrep.Cli;

/// <summary>
/// <c>sitrep worker</c>: reads a store's queued articles into stories until the queue is empty
/// (<c>--until-empty</c>) or until stopped, looking again every <c>--every</c> seconds while there
/// is nothing to do. Several workers, on one machine or many, share one PostgreSQL store. A worker
/// that runs until stopped outlives a lost connection (a server restart, a terminated session):
/// it says so, waits, connects again and replays the stories before it goes on; its open batch
/// was never committed, so it is simply read again.
/// </summary>
public static class WorkerRun
{
    public static int Run(string database, string? name, int batchSize, bool untilEmpty, TimeSpan interval, CancellationToken stop)
    {
        var problems = new ConsoleProblemSink();
        name ??= $"{Environment.MachineName}:{Environment.ProcessId}";
        int read = 0;
        using (var progress = Progress.Start("read into stories", outputOnTerminal: false))
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using var store = ArticleStore.Open(database);
                    var worker = new StoryWorker(store, name, problems, batchSize);
                    try
                    {
                        if (Work(worker, new StoryPages(store), progress, untilEmpty, interval, stop)) break;
                    }
                    finally
                    {
                        read += worker.Read;
                    }
                }
                catch (Exception e) when (!untilEmpty && e is DbException or StoreException)
                {
                    Console.Error.WriteLine($"worker {name}: lost the store ({e.Message}); connecting again in {interval.TotalSeconds:0.#} s");
                    stop.WaitHandle.WaitOne(interval);
                }
            }
        Console.Error.WriteLine($"worker {name}: {read} articles read into stories");
        return problems.Count > 0 ? SitrepCommandLine.InputProblems : SitrepCommandLine.Success;
    }

    /// <summary>
    /// Reads batches until stopped; whenever the queue runs empty, analyses and stores the pages of
    /// the stories that changed (once for a backlog, not once per batch). True when the work is done
    /// (an empty queue with --until-empty, or a stop).
    /// </summary>
    private static bool Work(StoryWorker worker, StoryPages pages, Progress progress, bool untilEmpty, TimeSpan interval, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var read = worker.ReadBatch();
            foreach (var document in read) progress.Advance(document);
            if (read.Count > 0) continue;
            pages.UpdateStale(stop);
            if (untilEmpty) return true;
            stop.WaitHandle.WaitOne(interval);
        }
        return true;
    }
}
