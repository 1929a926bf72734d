using System.Diagnostics;
using Sitrep;
using Sitrep.Ingest;

// Throughput of one pipeline stage over real files, in one process: docs/s and MB/s.
// Usage: dotnet run -c Release --project bench/Sitrep.Bench -- extract INPUT... [--repeat N]
// Story clustering: dotnet run -c Release --project bench/Sitrep.Bench -- cluster | train-stories DOCS.jsonl GOLD.json
if (args.Length == 3 && args[0] == "train-stories") return StoryTraining.Run(args[1], args[2]);
if (args.Length >= 1 && args[0] == "cluster")
    return ClusterBench.Run(args.Length > 1 ? args.Skip(1).Select(int.Parse) : [10_000, 100_000, 1_000_000]);
var arguments = args.ToList();
int repeat = 3;
int at = arguments.IndexOf("--repeat");
if (at >= 0) { repeat = int.Parse(arguments[at + 1]); arguments.RemoveRange(at, 2); }
if (arguments.Count < 2 || arguments[0] != "extract")
{
    Console.Error.WriteLine("usage: Sitrep.Bench extract INPUT... [--repeat N] | cluster [SIZE...] | train-stories DOCS.jsonl GOLD.json");
    return 2;
}
var problems = new ProblemList();
var documents = new ArticleSource(problems).Read(arguments.Skip(1)).ToList();
long bytes = documents.Sum(d => (long)(d.Html?.Length ?? d.Text.Length) * sizeof(char));
var pipeline = Pipeline.Extraction();
for (int round = 0; round <= repeat; round++)
{
    var copies = documents.Select(d => new Document(d.Id, d.Source) { Html = d.Html, Text = d.Text, TextIsInput = d.TextIsInput }).ToList();
    var clock = Stopwatch.StartNew();
    copies.AsParallel().ForAll(pipeline.Process);
    clock.Stop();
    if (round == 0) continue; // warm-up
    Console.WriteLine($"extract round {round}: {copies.Count} docs in {clock.Elapsed.TotalSeconds:F3} s = " +
                      $"{copies.Count / clock.Elapsed.TotalSeconds:F0} docs/s, {bytes / 2 / 1e6 / clock.Elapsed.TotalSeconds:F1} MB/s " +
                      $"({Environment.ProcessorCount} cores)");
}
return 0;
