// Sitrep's benchmarks: throughput of each stage over real files, and of the whole analysis.
// Usage: dotnet run -c Release --project bench/Sitrep.Bench -- MODE ...
//   extract|ner|places|annotate INPUT... [--repeat N]   one stage over real files (see StageBench)
//   time INPUT... [--repeat N]                           the temporal tagger alone on one core
//   analyze|ingest INPUT... [--copies N]                 the whole command over N copies of the input, with peak memory
//   api INPUT... --copies N                              serve's API latency over a store of N copies of the input
//   pages [--articles N] [--story N] [--server postgres://...]  serve's pages over N synthetic stored articles, one story of --story articles, on SQLite and PostgreSQL
//   serve-load INPUT... --copies N [--server postgres://...] [--seconds S]  sitrep serve under 20 clients and a hostile searcher
//   workers INPUT... --copies N [--server postgres://...] sitrep worker processes (1, 2, 4) sharing a PostgreSQL store
//   syntax CONLLU [--repeat N]                          tagging and tagging + parsing on one core, model load time and size
//   cluster [SIZE...]                                    story clustering on synthetic streams
//   train-stories [--folds K] [--out PATH] [--cache DIR] [--decision FILE] (DOCS.jsonl GOLD.json)...  fits the story decision (tools/train-story-decision.sh)
const string Usage = "usage: Sitrep.Bench extract|ner|places|annotate|time INPUT... [--repeat N] | analyze|ingest|api INPUT... [--copies N] | pages [--articles N] [--story N] [--server postgres://...] | serve-load INPUT... [--copies N] [--server postgres://...] [--seconds S] | workers INPUT... [--copies N] [--server postgres://...] | syntax CONLLU [--repeat N] | cluster [SIZE...] | train-stories [--folds K] [--out PATH] [--cache DIR] [--decision FILE] (DOCS.jsonl GOLD.json)...";

var arguments = args.ToList();
int repeat = TakeOption(arguments, "--repeat", 3);
int copies = TakeOption(arguments, "--copies", 1);
int articles = TakeOption(arguments, "--articles", 100_000);
int storySize = TakeOption(arguments, "--story", 1_000);
int seconds = TakeOption(arguments, "--seconds", 60);
string? namedServer = TakeText(arguments, "--server");
int folds = TakeOption(arguments, "--folds", 0);
string? outPath = TakeText(arguments, "--out"), cache = TakeText(arguments, "--cache"), scored = TakeText(arguments, "--decision");
string? server = namedServer ?? Environment.GetEnvironmentVariable("SITREP_POSTGRES");
return arguments switch
{
    ["train-stories", _, _, ..] when arguments.Count % 2 == 1 => StoryTraining.Run(arguments.Skip(1).Chunk(2).Select(p => (p[0], p[1])).ToList(), folds, outPath, cache, scored),
    ["cluster", .. var sizes] => ClusterBench.Run(sizes.Count > 0 ? sizes.Select(int.Parse) : [10_000, 100_000, 1_000_000]),
    ["syntax", var conllu] => SyntaxBench.Run(conllu, repeat),
    ["time", _, ..] => TimeBench.Run(StageBench.Read(arguments.Skip(1)), repeat),
    [var command and ("analyze" or "ingest"), _, ..] => CommandBench.Run(command, arguments.Skip(1).ToList(), copies),
    ["api", _, ..] => ApiBench.Run(arguments.Skip(1).ToList(), copies),
    ["pages"] => PagesBench.Run(articles, storySize, server),
    ["serve-load", _, ..] => ServeLoadBench.Run(arguments.Skip(1).ToList(), copies, namedServer, seconds),
    ["workers", _, ..] when server != null => WorkerBench.Run(arguments.Skip(1).ToList(), copies, [1, 2, 4], server),
    [var mode, _, ..] when StageBench.Modes.Contains(mode) => StageBench.Run(mode, StageBench.Read(arguments.Skip(1)), repeat),
    _ => Fail(),
};

static int Fail()
{
    Console.Error.WriteLine(Usage);
    return 2;
}

static int TakeOption(List<string> arguments, string name, int fallback) =>
    TakeText(arguments, name) is { } value ? int.Parse(value) : fallback;

static string? TakeText(List<string> arguments, string name)
{
    int at = arguments.IndexOf(name);
    if (at < 0 || at + 1 >= arguments.Count) return null;
    var value = arguments[at + 1];
    arguments.RemoveRange(at, 2);
    return value;
}
