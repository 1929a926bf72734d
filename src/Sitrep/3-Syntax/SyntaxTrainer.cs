using System.Diagnostics;

namespace Sitrep.Syntax;

/// <summary>
/// Trains tagger, lexicon and parser from a CoNLL-U treebank, reproducibly (seeded). The parser learns
/// from tags predicted by taggers that did not see the sentence (k-fold jackknifing), so its training
/// input has the errors of tagging at run time.
/// </summary>
public sealed class SyntaxTrainer(int taggerEpochs = 8, int parserEpochs = 12, int folds = 5, int seed = 2016,
    int taggerBits = 18, int transitionBits = 22, int labelBits = 19)
{
    public SyntaxModel Train(string trainPath, string? devPath, TextWriter log, int limit = 0)
    {
        var clock = Stopwatch.StartNew();
        var train = UdCorpus.Read(trainPath);
        if (limit > 0 && limit < train.Count) train = train[..limit];
        var dev = devPath is null ? null : UdCorpus.Read(devPath);
        log.WriteLine($"{train.Count} training sentences, {train.Sum(s => s.Length)} words ({clock.Elapsed.TotalSeconds:F1} s)");
        var (upos, xpos) = PosTaggerTrainer.Classes(train);
        var relations = train.SelectMany(s => s.Relations).Append("root").CountBy(r => r)
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key).ToArray();
        if (relations.Length > byte.MaxValue) throw new InvalidDataException("too many relations");
        var lexicon = Lexicon.Learn(train);

        // Jackknifed tags for the parser's training input; the folds train in parallel.
        var tags = new byte[train.Count][];
        var quiet = TextWriter.Null;
        var foldTaggers = new PosTagger?[folds];
        Parallel.For(0, folds, new ParallelOptions { MaxDegreeOfParallelism = 2 }, fold =>
        {
            var rest = train.Where((_, i) => i % folds != fold).ToList();
            foldTaggers[fold] = new PosTaggerTrainer(taggerBits, taggerEpochs, seed + fold).Train(rest, upos, xpos, quiet);
        });
        for (int i = 0; i < train.Count; i++)
        {
            var keys = train[i].Forms.Select(f => WordKeys.Of(f)).ToArray();
            tags[i] = new byte[keys.Length];
            foldTaggers[i % folds]!.Tag(keys, tags[i]);
        }
        log.WriteLine($"jackknifed tags: {Accuracy(train, tags, upos, xpos):F4} UPOS/XPOS pairs right ({clock.Elapsed.TotalSeconds:F0} s)");
        var tagger = new PosTaggerTrainer(taggerBits, taggerEpochs, seed).Train(train, upos, xpos, log);
        log.WriteLine($"tagger trained ({clock.Elapsed.TotalSeconds:F0} s)");
        var parser = new DependencyParserTrainer(transitionBits, labelBits, parserEpochs, seed).Train(train, tags, relations, log);
        log.WriteLine($"parser trained ({clock.Elapsed.TotalSeconds:F0} s)");
        var model = new SyntaxModel(tagger, lexicon, parser);
        if (dev != null) log.WriteLine($"dev: {Evaluate(model, dev)}");
        return model;
    }

    private static double Accuracy(List<UdSentence> sentences, byte[][] tags, string[] upos, string[] xpos)
    {
        long right = 0, total = 0;
        for (int s = 0; s < sentences.Count; s++)
            for (int i = 0; i < sentences[s].Length; i++, total++)
                if (upos[tags[s][i]] == sentences[s].Upos[i] && xpos[tags[s][i]] == sentences[s].Xpos[i]) right++;
        return right / (double)total;
    }

    /// <summary>UPOS, XPOS, lemma, UAS and LAS (universal relation) accuracy over the words of gold sentences.</summary>
    public static string Evaluate(SyntaxModel model, IReadOnlyList<UdSentence> sentences)
    {
        long total = 0, upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0;
        foreach (var s in sentences)
        {
            var analysis = model.Parse(s.Forms);
            for (int i = 0; i < s.Length; i++, total++)
            {
                if (analysis.Upos[i].ToString() == s.Upos[i]) upos++;
                if (analysis.Xpos[i] == s.Xpos[i]) xpos++;
                if (analysis.Lemmas[i] == s.Lemmas[i] || s.Lemmas[i] == "_") lemma++;
                int head = analysis.Heads[i] + 1;
                if (head == s.Heads[i])
                {
                    uas++;
                    if (UdTags.Relation(analysis.Labels[i]) == UdTags.Relation(s.Relations[i])) las++;
                }
            }
        }
        double T(long x) => x / (double)total;
        return $"UPOS {T(upos):F4} XPOS {T(xpos):F4} lemma {T(lemma):F4} UAS {T(uas):F4} LAS {T(las):F4}";
    }
}
