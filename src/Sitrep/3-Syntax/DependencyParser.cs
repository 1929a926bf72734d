namespace Sitrep.Syntax;

/// <summary>
/// Arc-hybrid dependency parser: one averaged perceptron scores each transition (shift, left arc,
/// right arc), another labels each arc as it is made, when the dependent's subtree is complete, so
/// later transitions see the labels of earlier arcs. Greedy with a beam width of 1; wider, it keeps
/// the best-scoring configurations of each step (a model trained globally for that width).
/// </summary>
internal sealed class DependencyParser(WeightTable transitions, WeightTable labels, string[] relations, int beamWidth = 1)
{
    public const int MaxBeamWidth = 16;

    public int BeamWidth => beamWidth;

    public WeightTable Transitions => transitions;
    public WeightTable LabelWeights => labels;

    /// <summary>The relation of each label class (UD relations with their English subtypes).</summary>
    public string[] Relations => relations;

    /// <summary>The label of arcs from the root.</summary>
    public byte RootLabel { get; } = (byte)Array.IndexOf(relations, "root");

    [ThreadStatic] private static ParseState? _state;
    [ThreadStatic] private static ParseState[]? _beam;

    /// <summary>Parses a tagged sentence: heads (0 = root, else 1-based) and label classes per word.</summary>
    public void Parse(ReadOnlySpan<WordKeys> words, ReadOnlySpan<byte> tags, Span<int> heads, Span<byte> relationClasses)
    {
        var state = beamWidth > 1 ? Search(words, tags) : Greedy(words, tags);
        for (int i = 0; i < words.Length; i++)
        {
            heads[i] = state.Heads[i + 1];
            relationClasses[i] = state.Labels[i + 1];
        }
    }

    private ParseState Greedy(ReadOnlySpan<WordKeys> words, ReadOnlySpan<byte> tags)
    {
        var state = _state ??= new ParseState();
        state.Reset(words, tags);
        Span<ulong> hashes = stackalloc ulong[ParseState.MaxTransitionFeatures];
        Span<int> rows = stackalloc int[ParseState.MaxTransitionFeatures];
        Span<float> scores = stackalloc float[Math.Max(transitions.Width, labels.Width)];
        while (!state.Done)
        {
            int count = state.TransitionFeatures(hashes);
            for (int f = 0; f < count; f++) rows[f] = transitions.Row(hashes[f]);
            transitions.Score3(rows[..count], scores);
            int action = Best(state, scores);
            var (head, dependent) = state.Apply(action);
            if (head >= 0) state.Attach(head, dependent, Label(state, head, dependent, hashes, rows, scores));
        }
        return state;
    }

    /// <summary>
    /// Beam search: every configuration of the beam proposes its valid transitions, and the best
    /// <see cref="BeamWidth"/> by total score go on. Arc-hybrid parses take 2n transitions whatever
    /// they do, so the items of a beam always finish together.
    /// </summary>
    private ParseState Search(ReadOnlySpan<WordKeys> words, ReadOnlySpan<byte> tags)
    {
        var pool = _beam ??= Enumerable.Range(0, 2 * MaxBeamWidth).Select(_ => new ParseState()).ToArray();
        int width = Math.Min(beamWidth, MaxBeamWidth), live = 1, current = 0;
        pool[0].Reset(words, tags);
        Span<ulong> hashes = stackalloc ulong[ParseState.MaxTransitionFeatures];
        Span<int> rows = stackalloc int[ParseState.MaxTransitionFeatures];
        Span<float> scores = stackalloc float[Math.Max(transitions.Width, labels.Width)];
        Span<double> totals = stackalloc double[MaxBeamWidth];
        Span<Candidate> candidates = stackalloc Candidate[MaxBeamWidth * ParseState.Actions];
        while (!pool[current].Done)
        {
            int proposed = 0;
            for (int item = 0; item < live; item++)
            {
                var state = pool[current + item];
                int count = state.TransitionFeatures(hashes);
                for (int f = 0; f < count; f++) rows[f] = transitions.Row(hashes[f]);
                transitions.Score3(rows[..count], scores);
                for (int a = 0; a < ParseState.Actions; a++)
                    if (state.IsValid(a)) candidates[proposed++] = new Candidate(totals[item] + scores[a], item, a);
            }
            int kept = Best(candidates[..proposed], width);
            int next = current == 0 ? MaxBeamWidth : 0;
            for (int k = 0; k < kept; k++)
            {
                var (total, item, action, _) = candidates[k];
                var state = pool[next + k];
                state.CopyFrom(pool[current + item]);
                var (head, dependent) = state.Apply(action);
                if (head >= 0) state.Attach(head, dependent, Label(state, head, dependent, hashes, rows, scores));
                totals[k] = total;
            }
            (current, live) = (next, kept);
        }
        return pool[current];
    }

    /// <summary>A transition proposed for a beam item, with the item's total score after it (and, in training, the gold arcs lost so far).</summary>
    public readonly record struct Candidate(double Total, int Item, int Action, int Cost = 0);

    /// <summary>Moves the best <paramref name="width"/> candidates to the front, best first; returns how many.</summary>
    public static int Best(Span<Candidate> candidates, int width)
    {
        int kept = Math.Min(width, candidates.Length);
        for (int k = 0; k < kept; k++)
        {
            int best = k;
            for (int c = k + 1; c < candidates.Length; c++)
                if (candidates[c].Total > candidates[best].Total) best = c;
            (candidates[k], candidates[best]) = (candidates[best], candidates[k]);
        }
        return kept;
    }

    /// <summary>The highest-scoring valid transition.</summary>
    public static int Best(ParseState state, ReadOnlySpan<float> scores)
    {
        int best = -1;
        for (int a = 0; a < ParseState.Actions; a++)
            if (state.IsValid(a) && (best < 0 || scores[a] > scores[best])) best = a;
        return best;
    }

    public byte Label(ParseState state, int head, int dependent, Span<ulong> hashes, Span<int> rows, Span<float> scores)
    {
        if (head == 0) return RootLabel;
        int count = state.LabelFeatures(head, dependent, hashes);
        for (int f = 0; f < count; f++) rows[f] = labels.Row(hashes[f]);
        labels.Score(rows[..count], scores);
        return (byte)BestLabel(scores[..relations.Length], RootLabel);
    }

    /// <summary>The best label other than root (only arcs from the root are labelled root).</summary>
    public static int BestLabel(ReadOnlySpan<float> scores, int root)
    {
        int best = root == 0 ? 1 : 0;
        for (int k = 0; k < scores.Length; k++)
            if (k != root && scores[k] > scores[best]) best = k;
        return best;
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(beamWidth);
        writer.Write(relations.Length);
        foreach (var r in relations) writer.Write(r);
        transitions.Write(writer);
        labels.Write(writer);
    }

    public static DependencyParser Read(BinaryReader reader)
    {
        int beamWidth = reader.ReadInt32();
        if (beamWidth is < 1 or > MaxBeamWidth) throw new InvalidDataException("not a parser model");
        var relations = new string[reader.ReadInt32()];
        for (int i = 0; i < relations.Length; i++) relations[i] = string.Intern(reader.ReadString());
        return new DependencyParser(WeightTable.Read(reader), WeightTable.Read(reader), relations, beamWidth);
    }
}
