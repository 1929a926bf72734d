using Sitrep.Composition;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sitrep;
using Sitrep.Ingest;
using Sitrep.Stories;

/// <summary>
/// Fits <see cref="StoryDecision"/> on labelled data sets (JSON Lines documents and their gold: either
/// {id: "TOPIC_event"}, as the clustering set, or {"incidents": {id: {state, ...}}, "documents": {id: [incident ids]}},
/// as the incidents set). Each set is its own stream: it is replayed with every document put into its
/// gold story, and the document's similarity to each candidate story is recorded (positive when it is
/// the gold story); a logistic regression is fitted on the pairs of all sets, then its bias and the
/// refinement's thresholds are calibrated to the best mean B-cubed F1 over the sets.
/// With --folds K, documents are cut into K folds as tools/folds cuts them (md5 of their group, a topic or
/// an incident's state, modulo K: related stories stay on one side), each fold is clustered with the decision fitted on the
/// others, and each fold's documents, gold and decision are written under --out for the scorers
/// (tools/cv-stories.sh). The decision fitted on everything is written to --out (a file, or
/// story-decision.tsv in the --out folder with folds). With --decision FILE it only scores that decision on each set.
/// </summary>
static class StoryTraining
{
    private sealed record Labelled(string Id, string Story, string Group, DocumentTerms Terms);

    private sealed record DataSet(string Name, List<Labelled> Documents, Dictionary<string, string> Lines, JsonObject Gold);

    public static int Run(List<(string Docs, string Gold)> inputs, int folds, string? outPath, string? cache, string? scored)
    {
        var sets = inputs.Select(i => Read(i.Docs, i.Gold, cache)).ToList();
        foreach (var set in sets)
            Console.WriteLine($"{set.Name}: {set.Documents.Count} documents, {set.Documents.Select(d => d.Story).Distinct().Count()} stories, {set.Documents.Select(d => d.Group).Distinct().Count()} groups");
        if (scored != null)
        {
            var decision = StoryDecision.Read(File.ReadLines(scored).Where(l => l.Length > 0 && l[0] != '#'));
            foreach (var set in sets) Console.WriteLine($"{set.Name} with {scored}: B-cubed F1 {Score(set.Documents, decision, refine: true).F1:F4}");
            return 0;
        }
        for (int fold = 0; fold < folds; fold++)
        {
            int k = fold;
            var decision = Train(sets.Select(s => s.Documents.Where(d => Fold(d.Group, folds) != k).ToList()).ToList());
            var scores = sets.Select(s =>
            {
                var test = s.Documents.Where(d => Fold(d.Group, folds) == k).ToList();
                var (f1, stories) = Score(test, decision, refine: true);
                return $"{s.Name} held-out {f1:F4} ({test.Count} documents, {stories} stories, {test.Select(d => d.Story).Distinct().Count()} gold)";
            });
            Console.WriteLine($"fold {k}: {string.Join("; ", scores)}\n  {Show(decision)}");
            if (outPath == null) continue;
            var folder = Path.Combine(outPath, $"fold{k}");
            Directory.CreateDirectory(folder);
            File.WriteAllLines(Path.Combine(folder, StoryDecision.File), decision.Lines());
            foreach (var set in sets) WriteFold(set, set.Documents.Where(d => Fold(d.Group, folds) == k).ToList(), Path.Combine(folder, set.Name));
        }
        var all = Train(sets.Select(s => s.Documents).ToList());
        foreach (var set in sets)
        {
            var (f1, stories) = Score(set.Documents, all, refine: true);
            Console.WriteLine($"all: {set.Name} B-cubed F1 {f1:F4} ({stories} stories)");
        }
        Console.WriteLine($"  {Show(all)}");
        if (outPath != null)
        {
            var file = folds > 0 ? Path.Combine(outPath, StoryDecision.File) : outPath;
            File.WriteAllLines(file, [
                "# The story decision (StoryDecision): logistic weights per similarity feature and the refinement's",
                "# thresholds, written by tools/train-story-decision.sh. A SITREP_DATA file of this name overrides lines.",
                .. all.Lines()]);
            Console.WriteLine($"wrote {file}");
        }
        return 0;
    }

    /// <summary>The fold of a group: the md5 of its name as a number, modulo K (the folds of tools/folds).</summary>
    private static int Fold(string group, int folds) =>
        (int)(new System.Numerics.BigInteger(MD5.HashData(Encoding.UTF8.GetBytes(group)), isUnsigned: true, isBigEndian: true) % folds);

