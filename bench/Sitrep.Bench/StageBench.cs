using Sitrep.Composition;
using System.Diagnostics;
using System.Text;
using Sitrep;
using Sitrep.Entities;
using Sitrep.Ingest;
using Sitrep.Places;
using Sitrep.Text;

/// <summary>
/// One pipeline stage over real files, in one process: the documents first go through the stages
/// before it (untimed), then the stage is timed over fresh copies, round after round. The first
/// rounds warm up the JIT (tiered compilation reaches full speed only after a few hundred pages);
/// the summary gives the best and the median round. CPU seconds are printed beside the wall clock
/// because on a shared machine the wall clock includes waiting for a core.
/// </summary>
internal static class StageBench
{
    private sealed record Stage(Pipeline Before, Pipeline Timed, bool OneCore, bool FromText);

    public static readonly string[] Modes = ["extract", "ner", "places", "annotate"];

    private static Stage StageFor(string mode) => mode switch
    {
        // HTML extraction and layout on all cores, from raw bytes.
        "extract" => new(new([]), Pipeline.Extraction(), OneCore: false, FromText: false),
        // Tokenize, split sentences and tag entities on ONE core: the per-core figure.
        "ner" => new(Pipeline.Extraction(), new([new SentenceSplitter(), new EntityRecognizer()]), OneCore: true, FromText: true),
        // The geoparser alone, on documents already tagged: its share of annotate's time.
        "places" => new(new([.. Pipeline.Annotation().Steps.TakeWhile(s => s is not Geoparser)]), new([new Geoparser()]), OneCore: false, FromText: true),
        // The whole annotate pipeline from raw bytes.
        _ => new(new([]), Pipeline.Annotation(), OneCore: false, FromText: false),
    };

    public static List<Document> Read(IEnumerable<string> inputs)
    {
        var problems = new ProblemList();
        var documents = new ArticleSource(problems).Read(inputs).ToList();
        foreach (var problem in problems.Items) Console.Error.WriteLine(problem);
        return documents;
    }

    public static int Run(string mode, List<Document> documents, int repeat)
    {
        const int WarmUpRounds = 5;
        var load = Stopwatch.StartNew();
        var stage = StageFor(mode);
        _ = EntityModel.Shipped;
        _ = Gazetteer.Default;
        Console.WriteLine($"{mode}: models loaded in {load.Elapsed.TotalMilliseconds:F0} ms");
        documents.AsParallel().ForAll(stage.Before.Process);
        long bytes = documents.Sum(d => (long)Encoding.UTF8.GetByteCount(stage.FromText ? d.Text : d.Html ?? d.Text));
        string cores = stage.OneCore ? "1 core" : $"{Environment.ProcessorCount} cores";
        var rates = new List<double>();
        for (int round = 1 - WarmUpRounds; round <= repeat; round++)
        {
            var copies = documents.Select(d => Copy(d, withBody: stage.FromText)).ToList();
            if (stage.FromText) copies.AsParallel().ForAll(new Pipeline([.. stage.Before.Steps.Skip(Pipeline.Extraction().Steps.Count)]).Process);
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            if (stage.OneCore) copies.ForEach(stage.Timed.Process);
            else copies.AsParallel().ForAll(stage.Timed.Process);
            clock.Stop();
            double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            if (round <= 0) continue;
            double seconds = clock.Elapsed.TotalSeconds;
            rates.Add(copies.Count / seconds);
            Console.WriteLine($"{mode} round {round}: {copies.Count} docs in {seconds:F3} s = {copies.Count / seconds:F0} docs/s, " +
                              $"{bytes / 1e6 / seconds:F1} MB/s ({cores}); {cpu:F3} s of CPU = {bytes / 1e6 / cpu:F1} MB/s, " +
                              $"{copies.Count / cpu:F0} docs per CPU-second");
        }
        rates.Sort();
        Console.WriteLine($"{mode}: best {rates[^1]:F0} docs/s, median {rates[rates.Count / 2]:F0} docs/s over {rates.Count} rounds");
        return 0;
    }

    /// <summary>A fresh document with the input (and, for stages after the text stage, its text layout) only.</summary>
    private static Document Copy(Document d, bool withBody)
    {
        var copy = new Document(d.Id, d.Source) { Html = d.Html, Text = d.Text, TextIsInput = d.TextIsInput, Published = d.Published };
        if (withBody) copy.Body.AddRange(d.Body);
        return copy;
    }
}
