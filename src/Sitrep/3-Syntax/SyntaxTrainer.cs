using System.Diagnostics;

namespace Sitrep.Syntax;

/// <summary>
/// Trains tagger, lexicon and parser from a CoNLL-U treebank, reproducibly (seeded). The parser learns
/// from tags predicted by taggers that did not see the sentence (k-fold jackknifing), so its training
/// input has the errors of tagging at run time.
/// </summary>
public sealed class SyntaxTrainer(int taggerEpochs = 8, int parserEpochs = 15, int folds = 5, int seed = 2016,
    int taggerBits = 18, int transitionBits = 22, int labelBits = 19, double explore = 0.9, int beamWidth = 1)
{
    /// <summary>The widest beam the parser searches with.</summary>
    public const int MaxBeamWidth = DependencyParser.MaxBeamWidth;

    public SyntaxModel Train(string trainPath, string? devPath, TextWriter log, int limit = 0)
    {
        var clock = Stopwatch.StartNew();
        var train = UdCorpus.Read(trainPath);
        if (limit > 0 && limit < train.Count) train = train[..limit];
        var dev = devPath is null ? null : UdCorpus.Read(devPath);
        var reportsAfter = train.Select(ReportAfter).OfType<UdSentence>().ToList();
        log.WriteLine($"{reportsAfter.Count} sentences copied with the reporting clause last, e.g. {string.Join(' ', reportsAfter.FirstOrDefault()?.Forms ?? [])}");
        train = [.. train, .. reportsAfter];
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
        Func<DependencyParser, string>? score = dev is null ? null : p => "dev " + Evaluate(new SyntaxModel(tagger, lexicon, p), dev);
        var parser = beamWidth > 1
            ? new BeamParserTrainer(transitionBits, labelBits, parserEpochs, seed, beamWidth).Train(train, tags, relations, log, score)
            : new DependencyParserTrainer(transitionBits, labelBits, parserEpochs, seed, explore).Train(train, tags, relations, log, score);
        log.WriteLine($"parser trained ({clock.Elapsed.TotalSeconds:F0} s)");
        var model = new SyntaxModel(tagger, lexicon, parser);
        if (dev != null) log.WriteLine($"dev: {Evaluate(model, dev)}");
        return model;
    }

    /// <summary>
    /// "Officials said (that) the bridge was destroyed." turned into "The bridge was destroyed, officials
    /// said.", with the same tree (the report stays the ccomp of the root): news puts the reporting clause
    /// last far more often than the treebanks do. Null when the sentence is not of that shape.
    /// </summary>
    internal static UdSentence? ReportAfter(UdSentence s)
    {
        int n = s.Length, root = Array.IndexOf(s.Heads, 0);
        if (n < 5 || root < 1 || s.Upos[root] != "VERB" || s.Relations[n - 1] != "punct" || s.Heads[n - 1] != root + 1) return null;
        int report = -1;
        for (int i = root + 1; i < n - 1; i++) if (s.Heads[i] == root + 1 && s.Relations[i] == "ccomp") report = i;
        if (report < 0) return null;
        // Words after the root up to the final punctuation must all belong to the report's subtree.
        bool Under(int word, int top)
        {
            for (int w = word, hops = 0; w >= 0 && hops < n; w = s.Heads[w] - 1, hops++) if (w == top) return true;
            return false;
        }
        for (int i = root + 1; i < n - 1; i++) if (!Under(i, report)) return null;
        for (int i = 0; i < root; i++) if (Under(i, report)) return null;
        int first = root + 1;
        if (s.Forms[first].Equals("that", StringComparison.OrdinalIgnoreCase) && s.Relations[first] == "mark") first++;
        // New order: report words, a comma, the words up to the root, the final punctuation.
        var order = new List<int>();
        for (int i = first; i < n - 1; i++) order.Add(i);
        order.Add(-1);
        for (int i = 0; i <= root; i++) order.Add(i);
        order.Add(n - 1);
        var position = new int[n];
        Array.Fill(position, -1);
        for (int k = 0; k < order.Count; k++) if (order[k] >= 0) position[order[k]] = k;
        int m = order.Count;
        var forms = new string[m];
        var lemmas = new string[m];
        var upos = new string[m];
        var xpos = new string[m];
        var feats = new string[m];
        var heads = new int[m];
        var relations = new string[m];
        for (int k = 0; k < m; k++)
        {
            int i = order[k];
            if (i < 0)
            {
                (forms[k], lemmas[k], upos[k], xpos[k], feats[k], heads[k], relations[k]) = (",", ",", "PUNCT", ",", "_", position[root] + 1, "punct");
                continue;
            }
            int head = s.Heads[i] == 0 ? 0 : position[s.Heads[i] - 1] + 1;
            if (head == 0 && s.Heads[i] != 0) return null; // a word hung on the dropped "that"
            (forms[k], lemmas[k], upos[k], xpos[k], feats[k], heads[k], relations[k]) = (s.Forms[i], s.Lemmas[i], s.Upos[i], s.Xpos[i], s.Feats[i], head, s.Relations[i]);
        }
        forms[0] = Capitalised(forms[0], true);
        int subjectStart = position[0];
        if (!s.Xpos[0].StartsWith("NNP", StringComparison.Ordinal) && s.Forms[0] != "I") forms[subjectStart] = Capitalised(forms[subjectStart], false);
        return new UdSentence(s.Id + "-report-after", forms, lemmas, upos, xpos, feats, heads, relations);
    }

    private static string Capitalised(string word, bool upper) =>
        word.Length == 0 ? word : (upper ? char.ToUpperInvariant(word[0]) : char.ToLowerInvariant(word[0])) + word[1..];

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
