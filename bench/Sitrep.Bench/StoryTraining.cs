using Sitrep.Composition;
using System.Text.Json;
using Sitrep;
using Sitrep.Ingest;
using Sitrep.Stories;

/// <summary>
/// Fits <see cref="StoryDecision"/> on a labelled data set (JSON Lines documents and {id: story}
/// gold): replays the stream with every document put into its gold story, records the document's
/// similarity to each candidate story (positive when it is the gold story), and fits a logistic
/// regression. Cross-validates over halves of the topics (gold labels "TOPIC_..." share a topic),
/// clustering each half with the weights fitted on the other, and prints the weights fitted on all.
/// </summary>
static class StoryTraining
{
    public static int Run(string docsPath, string goldPath)
    {
        var gold = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(goldPath))!;
        var problems = new ProblemList();
        var profiler = new StoryProfiler();
        var extraction = Pipeline.Annotation();
        var documents = new ArticleSource(problems).Read([docsPath])
            .Where(d => gold.ContainsKey(d.Id))
            .Select(d => { extraction.Process(d); return (d.Id, Terms: profiler.Count(d)); }).ToList();
        string Topic(string id) => gold[id].Split('_')[0];
        var topics = documents.Select(d => Topic(d.Id)).Distinct().Order(StringComparer.Ordinal).ToList();
        var half = topics.Select((t, i) => (t, i % 2)).ToDictionary(p => p.t, p => p.Item2);

