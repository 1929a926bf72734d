
namespace Sitrep.Syntax;

/// <summary>
/// An arc-hybrid configuration (Kuhlmann et al. 2011): a stack whose bottom is the root, the buffer
/// of words not read yet, and the arcs so far with their labels and what the features ask about
/// them (outermost children, valency, label sets). Words are 1..n; 0 is the root. Reused from
/// sentence to sentence, so parsing allocates nothing.
/// </summary>
internal sealed class ParseState
{
    public const int Shift = 0, Left = 1, Right = 2, Actions = 3, MaxTransitionFeatures = 96, MaxLabelFeatures = 40;
    private const int NoTag = 254, RootTag = 253;
    private static readonly ulong NoWord = FeatureHash.Of("<none>"), RootWord = FeatureHash.Of("<root>");

    public int Count;
    public int[] Stack = [], Heads = [], Tags = [], LeftCount = [], RightCount = [];
    public int[] Left1 = [], Left2 = [], Right1 = [], Right2 = [];
    public byte[] Labels = [];
    public ulong[] Words = [], Suffixes = [], LeftLabels = [], RightLabels = [];
    public int Depth, Next;

    public int S0 => Depth > 0 ? Stack[Depth - 1] : -1;
    public int S1 => Depth > 1 ? Stack[Depth - 2] : -1;
    public int S2 => Depth > 2 ? Stack[Depth - 3] : -1;
    public int B0 => Next <= Count ? Next : -1;
    public bool Done => Next > Count && Depth == 1;

    public void Reset(ReadOnlySpan<WordKeys> words, ReadOnlySpan<byte> tags)
    {
        Count = words.Length;
        int size = Count + 1;
        if (Stack.Length < size)
        {
            int capacity = Math.Max(size, Stack.Length * 2);
            Stack = new int[capacity]; Heads = new int[capacity]; Tags = new int[capacity];
            LeftCount = new int[capacity]; RightCount = new int[capacity];
            Left1 = new int[capacity]; Left2 = new int[capacity]; Right1 = new int[capacity]; Right2 = new int[capacity];
            Labels = new byte[capacity]; Words = new ulong[capacity]; Suffixes = new ulong[capacity];
            LeftLabels = new ulong[capacity]; RightLabels = new ulong[capacity];
        }
        Words[0] = RootWord;
        Suffixes[0] = RootWord;
        Tags[0] = RootTag;
        for (int i = 1; i < size; i++)
        {
            Words[i] = words[i - 1].Lower;
            Suffixes[i] = words[i - 1].Suffix3;
            Tags[i] = tags[i - 1];
        }
        Array.Fill(Heads, -1, 0, size);
        Array.Clear(LeftCount, 0, size); Array.Clear(RightCount, 0, size);
        Array.Clear(Left1, 0, size); Array.Clear(Left2, 0, size); Array.Clear(Right1, 0, size); Array.Clear(Right2, 0, size);
        Array.Clear(Labels, 0, size); Array.Clear(LeftLabels, 0, size); Array.Clear(RightLabels, 0, size);
        Stack[0] = 0;
        Depth = 1;
        Next = 1;
    }

    /// <summary>Becomes a copy of another configuration of the same sentence (a beam's next item).</summary>
    public void CopyFrom(ParseState other)
    {
        if (Stack.Length < other.Stack.Length)
        {
            int capacity = other.Stack.Length;
            Stack = new int[capacity]; Heads = new int[capacity]; Tags = new int[capacity];
            LeftCount = new int[capacity]; RightCount = new int[capacity];
            Left1 = new int[capacity]; Left2 = new int[capacity]; Right1 = new int[capacity]; Right2 = new int[capacity];
            Labels = new byte[capacity]; Words = new ulong[capacity]; Suffixes = new ulong[capacity];
            LeftLabels = new ulong[capacity]; RightLabels = new ulong[capacity];
        }
        (Count, Depth, Next) = (other.Count, other.Depth, other.Next);
        int size = Count + 1;
        Array.Copy(other.Stack, Stack, size); Array.Copy(other.Heads, Heads, size); Array.Copy(other.Tags, Tags, size);
        Array.Copy(other.LeftCount, LeftCount, size); Array.Copy(other.RightCount, RightCount, size);
        Array.Copy(other.Left1, Left1, size); Array.Copy(other.Left2, Left2, size);
        Array.Copy(other.Right1, Right1, size); Array.Copy(other.Right2, Right2, size);
        Array.Copy(other.Labels, Labels, size);
        Array.Copy(other.Words, Words, size); Array.Copy(other.Suffixes, Suffixes, size);
        Array.Copy(other.LeftLabels, LeftLabels, size); Array.Copy(other.RightLabels, RightLabels, size);
    }

