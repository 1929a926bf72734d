using System.Diagnostics;
using System.Text.Json;
using Sitrep;
using Sitrep.Cli;

/// <summary>
/// <c>sitrep analyze</c> end to end (read, annotate, stories, situation, report files) over a corpus
/// made of <c>copies</c> of the input documents, each copy with its own ids so that it counts as
/// new articles: articles/s on the wall clock and per CPU-second, and the process's peak memory.
/// </summary>
internal static class AnalyzeBench
{
    public static int Run(IReadOnlyList<string> inputs, int copies)
    {
        var documents = StageBench.Read(inputs);
        string folder = Directory.CreateTempSubdirectory("sitrep-bench-").FullName;
        string corpus = Path.Combine(folder, "corpus.jsonl");
        WriteCopies(documents, copies, corpus);
        int articles = documents.Count * copies;
        long bytes = new FileInfo(corpus).Length;
        documents.Clear();
        GC.Collect();

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        int exit = AnalyzeRun.Run([corpus], Path.Combine(folder, "out"));
        clock.Stop();
        double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        double seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"analyze: {articles} articles ({bytes / 1e6:F0} MB of JSON Lines) in {seconds:F1} s = {articles / seconds:F0} articles/s " +
                          $"({Environment.ProcessorCount} cores), {bytes / 1e6 / seconds:F1} MB/s; {cpu:F1} s of CPU = {articles / cpu:F0} articles per CPU-second; " +
                          $"peak memory {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB; exit code {exit}");
        Directory.Delete(folder, recursive: true);
        return exit;
    }

    private static void WriteCopies(List<Document> documents, int copies, string path)
    {
        using var stream = File.Create(path);
        using var writer = new Utf8JsonWriter(stream);
        for (int copy = 0; copy < copies; copy++)
            foreach (var d in documents)
            {
                writer.WriteStartObject();
                writer.WriteString("id", $"{d.Id}#{copy}");
                writer.WriteString(d.Html != null ? "html" : "text", d.Html ?? d.Text);
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
