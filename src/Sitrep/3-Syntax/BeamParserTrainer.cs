namespace Sitrep.Syntax;

/// <summary>
/// Trains the parser for beam search as a global structured perceptron with early update (Collins and
/// Roark 2004; Zhang and Nivre 2011): the gold path follows, step by step, the best-scoring transition
/// that loses no gold arc (the dynamic oracle's costs; the cheapest where a non-projective tree leaves
/// none); when no configuration of the beam has lost as few arcs as the gold path, the transitions of the gold path so far are rewarded and those of the best
/// item penalised, and the sentence ends there. Arcs of the gold path teach the labeller.
/// </summary>
internal sealed class BeamParserTrainer(int transitionBits, int labelBits, int epochs, int seed, int width)
{
    /// <summary>A beam item: its configuration, what the oracle needs to price its transitions, and how it got there.</summary>
    private sealed class Item
    {
        public readonly ParseState State = new();
        public int[] InBuffer = [], OnStack = [];
        public byte[] Actions = [];
        public int Steps, Cost;
        public double Total;

        public void CopyFrom(Item other, int size)
        {
            State.CopyFrom(other.State);
            Array.Copy(other.InBuffer, InBuffer, size);
            Array.Copy(other.OnStack, OnStack, size);
            Array.Copy(other.Actions, Actions, other.Steps);
            (Steps, Cost, Total) = (other.Steps, other.Cost, other.Total);
        }
    }