    public bool IsValid(int action) => action switch
    {
        Shift => Next <= Count,
        Left => Depth > 1 && Next <= Count,
        // Right arcs from the root only at the end, so every sentence gets exactly one root.
        _ => Depth > 2 || Depth == 2 && Next > Count,
    };

    /// <summary>Applies a transition; returns the new arc's (head, dependent), or (-1, -1) for a shift.</summary>
    public (int Head, int Dependent) Apply(int action)
    {
        switch (action)
        {
            case Shift:
                Stack[Depth++] = Next++;
                return (-1, -1);
            case Left:
                return (Next, Stack[--Depth]);
            default:
                int dependent = Stack[--Depth];
                return (Stack[Depth - 1], dependent);
        }
    }

    /// <summary>Records an arc made by <see cref="Apply"/> with its label.</summary>
    public void Attach(int head, int dependent, byte label)
    {
        Heads[dependent] = head;
        Labels[dependent] = label;
        ulong bit = 1ul << (label & 63);
        if (dependent < head)
        {
            // Left dependents arrive nearest first, so the newest is the leftmost.
            Left2[head] = Left1[head];
            Left1[head] = dependent;
            LeftCount[head]++;
            LeftLabels[head] |= bit;
        }
        else
        {
            Right2[head] = Right1[head];
            Right1[head] = dependent;
            RightCount[head]++;
            RightLabels[head] |= bit;
        }
    }

    private ulong W(int i) => i < 0 ? NoWord : Words[i];
    private ulong P(int i) => i < 0 ? NoTag : (ulong)Tags[i];
    private ulong L(int i) => i <= 0 ? 255ul : Labels[i];
    private static int Child(int[] children, int i) => i < 0 || children[i] == 0 ? -1 : children[i];

    private static ulong Distance(int a, int b)
    {
        if (a < 0 || b < 0) return 0;
        int d = Math.Abs(a - b);
        return d <= 5 ? (ulong)d : d <= 10 ? 6ul : 7ul;
    }

