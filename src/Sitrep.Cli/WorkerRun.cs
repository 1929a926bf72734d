using Sitrep.Store;

namespace Sitrep.Cli;

/// <summary>
/// <c>sitrep worker</c>: reads a store's queued articles into stories until the queue is empty
/// (<c>--until-empty</c>) or until stopped, looking again every <c>--every</c> seconds while there
/// is nothing to do. Several workers, on one machine or many, share one PostgreSQL store.
/// </summary>
public static class WorkerRun
{
    public static int Run(string database, string? name, int batchSize, bool untilEmpty, TimeSpan interval, CancellationToken stop)
    {
        var problems = new ConsoleProblemSink();
        name ??= $"{Environment.MachineName}:{Environment.ProcessId}";
        using var store = ArticleStore.Open(database);
        var worker = new StoryWorker(store, name, problems, batchSize);
        using (var progress = Progress.Start("read into stories", outputOnTerminal: false))
            while (!stop.IsCancellationRequested)
            {
                var read = worker.ReadBatch();
                foreach (var document in read) progress.Advance(document);
                if (read.Count > 0) continue;
                if (untilEmpty) break;
                stop.WaitHandle.WaitOne(interval);
            }
        Console.Error.WriteLine($"worker {name}: {worker.Read} articles read into stories, {store.Queued} queued");
        return problems.Count > 0 ? SitrepCommandLine.InputProblems : SitrepCommandLine.Success;
    }
}
