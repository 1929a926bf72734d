namespace Sitrep.Syntax;

/// <summary>
/// Trains the tagger as a greedy averaged perceptron: sentences in a seeded random order each epoch,
/// the previous-tag features taken from the model's own guesses, as at tagging time.
/// </summary>
internal sealed class PosTaggerTrainer(int bits, int epochs, int seed)
{
    /// <summary>The tag pairs of the training data, in order of first appearance.</summary>
    public static (string[] Upos, string[] Xpos) Classes(IEnumerable<UdSentence> sentences)
    {
        var pairs = new List<(string, string)>();
        var seen = new HashSet<(string, string)>();
        foreach (var s in sentences)
            for (int i = 0; i < s.Length; i++)
                if (seen.Add((s.Upos[i], s.Xpos[i]))) pairs.Add((s.Upos[i], s.Xpos[i]));
        if (pairs.Count >= PosTagger.Sure) throw new InvalidDataException("too many tag pairs");
        return ([.. pairs.Select(p => p.Item1)], [.. pairs.Select(p => p.Item2)]);
    }

    public PosTagger Train(IReadOnlyList<UdSentence> sentences, string[] upos, string[] xpos, TextWriter log)
    {
        var classOf = new Dictionary<(string, string), int>();
        for (int k = 0; k < upos.Length; k++) classOf[(upos[k], xpos[k])] = k;
        var keys = sentences.Select(s => s.Forms.Select(f => WordKeys.Of(f)).ToArray()).ToArray();
        var gold = sentences.Select(s => Enumerable.Range(0, s.Length).Select(i => (byte)classOf[(s.Upos[i], s.Xpos[i])]).ToArray()).ToArray();
        var likelyTags = LikelyTags(keys, gold);
        var likely = keys.Select(words =>
        {
            var tags = new byte[words.Length];
            PosTagger.Likely(likelyTags, words, tags);
            return tags;
        }).ToArray();
        var weights = new TrainingWeights(bits, upos.Length);
        var random = new Random(seed);
        var order = Enumerable.Range(0, sentences.Count).ToArray();
        int longest = sentences.Max(s => s.Length);
        var predicted = new byte[longest];
        var hashes = new ulong[PosTagger.MaxFeatures];
        var rows = new int[PosTagger.MaxFeatures];
        var scores = new float[weights.Width];
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            random.Shuffle(order);
            int errors = 0, total = 0;
            foreach (int s in order)
            {
                var words = keys[s];
                for (int i = 0; i < words.Length; i++)
                {
                    if (likely[s][i] >= PosTagger.Sure && likely[s][i] != PosTagger.Start)
                    {
                        predicted[i] = (byte)(likely[s][i] - PosTagger.Sure);
                        continue;
                    }
                    int count = PosTagger.Features(words, likely[s], i, i > 0 ? predicted[i - 1] : PosTagger.Start, i > 1 ? predicted[i - 2] : PosTagger.Start, hashes);
                    for (int f = 0; f < count; f++) rows[f] = weights.Row(hashes[f]);
                    weights.Score(rows.AsSpan(0, count), scores);
                    int guess = PosTagger.ArgMax(scores.AsSpan(0, upos.Length));
                    int right = gold[s][i];
                    if (guess != right)
                    {
                        errors++;
                        weights.Update(rows.AsSpan(0, count), right, guess);
                    }
                    predicted[i] = (byte)guess;
                    total++;
                }
                weights.Step++;
            }
            log.WriteLine($"tagger epoch {epoch}: {1 - errors / (double)total:F4} on training");
        }
        return new PosTagger(weights.Average(), upos, xpos, likelyTags);
    }

    /// <summary>
    /// The most frequent tag of every lower-case form seen at least twice, marked <see cref="PosTagger.Sure"/>
    /// when the form was seen at least 20 times with that tag 99% of the time (Honnibal's tag dictionary).
    /// </summary>
    private static Dictionary<ulong, byte> LikelyTags(WordKeys[][] keys, byte[][] gold)
    {
        var counts = new Dictionary<(ulong, byte), int>();
        var totals = new Dictionary<ulong, int>();
        for (int s = 0; s < keys.Length; s++)
            for (int i = 0; i < keys[s].Length; i++)
            {
                var key = (keys[s][i].Lower, gold[s][i]);
                counts[key] = counts.GetValueOrDefault(key) + 1;
                totals[keys[s][i].Lower] = totals.GetValueOrDefault(keys[s][i].Lower) + 1;
            }
        var likely = new Dictionary<ulong, byte>();
        foreach (var group in counts.Where(c => totals[c.Key.Item1] >= 2).GroupBy(c => c.Key.Item1))
        {
            var best = group.OrderByDescending(c => c.Value).ThenBy(c => c.Key.Item2).First();
            int total = totals[group.Key];
            bool sure = total >= 20 && best.Value >= 0.99 * total;
            likely[group.Key] = (byte)(best.Key.Item2 + (sure ? PosTagger.Sure : 0));
        }
        return likely;
    }
}