    /// <summary>Zhang and Nivre (2011) style templates for the arc-hybrid system: words, tags, distance, valency, outer children and label sets.</summary>
    public int TransitionFeatures(Span<ulong> h)
    {
        int s0 = S0, s1 = S1, s2 = S2, b0 = B0;
        int b1 = b0 > 0 && b0 + 1 <= Count ? b0 + 1 : -1, b2 = b1 > 0 && b1 + 1 <= Count ? b1 + 1 : -1;
        if (s0 == 0) s0 = -2; // the root has no features of its own but marks the empty stack
        ulong s0w = s0 == -2 ? RootWord : W(s0), s0p = s0 == -2 ? RootTag : P(s0);
        if (s0 == -2) s0 = -1;
        ulong b0w = W(b0), b0p = P(b0), b1w = W(b1), b1p = P(b1), b2w = W(b2), b2p = P(b2);
        ulong s1w = W(s1), s1p = P(s1), s2p = P(s2);
        int s0l1 = Child(Left1, s0), s0l2 = Child(Left2, s0), s0r1 = Child(Right1, s0), s0r2 = Child(Right2, s0);
        int b0l1 = Child(Left1, b0), b0l2 = Child(Left2, b0), s1r1 = Child(Right1, s1), s1l1 = Child(Left1, s1);
        ulong d = Distance(s0, b0), d1 = Distance(s1, s0);
        ulong s0vl = s0 < 0 ? 0 : (ulong)LeftCount[s0], s0vr = s0 < 0 ? 0 : (ulong)RightCount[s0], b0vl = b0 < 0 ? 0 : (ulong)LeftCount[b0];
        ulong s0sl = s0 < 0 ? 0 : LeftLabels[s0], s0sr = s0 < 0 ? 0 : RightLabels[s0], b0sl = b0 < 0 ? 0 : LeftLabels[b0];
        int n = 0;
        h[n++] = F(1, s0w); h[n++] = F(2, s0p); h[n++] = F(3, s0w, s0p);
        h[n++] = F(4, b0w); h[n++] = F(5, b0p); h[n++] = F(6, b0w, b0p);
        h[n++] = F(7, b1w); h[n++] = F(8, b1p); h[n++] = F(9, b1w, b1p);
        h[n++] = F(10, b2w); h[n++] = F(11, b2p);
        h[n++] = F(12, s1w); h[n++] = F(13, s1p); h[n++] = F(14, s1w, s1p); h[n++] = F(15, s2p);
        h[n++] = F(16, F(0, s0w, s0p), F(0, b0w, b0p));
        h[n++] = F(17, s0w, s0p, b0w); h[n++] = F(18, s0w, b0w, b0p);
        h[n++] = F(19, s0w, s0p, b0p); h[n++] = F(20, s0p, b0w, b0p);
        h[n++] = F(21, s0w, b0w); h[n++] = F(22, s0p, b0p); h[n++] = F(23, b0p, b1p);
        h[n++] = F(24, b0p, b1p, b2p); h[n++] = F(25, s0p, b0p, b1p); h[n++] = F(26, s1p, s0p, b0p);
        h[n++] = F(27, s0p, P(s0l1), b0p); h[n++] = F(28, s0p, P(s0r1), b0p); h[n++] = F(29, s0p, b0p, P(b0l1));
        h[n++] = F(30, s1p, P(s1r1), s0p);
        h[n++] = F(31, s0w, d); h[n++] = F(32, s0p, d); h[n++] = F(33, b0w, d); h[n++] = F(34, b0p, d);
        h[n++] = F(35, s0w, b0w, d); h[n++] = F(36, s0p, b0p, d);
        h[n++] = F(37, s0w, s0vr); h[n++] = F(38, s0p, s0vr); h[n++] = F(39, s0w, s0vl); h[n++] = F(40, s0p, s0vl);
        h[n++] = F(41, b0w, b0vl); h[n++] = F(42, b0p, b0vl);
        h[n++] = F(43, W(s0l1)); h[n++] = F(44, P(s0l1)); h[n++] = F(45, L(s0l1));
        h[n++] = F(46, W(s0r1)); h[n++] = F(47, P(s0r1)); h[n++] = F(48, L(s0r1));
        h[n++] = F(49, W(b0l1)); h[n++] = F(50, P(b0l1)); h[n++] = F(51, L(b0l1));
        h[n++] = F(52, W(s0l2)); h[n++] = F(53, P(s0l2)); h[n++] = F(54, L(s0l2));
        h[n++] = F(55, W(s0r2)); h[n++] = F(56, P(s0r2)); h[n++] = F(57, L(s0r2));
        h[n++] = F(58, W(b0l2)); h[n++] = F(59, P(b0l2)); h[n++] = F(60, L(b0l2));
        h[n++] = F(61, s0p, P(s0l1), P(s0l2)); h[n++] = F(62, s0p, P(s0r1), P(s0r2)); h[n++] = F(63, b0p, P(b0l1), P(b0l2));
        h[n++] = F(64, s0w, s0sr); h[n++] = F(65, s0p, s0sr); h[n++] = F(66, s0w, s0sl); h[n++] = F(67, s0p, s0sl);
        h[n++] = F(68, b0w, b0sl); h[n++] = F(69, b0p, b0sl);
        h[n++] = F(70, s1p, s0p, d1); h[n++] = F(71, s1w, s0w); h[n++] = F(72, s1w, s1p, s0p); h[n++] = F(73, s1p, s0w, s0p);
        h[n++] = F(74, s1p, s1 < 0 ? 0 : RightLabels[s1]); h[n++] = F(75, s1p, L(s1r1), P(s1r1));
        h[n++] = F(76, s2p, s1p, s0p); h[n++] = F(77, s1p, P(s1l1), s0p);
        h[n++] = F(78, s0p, L(s0l1), b0p); h[n++] = F(79, s0p, L(s0r1), b0p); h[n++] = F(80, b0p, L(b0l1), s0p);
        h[n++] = F(81, s0p, b0p, b0 > 0 && b0 - 1 > 0 ? P(b0 - 1) : NoTag);
        h[n++] = F(82, s0p, b0p, s0 > 0 && s0 + 1 < b0 ? P(s0 + 1) : NoTag);
        h[n++] = F(83, s0w, b0p, b1p); h[n++] = F(84, s0p, b0w, b1p);
        return n;
    }