        for (int fold = 0; fold < 2; fold++)
        {
            var train = documents.Where(d => half[Topic(d.Id)] != fold).ToList();
            var test = documents.Where(d => half[Topic(d.Id)] == fold).ToList();
            var (decision, split) = Calibrate(Fit(Pairs(train, gold)), train, gold);
            var (fitted, _) = Score(train, gold, decision, split);
            var (heldOut, clusters) = Score(test, gold, decision, split);
            var (single, _) = Score(test, gold, decision, null);
            Console.WriteLine($"fold {fold}: B-cubed F1 fitted half {fitted:F4}, held-out half {heldOut:F4} (one pass alone {single:F4}; {clusters} stories, {test.Select(d => gold[d.Id]).Distinct().Count()} gold)  {Show(decision)} thresholds {split}");
        }
        var (all, allSplit) = Calibrate(Fit(Pairs(documents, gold)), documents, gold);
        var (f1, count) = Score(documents, gold, all, allSplit);
        Console.WriteLine($"all: B-cubed F1 {f1:F4} ({count} stories)  {Show(all)} thresholds {allSplit}");
        return 0;
    }

    private static string Show(StoryDecision d) =>
        $"bias {d.Bias:F2} " + string.Join(" ", SimilarityFeatures.Labels.Select((l, i) => $"{l} {d.Weights[i]:F2}"));

    private static List<(float[] X, bool Y)> Pairs(List<(string Id, DocumentTerms Terms)> documents, Dictionary<string, string> gold)
    {
        var frequencies = Frequencies(documents);
        var clusterer = new StoryClusterer();
        var storyOf = new Dictionary<string, int>();
        var pairs = new List<(float[], bool)>();
        int missed = 0;
        foreach (var (id, terms) in documents)
        {
            var profile = terms.Weigh(frequencies);
            var label = gold[id];
            bool found = false;
            foreach (var (story, features) in clusterer.Candidates(profile))
            {
                bool same = storyOf.TryGetValue(label, out var s) && s == story;
                found |= same;
                pairs.Add((features.ToArray(), same));
            }
            if (!found && storyOf.ContainsKey(label)) missed++;
            storyOf[label] = clusterer.Join(profile, storyOf.TryGetValue(label, out var existing) ? existing : null);
        }
        Console.WriteLine($"  {pairs.Count} pairs, {pairs.Count(p => p.Item2)} positive; gold story not among candidates for {missed} documents");
        return pairs;
    }

    private static DocumentFrequencies Frequencies(List<(string Id, DocumentTerms Terms)> documents)
    {
        var frequencies = new DocumentFrequencies();
        foreach (var (_, terms) in documents) frequencies.Observe(terms);
        return frequencies;
    }

    /// <summary>L2-regularised logistic regression by full-batch gradient descent (few features, few thousand pairs).</summary>
    private static StoryDecision Fit(List<(float[] X, bool Y)> pairs)
    {
        int n = pairs[0].X.Length;
        var w = new double[n];
        double b = 0, rate = 0.5, lambda = 1e-3;
        for (int iteration = 0; iteration < 3000; iteration++)
        {
            var gw = new double[n];
            double gb = 0;
            foreach (var (x, y) in pairs)
            {
                double z = b;
                for (int i = 0; i < n; i++) z += w[i] * x[i];
                double error = 1 / (1 + Math.Exp(-z)) - (y ? 1 : 0);
                for (int i = 0; i < n; i++) gw[i] += error * x[i];
                gb += error;
            }
            for (int i = 0; i < n; i++) w[i] -= rate * (gw[i] / pairs.Count + lambda * w[i]);
            b -= rate * gb / pairs.Count;
        }
        return StoryDecision.Default with { Bias = (float)b, Weights = w.Select(v => (float)v).ToArray() };
    }

    /// <summary>
    /// Pairs over-represent comparisons with young one-document stories, so the fitted bias is not
    /// the best threshold for opening a story: shift it, together with the split threshold of
    /// <see cref="StoryRefinement"/>, to the best B-cubed on the given documents.
    /// </summary>
    private static (StoryDecision Decision, (float Split, float Absorb) Thresholds) Calibrate(StoryDecision decision, List<(string Id, DocumentTerms Terms)> documents, Dictionary<string, string> gold)
    {
        var best = (decision, (float.NegativeInfinity, float.PositiveInfinity));
        double bestF1 = -1;
        for (float shift = -1.5f; shift <= 1.01f; shift += 0.25f)
        {
            var shifted = decision with { Bias = decision.Bias + shift };
            foreach (var split in Enumerable.Range(0, 13).Select(i => -3.5f + 0.25f * i).Prepend(float.NegativeInfinity))
            {
                var (f1, _) = Score(documents, gold, shifted, (split, float.PositiveInfinity));
                if (f1 > bestF1 + 1e-4) (best, bestF1) = ((shifted, (split, float.PositiveInfinity)), f1);
            }
        }
        var (chosen, (bestSplit, _)) = best;
        foreach (var absorb in Enumerable.Range(0, 17).Select(i => -2f + 0.25f * i))
        {
            var (f1, _) = Score(documents, gold, chosen, (bestSplit, absorb));
            if (f1 > bestF1 + 1e-4) (best, bestF1) = ((chosen, (bestSplit, absorb)), f1);
        }
        return best;
    }

    private static (double F1, int Stories) Score(List<(string Id, DocumentTerms Terms)> documents, Dictionary<string, string> gold, StoryDecision decision, (float Split, float Absorb)? thresholds)
    {
        var stories = StoryBatch.Cluster(documents.Select(d => d.Terms).ToList(), decision,
            thresholds is var (split, absorb) ? new StoryRefinement(decision, split, absorb) : null);
        var predicted = new int[documents.Count];
        for (int k = 0; k < stories.Count; k++)
            foreach (var i in stories[k]) predicted[i] = k;
        var labels = documents.Select(d => gold[d.Id]).ToList();
        return (BCubedF1(predicted.ToList(), labels), stories.Count);
    }

    private static double BCubedF1<TP, TG>(List<TP> predicted, List<TG> gold) where TP : notnull where TG : notnull
    {
        var both = predicted.Zip(gold).GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
        var pSize = predicted.GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
        var gSize = gold.GroupBy(g => g).ToDictionary(g => g.Key, g => g.Count());
        double p = 0, r = 0;
        for (int i = 0; i < predicted.Count; i++)
        {
            int n = both[(predicted[i], gold[i])];
            p += (double)n / pSize[predicted[i]];
            r += (double)n / gSize[gold[i]];
        }
        p /= predicted.Count;
        r /= predicted.Count;
        return 2 * p * r / (p + r);
    }
}