    /// <summary>Each set's pairs weigh alike in the fit, however many documents it has: no set's kind of news drowns another's.</summary>
    private static StoryDecision Train(List<List<Labelled>> sets)
    {
        var pairs = sets.Select(Pairs).ToList();
        return Calibrate(Fit(pairs.SelectMany(p => p.Select(x => (x.X, x.Y, 1.0 / p.Count))).ToList()), sets);
    }

    private static string Show(StoryDecision d) =>
        $"bias {d.Bias:F2} " + string.Join(" ", SimilarityFeatures.Labels.Select((l, i) => $"{l} {d.Weights[i]:F2}")) + $" split {d.SplitBelow} absorb {d.AbsorbAbove}";

    private static DataSet Read(string docsPath, string goldPath, string? cache)
    {
        var name = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(docsPath)))!;
        var gold = JsonNode.Parse(File.ReadAllText(goldPath))!.AsObject();
        var labels = new Dictionary<string, (string Story, string Group)>();
        if (gold["documents"] is JsonObject documents && gold["incidents"] is JsonObject incidents)
        {
            foreach (var (id, list) in documents)
                if (list!.AsArray().Select(i => (string)i!).Order(StringComparer.Ordinal).FirstOrDefault() is { } incident)
                    labels[id] = (incident, list.AsArray().Select(i => (string?)incidents[(string)i!]?["state"] ?? incident).Min(StringComparer.Ordinal)!);
        }
        else
            foreach (var (id, label) in gold)
                labels[id] = ((string)label!, ((string)label!).Split('_')[0]);

        var lines = new Dictionary<string, string>();
        foreach (var line in ReadLines(docsPath))
            if (JsonNode.Parse(line)?["id"] is { } id && labels.ContainsKey((string)id!)) lines[(string)id!] = line;

        var cached = cache == null ? null : Path.Combine(cache, name + ".terms.bin");
        var terms = cached != null && File.Exists(cached) ? ReadCache(cached) : Profile(docsPath, labels.Keys.ToHashSet());
        if (cached != null && !File.Exists(cached)) WriteCache(cached, terms);
        var labelled = terms.Where(t => labels.ContainsKey(t.Id))
            .Select(t => new Labelled(t.Id, labels[t.Id].Story, labels[t.Id].Group, t.Terms)).ToList();
        return new DataSet(name, labelled, lines, gold);
    }

    private static List<(string Id, DocumentTerms Terms)> Profile(string docsPath, HashSet<string> ids)
    {
        var reading = Pipeline.StoryReading();
        return new ArticleSource(new ProblemList()).Read([docsPath])
            .Where(d => ids.Contains(d.Id))
            .AsParallel().AsOrdered()
            .Select(d => { reading.Process(d); return (d.Id, d.Get<StoryFeatures>()!.Terms); }).ToList();
    }

    private static IEnumerable<string> ReadLines(string path)
    {
        using var file = File.OpenRead(path);
        using var reader = new StreamReader(path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0) yield return line;
    }

    private static List<(string Id, DocumentTerms Terms)> ReadCache(string path)
    {
        using var r = new BinaryReader(File.OpenRead(path));
        var terms = new List<(string, DocumentTerms)>();
        int n = r.ReadInt32();
        for (int i = 0; i < n; i++) terms.Add((r.ReadString(), DocumentTermsCodec.Decode(r.ReadBytes(r.ReadInt32()))));
        return terms;
    }

    private static void WriteCache(string path, List<(string Id, DocumentTerms Terms)> terms)
    {
        using var w = new BinaryWriter(File.Create(path));
        w.Write(terms.Count);
        foreach (var (id, t) in terms)
        {
            var bytes = DocumentTermsCodec.Encode(t);
            w.Write(id);
            w.Write(bytes.Length);
            w.Write(bytes);
        }
    }

    /// <summary>A fold's documents (in their original order) and their gold, in the set's own format, for its scorer.</summary>
    private static void WriteFold(DataSet set, List<Labelled> documents, string folder)
    {
        Directory.CreateDirectory(folder);
        var ids = documents.Select(d => d.Id).ToHashSet();
        File.WriteAllLines(Path.Combine(folder, "docs.jsonl"), set.Lines.Where(l => ids.Contains(l.Key)).Select(l => l.Value));
        JsonObject gold;
        if (set.Gold["documents"] is JsonObject documentsOf && set.Gold["incidents"] is JsonObject incidents)
        {
            var kept = documentsOf.Where(d => ids.Contains(d.Key)).ToList();
            var incidentIds = kept.SelectMany(d => d.Value!.AsArray().Select(i => (string)i!)).ToHashSet();
            gold = new JsonObject
            {
                ["incidents"] = new JsonObject(incidents.Where(i => incidentIds.Contains(i.Key)).Select(i => KeyValuePair.Create(i.Key, i.Value?.DeepClone()))),
                ["documents"] = new JsonObject(kept.Select(d => KeyValuePair.Create(d.Key, d.Value?.DeepClone()))),
            };
        }
        else gold = new JsonObject(set.Gold.Where(g => ids.Contains(g.Key)).Select(g => KeyValuePair.Create(g.Key, g.Value?.DeepClone())));
        File.WriteAllText(Path.Combine(folder, "gold.json"), gold.ToJsonString());
    }

    private static List<(float[] X, bool Y)> Pairs(List<Labelled> documents)
    {
        var frequencies = Frequencies(documents);
        var clusterer = new StoryClusterer();
        var storyOf = new Dictionary<string, int>();
        var pairs = new List<(float[], bool)>();
        foreach (var d in documents)
        {
            var profile = d.Terms.Weigh(frequencies);
            foreach (var (story, features) in clusterer.Candidates(profile))
                pairs.Add((features.ToArray(), storyOf.TryGetValue(d.Story, out var s) && s == story));
            storyOf[d.Story] = clusterer.Join(profile, storyOf.TryGetValue(d.Story, out var existing) ? existing : null);
        }
        return pairs;
    }

    private static DocumentFrequencies Frequencies(List<Labelled> documents)
    {
        var frequencies = new DocumentFrequencies();
        foreach (var d in documents) frequencies.Observe(d.Terms);
        return frequencies;
    }

    /// <summary>L2-regularised logistic regression on weighted pairs by full-batch gradient descent (few features, some thousand pairs).</summary>
    private static StoryDecision Fit(List<(float[] X, bool Y, double Weight)> pairs)
    {
        double total = pairs.Sum(p => p.Weight);
        int n = pairs[0].X.Length;
        var w = new double[n];
        double b = 0, rate = 0.5, lambda = 1e-3;
        for (int iteration = 0; iteration < 3000; iteration++)
        {
            var gw = new double[n];
            double gb = 0;
            foreach (var (x, y, weight) in pairs)
            {
                double z = b;
                for (int i = 0; i < n; i++) z += w[i] * x[i];
                double error = (1 / (1 + Math.Exp(-z)) - (y ? 1 : 0)) * weight;
                for (int i = 0; i < n; i++) gw[i] += error * x[i];
                gb += error;
            }
            for (int i = 0; i < n; i++) w[i] -= rate * (gw[i] / total + lambda * w[i]);
            b -= rate * gb / total;
        }
        return new StoryDecision((float)b, w.Select(v => (float)v).ToArray());
    }

    /// <summary>
    /// Pairs over-represent comparisons with young one-document stories, so the fitted bias is not
    /// the best threshold for opening a story: shift it, and choose the thresholds of
    /// <see cref="StoryRefinement"/>, to the best mean B-cubed F1 over the sets.
    /// </summary>
    private static StoryDecision Calibrate(StoryDecision decision, List<List<Labelled>> sets)
    {
        double MeanF1(StoryDecision d) => sets.Average(s => Score(s, d, refine: true).F1);
        var best = decision;
        double bestF1 = -1;
        for (float shift = -1.5f; shift <= 1.01f; shift += 0.25f)
            foreach (var split in Enumerable.Range(0, 13).Select(i => -3.5f + 0.25f * i).Prepend(StoryDecision.NoSplit))
            {
                var candidate = decision with { Bias = decision.Bias + shift, SplitBelow = split };
                double f1 = MeanF1(candidate);
                if (f1 > bestF1 + 1e-4) (best, bestF1) = (candidate, f1);
            }
        var chosen = best;
        foreach (var absorb in Enumerable.Range(0, 17).Select(i => -2f + 0.25f * i))
        {
            var candidate = chosen with { AbsorbAbove = absorb };
            double f1 = MeanF1(candidate);
            if (f1 > bestF1 + 1e-4) (best, bestF1) = (candidate, f1);
        }
        return best;
    }

    private static (double F1, int Stories) Score(List<Labelled> documents, StoryDecision decision, bool refine)
    {
        var stories = StoryBatch.Cluster(documents.Select(d => d.Terms).ToList(), decision, refine ? new StoryRefinement(decision) : null);
        var predicted = new int[documents.Count];
        for (int k = 0; k < stories.Count; k++)
            foreach (var i in stories[k]) predicted[i] = k;
        return (BCubedF1(predicted.ToList(), documents.Select(d => d.Story).ToList()), stories.Count);
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
