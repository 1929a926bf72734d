namespace Sitrep.Syntax;

/// <summary>
/// Greedy arc-hybrid dependency parser: one averaged perceptron picks each transition (shift, left
/// arc, right arc), another labels each arc as it is made, when the dependent's subtree is complete,
/// so later transitions see the labels of earlier arcs.
/// </summary>
internal sealed class DependencyParser(WeightTable transitions, WeightTable labels, string[] relations)
{
    public WeightTable Transitions => transitions;
    public WeightTable LabelWeights => labels;

    /// <summary>The relation of each label class (UD relations with their English subtypes).</summary>
    public string[] Relations => relations;

    /// <summary>The label of arcs from the root.</summary>
    public byte RootLabel { get; } = (byte)Array.IndexOf(relations, "root");

    [ThreadStatic] private static ParseState? _state;

    /// <summary>Parses a tagged sentence: heads (0 = root, else 1-based) and label classes per word.</summary>
    public void Parse(ReadOnlySpan<WordKeys> words, ReadOnlySpan<byte> tags, Span<int> heads, Span<byte> relationClasses)
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
        for (int i = 0; i < words.Length; i++)
        {
            heads[i] = state.Heads[i + 1];
            relationClasses[i] = state.Labels[i + 1];
        }
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
        writer.Write(relations.Length);
        foreach (var r in relations) writer.Write(r);
        transitions.Write(writer);
        labels.Write(writer);
    }

    public static DependencyParser Read(BinaryReader reader)
    {
        var relations = new string[reader.ReadInt32()];
        for (int i = 0; i < relations.Length; i++) relations[i] = string.Intern(reader.ReadString());
        return new DependencyParser(WeightTable.Read(reader), WeightTable.Read(reader), relations);
    }
}
