namespace Sitrep.Syntax;

/// <summary>
/// Trains the parser with the dynamic oracle of Goldberg and Nivre (2013): at each step the cost of a
/// transition is the number of gold arcs it makes unreachable; when the model's choice costs more than
/// the cheapest, the weights move toward the best-scoring cheapest transition. From the second epoch the
/// parser follows its own (possibly wrong) choice most of the time, so it learns to recover from
/// mistakes. Arcs whose head is right teach the labeller.
/// </summary>
internal sealed class DependencyParserTrainer(int transitionBits, int labelBits, int epochs, int seed, double explore = 0.9)
{
    public DependencyParser Train(IReadOnlyList<UdSentence> sentences, IReadOnlyList<byte[]> tags, string[] relations, TextWriter log,
        Func<DependencyParser, string>? score = null)
    {
        var set = new ParserTrainingSet(sentences, relations);
        var (keys, gold, goldLabel, root) = (set.Keys, set.Gold, set.GoldLabel, set.Root);
        var transitions = new TrainingWeights(transitionBits, ParseState.Actions);
        var labels = new TrainingWeights(labelBits, relations.Length);
        var random = new Random(seed);
        var order = Enumerable.Range(0, sentences.Count).ToArray();
        var inBuffer = new int[set.Longest];
        var onStack = new int[set.Longest];
        var hashes = new ulong[ParseState.MaxTransitionFeatures];
        var rows = new int[ParseState.MaxTransitionFeatures];
        var scores = new float[Math.Max(transitions.Width, labels.Width)];
        var costs = new int[ParseState.Actions];
        var state = new ParseState();
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            random.Shuffle(order);
            long right = 0, total = 0, labelled = 0;
            foreach (int s in order)
            {
                var sentence = sentences[s];
                int n = sentence.Length;
                state.Reset(keys[s], tags[s]);
                Array.Clear(inBuffer, 0, n + 1);
                Array.Clear(onStack, 0, n + 1);
                set.Load(s);
                for (int i = 1; i <= n; i++) inBuffer[gold[i]]++;
                while (!state.Done)
                {
                    int count = state.TransitionFeatures(hashes);
                    for (int f = 0; f < count; f++) rows[f] = transitions.Row(hashes[f]);
                    transitions.Score(rows.AsSpan(0, count), scores);
                    int guess = DependencyParser.Best(state, scores);
                    Costs(state, gold, inBuffer, onStack, costs);
                    int cheapest = int.MaxValue;
                    for (int a = 0; a < ParseState.Actions; a++) if (state.IsValid(a)) cheapest = Math.Min(cheapest, costs[a]);
                    int best = -1;
                    for (int a = 0; a < ParseState.Actions; a++)
                        if (state.IsValid(a) && costs[a] == cheapest && (best < 0 || scores[a] > scores[best])) best = a;
                    if (costs[guess] > cheapest) transitions.Update(rows.AsSpan(0, count), best, guess);
                    int action = epoch > 1 && costs[guess] > cheapest && random.NextDouble() < explore ? guess : best;
                    if (action == ParseState.Shift)
                    {
                        int b0 = state.B0;
                        inBuffer[gold[b0]]--;
                        onStack[gold[b0]]++;
                    }
                    else onStack[gold[state.S0]]--;
                    var (head, dependent) = state.Apply(action);
                    if (head < 0) continue;
                    byte label = root;
                    if (head > 0)
                    {
                        int labelCount = state.LabelFeatures(head, dependent, hashes);
                        for (int f = 0; f < labelCount; f++) rows[f] = labels.Row(hashes[f]);
                        labels.Score(rows.AsSpan(0, labelCount), scores);
                        label = (byte)DependencyParser.BestLabel(scores.AsSpan(0, relations.Length), root);
                        if (gold[dependent] == head)
                        {
                            labels.Update(rows.AsSpan(0, labelCount), goldLabel[dependent], label);
                            if (label == goldLabel[dependent]) labelled++;
                        }
                    }
                    else if (gold[dependent] == 0) labelled++;
                    if (gold[dependent] == head) right++;
                    total++;
                    state.Attach(head, dependent, label);
                }
                transitions.Step++;
                labels.Step++;
            }
            var scored = score is null ? "" : "; " + score(new DependencyParser(transitions.Average(), labels.Average(), relations));
            log.WriteLine($"parser epoch {epoch}: UAS {right / (double)total:F4} LAS {labelled / (double)total:F4} on training{scored}");
        }
        return new DependencyParser(transitions.Average(), labels.Average(), relations);
    }

    /// <summary>
    /// The gold arcs each transition loses. <paramref name="inBuffer"/>[h] counts the words still in the
    /// buffer whose gold head is h; <paramref name="onStack"/>[h] those on the stack (all headless).
    /// </summary>
    internal static void Costs(ParseState state, int[] gold, int[] inBuffer, int[] onStack, int[] costs)
    {
        int s0 = state.S0, s1 = state.S1, b0 = state.B0;
        if (b0 > 0)
        {
            // Shift: b0 can no longer take a head or dependents from below s0.
            int head = gold[b0];
            costs[ParseState.Shift] = onStack[b0] + (head != s0 && head < b0 && IsOnStack(state, head) ? 1 : 0);
        }
        if (s0 > 0)
        {
            int dependents = inBuffer[s0], head = gold[s0];
            if (b0 > 0) costs[ParseState.Left] = dependents + (head != b0 && (head == s1 || head > b0) ? 1 : 0);
            costs[ParseState.Right] = dependents + (head != s1 && b0 > 0 && head >= b0 ? 1 : 0);
        }
    }

    private static bool IsOnStack(ParseState state, int word)
    {
        for (int k = 0; k < state.Depth; k++) if (state.Stack[k] == word) return true;
        return false;
    }
}

/// <summary>What both parser trainers read of a treebank: each sentence's word keys, and its gold arcs loaded into 1-based arrays.</summary>
internal sealed class ParserTrainingSet
{
    private readonly IReadOnlyList<UdSentence> _sentences;
    private readonly Dictionary<string, byte> _relationOf;

    public ParserTrainingSet(IReadOnlyList<UdSentence> sentences, string[] relations)
    {
        _sentences = sentences;
        _relationOf = relations.Select((r, i) => (r, i)).ToDictionary(p => p.r, p => (byte)p.i);
        Root = _relationOf["root"];
        Keys = sentences.Select(s => s.Forms.Select(f => WordKeys.Of(f)).ToArray()).ToArray();
        Longest = sentences.Max(s => s.Length) + 2;
        Gold = new int[Longest];
        GoldLabel = new byte[Longest];
    }

    public WordKeys[][] Keys { get; }
    public byte Root { get; }

    /// <summary>The longest sentence's words plus the root and one spare: the size of per-word arrays.</summary>
    public int Longest { get; }

    /// <summary>The gold head of each word of the loaded sentence (1..n; 0 = root).</summary>
    public int[] Gold { get; }

    /// <summary>The gold relation class of each word of the loaded sentence.</summary>
    public byte[] GoldLabel { get; }

    public void Load(int s)
    {
        var sentence = _sentences[s];
        for (int i = 1; i <= sentence.Length; i++)
        {
            Gold[i] = sentence.Heads[i - 1];
            GoldLabel[i] = _relationOf.GetValueOrDefault(sentence.Relations[i - 1], Root);
        }
    }
}
