using System.Diagnostics;
using Sitrep.Syntax;

namespace Sitrep.Entities;

/// <summary>
/// Trains the tagger as an averaged structured perceptron: documents in a seeded random order each
/// epoch, Viterbi decoding per sentence, and the prediction history built from the model's own
/// guesses, as at tagging time. The averaged weights are quantised to 16 bits.
/// </summary>
public sealed class EntityTrainer(int bits = 17, int epochs = 12, int seed = 2003)
{
    private const int L = EntityLabels.Count;

    public EntityModel Train(string trainPath, string? devPath, TextWriter log)
    {
        var clock = Stopwatch.StartNew();
        var documents = ConllCorpus.Read(trainPath);
        var random = new Random(seed);
        // News headlines come in capitals (as in the corpus) or in title case (as on most sites today):
        // half the capitalised headlines are shown to the tagger in title case.
        for (int d = 0; d < documents.Count; d++)
            if (random.Next(2) == 0) documents[d] = TitleCaseHeadline(documents[d]);
        var dev = devPath is null ? null : ConllCorpus.Read(devPath);
        var gazetteer = EntityGazetteer.Shipped;
        log.WriteLine($"{documents.Count} documents, {documents.Sum(d => d.Tokens.Count)} tokens ({clock.Elapsed.TotalSeconds:F1} s)");

        var weights = new float[(1 << bits) * L];
        var accumulated = new float[weights.Length];
        var transitions = new float[(L + 1) * L];
        var accumulatedTransitions = new float[transitions.Length];
        long step = 1;
        var order = Enumerable.Range(0, documents.Count).ToArray();
        int longest = documents.Max(d => d.Sentences.Max(s => s.TokenCount));
        var emission = new float[longest * L];
        var rows = new int[longest * EntityFeatures.MaxFeatures];
        var counts = new int[longest];
        var predicted = new byte[longest];

        void Update(int index, float delta, float[] w, float[] a)
        {
            w[index] += delta;
            a[index] += step * delta;
        }

        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            random.Shuffle(order);
            int errors = 0;
            foreach (int d in order)
            {
                var doc = documents[d];
                var features = new EntityFeatures(doc.Text, doc.Tokens, doc.Sentences, gazetteer, bits);
                foreach (var sentence in doc.Sentences)
                {
                    int n = sentence.TokenCount;
                    bool headline = features.IsHeadline(sentence);
                    features.BeginSentence(sentence);
                    for (int i = 0; i < n; i++)
                    {
                        counts[i] = features.Extract(sentence, headline, sentence.FirstToken + i, rows.AsSpan(i * EntityFeatures.MaxFeatures));
                        var e = emission.AsSpan(i * L, L);
                        e.Clear();
                        foreach (int row in rows.AsSpan(i * EntityFeatures.MaxFeatures, counts[i]))
                            for (int y = 0; y < L; y++) e[y] += weights[row * L + y];
                    }
                    EntityLabels.Viterbi(emission, transitions, n, predicted);
                    var gold = doc.Labels.AsSpan(sentence.FirstToken, n);
                    for (int i = 0; i < n; i++)
                    {
                        int g = gold[i], p = predicted[i];
                        int gPrev = i == 0 ? EntityLabels.Start : gold[i - 1], pPrev = i == 0 ? EntityLabels.Start : predicted[i - 1];
                        if (g != p)
                        {
                            errors++;
                            foreach (int row in rows.AsSpan(i * EntityFeatures.MaxFeatures, counts[i]))
                            {
                                Update(row * L + g, 1, weights, accumulated);
                                Update(row * L + p, -1, weights, accumulated);
                            }
                        }
                        if (g != p || gPrev != pPrev)
                        {
                            Update(gPrev * L + g, 1, transitions, accumulatedTransitions);
                            Update(pPrev * L + p, -1, transitions, accumulatedTransitions);
                        }
                    }
                    features.Remember(sentence, predicted.AsSpan(0, n));
                    step++;
                }
            }
            var model = Average(weights, accumulated, transitions, accumulatedTransitions, step);
            string score = dev is null ? "" : $", dev {Evaluate(model, dev, gazetteer)}";
            log.WriteLine($"epoch {epoch}: {errors} token errors{score} ({clock.Elapsed.TotalSeconds:F1} s)");
            if (epoch == epochs) return model;
        }
        throw new ArgumentException("epochs must be at least 1");
    }

    /// <summary>The document with its first line, when in capitals, in title case; short acronyms among its entities stay in capitals.</summary>
    private static LabelledDocument TitleCaseHeadline(LabelledDocument doc)
    {
        var headline = doc.Sentences[0];
        var text = doc.Text.ToCharArray();
        for (int i = headline.FirstToken; i < headline.EndToken; i++)
        {
            var token = doc.Tokens[i];
            var word = doc.Text.AsSpan(token.Start, token.Length);
            if (word.ContainsAny("abcdefghijklmnopqrstuvwxyz")) return doc;
            bool acronym = doc.Labels[i] != 0 && token.Length <= 4;
            if (acronym) continue;
            bool small = i > headline.FirstToken && EntityFeatures.HeadlineSmallWords.Contains(word.ToString());
            for (int k = 0; k < token.Length; k++)
                text[token.Start + k] = small || k > 0 ? char.ToLowerInvariant(text[token.Start + k]) : text[token.Start + k];
        }
        return doc with { Text = new string(text) };
    }

    private EntityModel Average(float[] weights, float[] accumulated, float[] transitions, float[] accumulatedTransitions, long step)
    {
        var (quantised, unit) = TrainingWeights.AverageQuantised(weights, accumulated, step);
        var averagedTransitions = new float[transitions.Length];
        for (int i = 0; i < transitions.Length; i++) averagedTransitions[i] = transitions[i] - accumulatedTransitions[i] / step;
        return new EntityModel(bits, quantised, averagedTransitions, unit);
    }

    /// <summary>Typed exact-span precision, recall and F1 on labelled documents, overall and per type.</summary>
    internal static string Evaluate(EntityModel model, List<LabelledDocument> documents, EntityGazetteer gazetteer)
    {
        var tp = new int[5];
        var fp = new int[5];
        var fn = new int[5];
        foreach (var doc in documents)
        {
            var predicted = model.Tag(doc.Text, doc.Tokens, doc.Sentences, gazetteer);
            var gold = EntityRecognizer.Spans(doc.Labels).ToHashSet();
            var guessed = EntityRecognizer.Spans(predicted).ToHashSet();
            foreach (var s in guessed) (gold.Contains(s) ? tp : fp)[s.Type]++;
            foreach (var s in gold) if (!guessed.Contains(s)) fn[s.Type]++;
        }
        static string F(int t, int p, int n) => $"{(t == 0 ? 0 : 2.0 * t / (2 * t + p + n)):F4}";
        var parts = new List<string> { $"F1 {F(tp.Sum(), fp.Sum(), fn.Sum())}" };
        for (int type = 1; type <= 4; type++) parts.Add($"{EntityLabels.Types[type - 1]} {F(tp[type], fp[type], fn[type])}");
        return string.Join(" ", parts);
    }
}
