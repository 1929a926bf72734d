using Sitrep.Ingest;
using Sitrep.Store;

namespace Sitrep.Cli;

/// <summary>
/// <c>sitrep watch DIR</c>: follows a growing folder, storing the articles of every file that
/// appears or changes (by size and time of last write), until stopped. Files being written when
/// they are seen are read again once they change; the store keeps each article once.
/// </summary>
public static class WatchRun
{
    public static int Run(string folder, string database, TimeSpan interval, CancellationToken stop)
    {
        if (!Directory.Exists(folder))
        {
            Console.Error.WriteLine($"{folder}: no such folder");
            return SitrepCommandLine.BadUsage;
        }
        var problems = new ConsoleProblemSink();
        var source = new ArticleSource(problems);
        var seen = new Dictionary<string, (long Size, DateTime Written)>(StringComparer.Ordinal);
        using var store = ArticleStore.Open(database);
        while (!stop.IsCancellationRequested)
        {
            var changed = source.Expand([folder]).Where(file =>
            {
                var info = new FileInfo(file.DisplayName);
                var state = (info.Length, info.LastWriteTimeUtc);
                if (seen.GetValueOrDefault(file.DisplayName) == state) return false;
                seen[file.DisplayName] = state;
                return true;
            }).ToList();
            if (changed.Count > 0)
            {
                int added = store.Add(IngestRun.Extracted(changed.SelectMany(source.ReadFile)), problems);
                Console.Error.WriteLine($"{database}: {added} new articles from {changed.Count} files, {store.Count} in all");
            }
            stop.WaitHandle.WaitOne(interval);
        }
        return problems.Count > 0 ? SitrepCommandLine.InputProblems : SitrepCommandLine.Success;
    }
}
