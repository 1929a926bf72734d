using System.Diagnostics;
using System.Text.Json;
using Sitrep;

/// <summary>
/// A whole command run as users run it (<c>./sitrep</c>, in a child process) over a corpus made of
/// <c>copies</c> of the input documents, each copy with its own ids and a line of its own so that it
/// counts as new articles: articles/s on the wall clock and per CPU-second, and the command's peak
/// resident memory. <c>analyze</c> runs end to end (read, annotate, stories, situation, report
/// files); <c>ingest</c> stores the corpus in a new SQLite database.
/// </summary>
internal static class CommandBench
{
    public static int Run(string name, IReadOnlyList<string> inputs, int copies)
    {
        var documents = StageBench.Read(inputs);
        string folder = Directory.CreateTempSubdirectory("sitrep-bench-").FullName;
        string corpus = Path.Combine(folder, "corpus.jsonl");
        WriteCopies(documents, copies, corpus);
        int articles = documents.Count * copies;
        long bytes = new FileInfo(corpus).Length;

        string sitrep = Sitrep();
        string[] arguments = name == "ingest" ? ["ingest", corpus, "--db", Path.Combine(folder, "sitrep.db")] : ["analyze", corpus, "--out", Path.Combine(folder, "out")];
        var start = new ProcessStartInfo(sitrep, arguments) { RedirectStandardError = true };
        var clock = Stopwatch.StartNew();
        using var command = Process.Start(start)!;
        var errors = command.StandardError.ReadToEndAsync();
        double cpu = 0;
        long peak = 0;
        // The kernel forgets a process's figures when it ends, so they are read while it runs.
        while (!command.WaitForExit(50))
        {
            try
            {
                cpu = command.TotalProcessorTime.TotalSeconds;
                peak = Math.Max(peak, PeakResidentBytes(command.Id));
            }
            catch (InvalidOperationException) { } // ended between the wait and the reading
        }
        clock.Stop();
        double seconds = clock.Elapsed.TotalSeconds;
        Console.Error.Write(errors.Result);
        Console.WriteLine($"{name}: {articles} articles ({bytes / 1e6:F0} MB of JSON Lines) in {seconds:F1} s = {articles / seconds:F0} articles/s " +
                          $"({Environment.ProcessorCount} cores), {bytes / 1e6 / seconds:F1} MB/s; {cpu:F1} s of CPU = {articles / cpu:F0} articles per CPU-second; " +
                          $"peak memory {peak / 1e6:F0} MB; exit code {command.ExitCode}");
        Directory.Delete(folder, recursive: true);
        return command.ExitCode;
    }

    /// <summary>The command as users run it: ./sitrep at the repository root, built first (untimed).</summary>
    public static string Sitrep()
    {
        string sitrep = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../sitrep"));
        using var build = Process.Start(new ProcessStartInfo(sitrep, "--help") { RedirectStandardOutput = true })!;
        build.StandardOutput.ReadToEnd();
        build.WaitForExit();
        return sitrep;
    }

    /// <summary>VmHWM of /proc/PID/status: the most resident memory the process has had.</summary>
    private static long PeakResidentBytes(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        return 0;
    }

    public static void WriteCopies(List<Document> documents, int copies, string path)
    {
        using var stream = File.Create(path);
        using var writer = new Utf8JsonWriter(stream);
        for (int copy = 0; copy < copies; copy++)
            foreach (var d in documents)
            {
                writer.WriteStartObject();
                writer.WriteString("id", $"{d.Id}#{copy}");
                writer.WriteString(d.Html != null ? "html" : "text", d.Html != null ? $"{d.Html}<!-- copy {copy} -->" : $"{d.Text}\n\nCopy {copy}.");
                if (d.Title != null) writer.WriteString("title", d.Title);
                if (d.Url != null) writer.WriteString("url", d.Url);
                if (d.Published is { } published) writer.WriteString("published", published.ToString());
                writer.WriteEndObject();
                writer.Flush();
                stream.WriteByte((byte)'\n');
                writer.Reset();
            }
    }
}
