using System.Diagnostics;
using Sitrep.Syntax;

/// <summary>
/// The syntax models on one core over the sentences of a CoNLL-U file (gold tokenization): load time
/// and size of the shipped models, then sentences/s and tokens/s for tagging alone and for tagging plus
/// parsing, round after round (the first round warms up the JIT). CPU seconds beside the wall clock.
/// </summary>
internal static class SyntaxBench
{
    public static int Run(string conllu, int repeat)
    {
        var sentences = UdCorpus.Read(conllu).Select(s => s.Forms).ToList();
        long tokens = sentences.Sum(s => (long)s.Length);
        var clock = Stopwatch.StartNew();
        var model = SyntaxModel.Shipped;
        double tagger = clock.Elapsed.TotalSeconds;
        model.Parse(["Loaded", "."]);
        Console.WriteLine($"syntax model: tagger and lexicon loaded in {tagger:F3} s, the parser (loading meanwhile) ready at {clock.Elapsed.TotalSeconds:F3} s; " +
                          $"{model.WeightBytes / 1e6:F0} MB of weights in memory, {model.FileBytes / 1e6:F1} MB of gzip files");
        foreach (var (mode, parse) in new[] { ("tag", false), ("tag+parse", true) })
            for (int round = 0; round <= repeat; round++)
            {
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                clock.Restart();
                long heads = 0;
                foreach (var words in sentences)
                {
                    var analysis = parse ? model.Parse(words) : model.Tag(words);
                    heads += analysis.Heads[0];
                }
                clock.Stop();
                double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds, s = clock.Elapsed.TotalSeconds;
                if (round == 0) continue;
                Console.WriteLine($"{mode} round {round}: {sentences.Count} sentences, {tokens} tokens in {s:F3} s wall, {cpu:F3} s CPU = " +
                                  $"{sentences.Count / s:F0} sentences/s, {tokens / s:F0} tokens/s wall ({sentences.Count / cpu:F0} sentences/s per CPU second)");
            }
        return 0;
    }
}