    public DependencyParser Train(IReadOnlyList<UdSentence> sentences, IReadOnlyList<byte[]> tags, string[] relations, TextWriter log,
        Func<DependencyParser, string>? score = null)
    {
        var set = new ParserTrainingSet(sentences, relations);
        var (keys, gold, goldLabel, root, longest) = (set.Keys, set.Gold, set.GoldLabel, set.Root, set.Longest);
        var transitions = new TrainingWeights(transitionBits, ParseState.Actions);
        var labels = new TrainingWeights(labelBits, relations.Length);
        var random = new Random(seed);
        var order = Enumerable.Range(0, sentences.Count).ToArray();
        var hashes = new ulong[ParseState.MaxTransitionFeatures];
        var rows = new int[ParseState.MaxTransitionFeatures];
        var scores = new float[Math.Max(transitions.Width, labels.Width)];
        var costs = new int[ParseState.Actions];
        var beam = Enumerable.Range(0, 2 * width).Select(_ => NewItem(longest)).ToArray();
        var goldItem = NewItem(longest);
        var replay = new ParseState();
        var candidates = new DependencyParser.Candidate[width * ParseState.Actions];

        byte Label(ParseState state, int head, int dependent, bool learn)
        {
            if (head == 0) return root;
            int count = state.LabelFeatures(head, dependent, hashes);
            for (int f = 0; f < count; f++) rows[f] = labels.Row(hashes[f]);
            labels.Score(rows.AsSpan(0, count), scores);
            byte label = (byte)DependencyParser.BestLabel(scores.AsSpan(0, relations.Length), root);
            if (learn && gold[dependent] == head) labels.Update(rows.AsSpan(0, count), goldLabel[dependent], label);
            return label;
        }

        int Score(ParseState state)
        {
            int count = state.TransitionFeatures(hashes);
            for (int f = 0; f < count; f++) rows[f] = transitions.Row(hashes[f]);
            transitions.Score(rows.AsSpan(0, count), scores);
            return count;
        }

        void Step(Item item, int action, bool learnLabels)
        {
            var state = item.State;
            if (action == ParseState.Shift)
            {
                item.InBuffer[gold[state.B0]]--;
                item.OnStack[gold[state.B0]]++;
            }
            else item.OnStack[gold[state.S0]]--;
            item.Actions[item.Steps++] = (byte)action;
            var (head, dependent) = state.Apply(action);
            if (head >= 0) state.Attach(head, dependent, Label(state, head, dependent, learnLabels));
        }

        // Rewards (amount 1) or penalises (-1) the transitions of a path, replayed from the start.
        void Update(int s, Item item, float amount)
        {
            replay.Reset(keys[s], tags[s]);
            for (int t = 0; t < item.Steps; t++)
            {
                int count = replay.TransitionFeatures(hashes);
                for (int f = 0; f < count; f++) rows[f] = transitions.Row(hashes[f]);
                transitions.Add(rows.AsSpan(0, count), item.Actions[t], amount);
                var (head, dependent) = replay.Apply(item.Actions[t]);
                if (head >= 0) replay.Attach(head, dependent, Label(replay, head, dependent, learn: false));
            }
        }

        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            random.Shuffle(order);
            long early = 0, right = 0, total = 0;
            foreach (int s in order)
            {
                var sentence = sentences[s];
                int n = sentence.Length;
                set.Load(s);
                Start(goldItem, keys[s], tags[s], gold, n);
                Start(beam[0], keys[s], tags[s], gold, n);
                int live = 1, current = 0;
                bool updated = false;
                while (!goldItem.State.Done)
                {
                    // The gold path: the best-scoring transition that loses no gold arc.
                    Score(goldItem.State);
                    DependencyParserTrainer.Costs(goldItem.State, gold, goldItem.InBuffer, goldItem.OnStack, costs);
                    int goldAction = -1;
                    for (int a = 0; a < ParseState.Actions; a++)
                        if (goldItem.State.IsValid(a) && costs[a] == 0 && (goldAction < 0 || scores[a] > scores[goldAction])) goldAction = a;
                    if (goldAction < 0)
                        for (int a = 0; a < ParseState.Actions; a++)
                            if (goldItem.State.IsValid(a) && (goldAction < 0 || costs[a] < costs[goldAction])) goldAction = a;
                    goldItem.Cost += costs[goldAction];
                    Step(goldItem, goldAction, learnLabels: true);

                    int proposed = 0;
                    for (int k = 0; k < live; k++)
                    {
                        var item = beam[current + k];
                        Score(item.State);
                        DependencyParserTrainer.Costs(item.State, gold, item.InBuffer, item.OnStack, costs);
                        for (int a = 0; a < ParseState.Actions; a++)
                            if (item.State.IsValid(a)) candidates[proposed++] = new DependencyParser.Candidate(item.Total + scores[a], k, a, item.Cost + costs[a]);
                    }
                    int kept = DependencyParser.Best(candidates.AsSpan(0, proposed), width);
                    int next = current == 0 ? width : 0;
                    bool onTrack = false;
                    for (int k = 0; k < kept; k++)
                    {
                        var (sum, parent, action, cost) = candidates[k];
                        var item = beam[next + k];
                        item.CopyFrom(beam[current + parent], n + 2);
                        (item.Cost, item.Total) = (cost, sum);
                        Step(item, action, learnLabels: false);
                        onTrack |= item.Cost <= goldItem.Cost;
                    }
                    (current, live) = (next, kept);
                    if (!onTrack)
                    {
                        Update(s, goldItem, 1);
                        Update(s, beam[current], -1);
                        early++;
                        updated = true;
                        break;
                    }
                }
                if (!updated && beam[current].Cost > goldItem.Cost)
                {
                    Update(s, goldItem, 1);
                    Update(s, beam[current], -1);
                }
                if (!updated)
                    for (int i = 1; i <= n; i++, total++) if (beam[current].State.Heads[i] == gold[i]) right++;
                transitions.Step++;
                labels.Step++;
            }
            var scored = score is null ? "" : "; " + score(new DependencyParser(transitions.Average(), labels.Average(), relations, width));
            log.WriteLine($"beam parser epoch {epoch}: {early} early updates, UAS {right / (double)Math.Max(1, total):F4} on the sentences parsed to the end{scored}");
        }
        return new DependencyParser(transitions.Average(), labels.Average(), relations, width);
    }

    private static Item NewItem(int size) => new() { InBuffer = new int[size], OnStack = new int[size], Actions = new byte[2 * size] };

    private static void Start(Item item, WordKeys[] keys, byte[] tags, int[] gold, int n)
    {
        item.State.Reset(keys, tags);
        Array.Clear(item.InBuffer, 0, n + 2);
        Array.Clear(item.OnStack, 0, n + 2);
        for (int i = 1; i <= n; i++) item.InBuffer[gold[i]]++;
        (item.Steps, item.Cost, item.Total) = (0, 0, 0);
    }
}