    /// <summary>Features for the label of a new arc: the dependent with its finished subtree, the head with its children so far.</summary>
    public int LabelFeatures(int head, int dependent, Span<ulong> h)
    {
        ulong dir = dependent < head ? 1ul : 2ul, dist = Distance(head, dependent);
        ulong hw = head == 0 ? RootWord : W(head), hp = P(head), dw = W(dependent), dp = P(dependent);
        int l1 = Child(Left1, dependent), r1 = Child(Right1, dependent);
        ulong hsl = LeftLabels[head], hsr = RightLabels[head], dsl = LeftLabels[dependent], dsr = RightLabels[dependent];
        int n = 0;
        h[n++] = F(101, dw); h[n++] = F(102, dp, dir); h[n++] = F(103, hp, dp, dir); h[n++] = F(104, hw, dp, dir);
        h[n++] = F(105, hp, dw, dir); h[n++] = F(106, hw, dw, dir); h[n++] = F(107, dp, dir, dist); h[n++] = F(108, hp, dp, dist);
        h[n++] = F(109, dp, L(l1), W(l1)); h[n++] = F(110, dp, L(r1)); h[n++] = F(111, dp, dsl); h[n++] = F(112, dp, dsr);
        h[n++] = F(113, hp, dp, W(l1)); h[n++] = F(114, hp, dir, hsl); h[n++] = F(115, dp, dir, hsl); h[n++] = F(116, dp, dir, hsr);
        h[n++] = F(117, hp, dp, dsl); h[n++] = F(118, dp, Suffixes[dependent]); h[n++] = F(119, dp, dependent == 1 ? 1ul : 0ul, dir);
        h[n++] = F(120, dp, P(dependent - 1), P(dependent + 1 <= Count ? dependent + 1 : -1));
        h[n++] = F(121, hp, P(head + 1 <= Count ? head + 1 : -1), dir);
        h[n++] = F(122, hw, hp, dsl); h[n++] = F(123, dw, hp, dsr);
        h[n++] = F(124, hp, dp, (ulong)(dependent < head ? LeftCount[head] : RightCount[head]));
        h[n++] = F(125, dw, L(l1));
        h[n++] = F(126, head == 0 ? 1ul : 0ul, dp);
        return n;
    }

    private static ulong F(ulong template, ulong a) => FeatureHash.Combine(template, a);
    private static ulong F(ulong template, ulong a, ulong b) => FeatureHash.Combine(FeatureHash.Combine(template, a), b);
    private static ulong F(ulong template, ulong a, ulong b, ulong c) => FeatureHash.Combine(FeatureHash.Combine(FeatureHash.Combine(template, a), b), c);
}
