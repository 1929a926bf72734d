using System.Diagnostics;
using Sitrep;
using Sitrep.Ingest;

// Throughput of one pipeline stage over real files, in one process: docs/s and MB/s.
// Usage: dotnet run -c Release --project bench/Sitrep.Bench -- extract INPUT... [--repeat N]
// The first rounds warm up the JIT (tiered compilation reaches full speed only after a few
// hundred pages); the summary gives the best and the median of the measured rounds.
var arguments = args.ToList();
int repeat = 6;
const int warmUpRounds = 6;
int at = arguments.IndexOf("--repeat");
if (at >= 0) { repeat = int.Parse(arguments[at + 1]); arguments.RemoveRange(at, 2); }
if (arguments.Count < 2 || arguments[0] != "extract")
{
    Console.Error.WriteLine("usage: Sitrep.Bench extract INPUT... [--repeat N]");
    return 2;
}
var problems = new ProblemList();
var documents = new ArticleSource(problems).Read(arguments.Skip(1)).ToList();
long bytes = documents.Sum(d => (long)(d.Html?.Length ?? d.Text.Length) * sizeof(char));
var pipeline = Pipeline.Extraction();
var rates = new List<double>();
for (int round = 1 - warmUpRounds; round <= repeat; round++)
{
    var copies = documents.Select(d => new Document(d.Id, d.Source) { Html = d.Html, Text = d.Text, TextIsInput = d.TextIsInput }).ToList();
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    copies.AsParallel().ForAll(pipeline.Process);
    clock.Stop();
    // CPU time shows the cost apart from other processes competing for the cores
    var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
    if (round <= 0) continue;
    rates.Add(copies.Count / clock.Elapsed.TotalSeconds);
    Console.WriteLine($"extract round {round}: {copies.Count} docs in {clock.Elapsed.TotalSeconds:F3} s = " +
                      $"{copies.Count / clock.Elapsed.TotalSeconds:F0} docs/s, {bytes / 2 / 1e6 / clock.Elapsed.TotalSeconds:F1} MB/s " +
                      $"({Environment.ProcessorCount} cores); CPU {cpu:F3} s = {copies.Count / cpu:F0} docs per CPU-second");
}
rates.Sort();
Console.WriteLine($"extract: best {rates[^1]:F0} docs/s, median {rates[rates.Count / 2]:F0} docs/s over {rates.Count} rounds");
return 0;
