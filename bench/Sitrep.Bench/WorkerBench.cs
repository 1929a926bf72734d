using System.Diagnostics;
using Npgsql;
using Sitrep.Store;

/// <summary>
/// <c>sitrep worker</c> processes sharing one PostgreSQL store: for each worker count, a new database
/// holding <c>copies</c> of the input (stored by <c>sitrep ingest</c>, untimed), then that many workers
/// started together and timed until the last one finds the queue empty. Prints articles/s on the
/// wall clock and the workers' CPU seconds.
/// </summary>
internal static class WorkerBench
{
    public static int Run(IReadOnlyList<string> inputs, int copies, IReadOnlyList<int> workerCounts, string server)
    {
        var documents = StageBench.Read(inputs);
        string folder = Directory.CreateTempSubdirectory("sitrep-bench-").FullName;
        string corpus = Path.Combine(folder, "corpus.jsonl");
        CommandBench.WriteCopies(documents, copies, corpus);
        int articles = documents.Count * copies;
        string sitrep = CommandBench.Sitrep();
        Console.WriteLine($"workers: {articles} articles on {Environment.ProcessorCount} cores, PostgreSQL at {new Uri(server).Host}:{new Uri(server).Port}");
        Console.WriteLine("| workers | seconds | articles/s | CPU seconds |");
        Console.WriteLine("|---:|---:|---:|---:|");
        int exit = 0;
        foreach (int count in workerCounts)
        {
            string database = NewDatabase(server, $"sitrep_bench_{count}_{Environment.ProcessId}");
            try
            {
                Wait(Process.Start(new ProcessStartInfo(sitrep, ["ingest", corpus, "--db", database]) { RedirectStandardError = true })!);
                var clock = Stopwatch.StartNew();
                var workers = Enumerable.Range(1, count)
                    .Select(i => Process.Start(new ProcessStartInfo(sitrep, ["worker", "--db", database, "--name", $"bench{i}", "--until-empty"]) { RedirectStandardError = true })!)
                    .ToList();
                var errors = workers.Select(w => w.StandardError.ReadToEndAsync()).ToList();
                double cpu = 0;
                // The kernel forgets a process's figures when it ends, so they are read while it runs.
                var last = new double[count];
                while (workers.Any(w => !w.WaitForExit(20)))
                    for (int i = 0; i < count; i++)
                        try { if (!workers[i].HasExited) last[i] = workers[i].TotalProcessorTime.TotalSeconds; }
                        catch (InvalidOperationException) { }
                clock.Stop();
                cpu = last.Sum();
                foreach (var e in errors) Console.Error.Write(e.Result);
                exit |= workers.Aggregate(0, (code, w) => code | w.ExitCode);
                double seconds = clock.Elapsed.TotalSeconds;
                Console.WriteLine($"| {count} | {seconds:F1} | {articles / seconds:F0} | {cpu:F1} |");
            }
            finally
            {
                DropDatabase(server, database);
            }
        }
        Directory.Delete(folder, recursive: true);
        return exit;
    }

    private static void Wait(Process process)
    {
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"ingest exited with {process.ExitCode}");
    }

    internal static string NewDatabase(string server, string name)
    {
        using var admin = new NpgsqlConnection(PostgresArticleStore.ConnectionString(server));
        admin.Open();
        using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name}", admin)) drop.ExecuteNonQuery();
        using (var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin)) create.ExecuteNonQuery();
        return new UriBuilder(server) { Path = "/" + name }.Uri.ToString();
    }

    internal static void DropDatabase(string server, string database)
    {
        using var admin = new NpgsqlConnection(PostgresArticleStore.ConnectionString(server));
        admin.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {new Uri(database).AbsolutePath.Trim('/')} WITH (FORCE)", admin);
        drop.ExecuteNonQuery();
    }
}
