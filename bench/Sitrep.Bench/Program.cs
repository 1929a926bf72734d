using System.Diagnostics;
using Sitrep;
using Sitrep.Ingest;
using Sitrep.Places;

// Throughput of one pipeline stage over real files, in one process: docs/s and MB/s.
// Usage: dotnet run -c Release --project bench/Sitrep.Bench -- extract|places|annotate INPUT... [--repeat N]
//   extract   the text stage (HTML extraction, layout)
//   places    the geoparser alone, on documents already through the text stage (after loading the gazetteer, timed apart)
//   annotate  the whole annotate pipeline
var arguments = args.ToList();
int repeat = 3;
int at = arguments.IndexOf("--repeat");
if (at >= 0) { repeat = int.Parse(arguments[at + 1]); arguments.RemoveRange(at, 2); }
string[] modes = ["extract", "places", "annotate"];
if (arguments.Count < 2 || !modes.Contains(arguments[0]))
{
    Console.Error.WriteLine("usage: Sitrep.Bench extract|places|annotate INPUT... [--repeat N]");
    return 2;
}
var mode = arguments[0];
var problems = new ProblemList();
var documents = new ArticleSource(problems).Read(arguments.Skip(1)).ToList();

Pipeline before, timed;
switch (mode)
{
    case "places":
        var memory = GC.GetTotalMemory(true);
        var cpu = Environment.CpuUsage.TotalTime;
        var clock = Stopwatch.StartNew();
        var geoparser = new Geoparser();
        clock.Stop();
        cpu = Environment.CpuUsage.TotalTime - cpu;
        Console.WriteLine($"gazetteer: {Gazetteer.Default.Count} entries loaded in {clock.Elapsed.TotalSeconds:F2} s ({cpu.TotalSeconds:F2} s CPU), " +
                          $"{(GC.GetTotalMemory(true) - memory) / 1e6:F0} MB managed heap");
        (before, timed) = (Pipeline.Extraction(), new Pipeline([geoparser]));
        break;
    case "annotate":
        (before, timed) = (new Pipeline([]), Pipeline.Annotation());
        break;
    default:
        (before, timed) = (new Pipeline([]), Pipeline.Extraction());
        break;
}
for (int round = 0; round <= repeat; round++)
{
    var copies = documents.Select(d => new Document(d.Id, d.Source) { Html = d.Html, Text = d.Text, TextIsInput = d.TextIsInput }).ToList();
    copies.AsParallel().ForAll(before.Process);
    long bytes = copies.Sum(d => (long)System.Text.Encoding.UTF8.GetByteCount(mode == "places" ? d.Text : d.Html ?? d.Text));
    var clock = Stopwatch.StartNew();
    copies.AsParallel().ForAll(timed.Process);
    clock.Stop();
    if (round == 0) continue; // warm-up
    Console.WriteLine($"{mode} round {round}: {copies.Count} docs in {clock.Elapsed.TotalSeconds:F3} s = " +
                      $"{copies.Count / clock.Elapsed.TotalSeconds:F0} docs/s, {bytes / 1e6 / clock.Elapsed.TotalSeconds:F2} MB/s " +
                      $"({Environment.ProcessorCount} cores)");
}
return 0;
