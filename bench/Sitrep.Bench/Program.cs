using System.Diagnostics;
using Sitrep;
using Sitrep.Entities;
using Sitrep.Ingest;
using Sitrep.Text;

// Throughput of one pipeline stage over real files, in one process: docs/s and MB/s.
// Usage: dotnet run -c Release --project bench/Sitrep.Bench -- extract|ner INPUT... [--repeat N]
//   extract: HTML extraction and layout on all cores.
//   ner:     tokenize + sentence split + entity tagging on ONE core (the per-core figure), after
//            extraction; also prints the time to load the entity model.
var arguments = args.ToList();
int repeat = 3;
int at = arguments.IndexOf("--repeat");
if (at >= 0) { repeat = int.Parse(arguments[at + 1]); arguments.RemoveRange(at, 2); }
if (arguments.Count < 2 || arguments[0] is not ("extract" or "ner"))
{
    Console.Error.WriteLine("usage: Sitrep.Bench extract|ner INPUT... [--repeat N]");
    return 2;
}
string mode = arguments[0];
var problems = new ProblemList();
var documents = new ArticleSource(problems).Read(arguments.Skip(1)).ToList();
if (mode == "ner")
{
    var load = Stopwatch.StartNew();
    _ = EntityModel.Shipped;
    _ = EntityGazetteer.Shipped;
    Console.WriteLine($"entity model and gazetteer loaded in {load.Elapsed.TotalMilliseconds:F0} ms");
    var extraction = Pipeline.Extraction();
    documents.AsParallel().ForAll(extraction.Process);
}
long bytes = mode == "ner"
    ? documents.Sum(d => (long)d.Text.Length * sizeof(char))
    : documents.Sum(d => (long)(d.Html?.Length ?? d.Text.Length) * sizeof(char));
var pipeline = mode == "ner" ? new Pipeline([new SentenceSplitter(), new EntityRecognizer()]) : Pipeline.Extraction();
for (int round = 0; round <= repeat; round++)
{
    var copies = documents.Select(d => Copy(d, withBody: mode == "ner")).ToList();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    if (mode == "ner") copies.ForEach(pipeline.Process);
    else copies.AsParallel().ForAll(pipeline.Process);
    clock.Stop();
    if (round == 0) continue; // warm-up
    string cores = mode == "ner" ? "1 core" : $"{Environment.ProcessorCount} cores";
    // On a shared machine the wall clock includes waiting for a core; CPU time does not.
    double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
    Console.WriteLine($"{mode} round {round}: {copies.Count} docs in {clock.Elapsed.TotalSeconds:F3} s = " +
                      $"{copies.Count / clock.Elapsed.TotalSeconds:F0} docs/s, {bytes / 2 / 1e6 / clock.Elapsed.TotalSeconds:F1} MB/s ({cores}); " +
                      $"{cpuSeconds:F3} s of CPU = {bytes / 2 / 1e6 / cpuSeconds:F1} MB/s per CPU-second");
}
return 0;

static Document Copy(Document d, bool withBody)
{
    var copy = new Document(d.Id, d.Source) { Html = d.Html, Text = d.Text, TextIsInput = d.TextIsInput };
    if (withBody) copy.Body.AddRange(d.Body);
    return copy;
}
