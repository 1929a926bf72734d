namespace Sitrep.Entities;

/// <summary>
/// The tag set (BIO: O, then B-/I- for each CoNLL type) and Viterbi decoding under its rule that
/// I-X only continues B-X or I-X.
/// </summary>
internal static class EntityLabels
{
    public static readonly string[] Types = ["PER", "ORG", "LOC", "MISC"];
    public const int Count = 9;

    /// <summary>The row of the transition table used before the first token.</summary>
    public const int Start = Count;

    /// <summary>0 for outside, else 1 + index into <see cref="Types"/>.</summary>
    public static int TypeOf(int label) => (label + 1) / 2;

    public static bool IsBegin(int label) => label % 2 == 1;

    public static byte Begin(int type) => (byte)(2 * type - 1);

    public static bool Allowed(int previous, int label) =>
        label == 0 || IsBegin(label) || previous == label || previous == label - 1;

    /// <summary>
    /// Best label sequence for <paramref name="n"/> tokens given emission scores [token * Count + label]
    /// and transition scores [(previous or Start) * Count + label].
    /// </summary>
    public static void Viterbi(ReadOnlySpan<float> emission, ReadOnlySpan<float> transition, int n, Span<byte> labels)
    {
        if (n == 0) return;
        Span<float> score = stackalloc float[Count], next = stackalloc float[Count];
        var back = n * Count <= 4096 ? stackalloc byte[n * Count] : new byte[n * Count];
        var forbidden = Forbidden;
        for (int y = 0; y < Count; y++) score[y] = emission[y] + transition[Start * Count + y] + forbidden[Start * Count + y];
        for (int i = 1; i < n; i++)
        {
            for (int y = 0; y < Count; y++)
            {
                float best = float.NegativeInfinity;
                int from = 0;
                for (int p = 0; p < Count; p++)
                {
                    float s = score[p] + transition[p * Count + y] + forbidden[p * Count + y];
                    if (s > best) { best = s; from = p; }
                }
                next[y] = best + emission[i * Count + y];
                back[i * Count + y] = (byte)from;
            }
            next.CopyTo(score);
        }
        int last = 0;
        for (int y = 1; y < Count; y++) if (score[y] > score[last]) last = y;
        labels[n - 1] = (byte)last;
        for (int i = n - 1; i > 0; i--) labels[i - 1] = back[i * Count + labels[i]];
    }

    /// <summary>Minus infinity for each transition the BIO rule forbids (I-X after anything but B-X or I-X, or first), else 0.</summary>
    private static readonly float[] Forbidden = BuildForbidden();

    private static float[] BuildForbidden()
    {
        var table = new float[(Count + 1) * Count];
        for (int p = 0; p <= Count; p++)
            for (int y = 0; y < Count; y++)
                table[p * Count + y] = p < Count && Allowed(p, y) || p == Start && (y == 0 || IsBegin(y)) ? 0 : float.NegativeInfinity;
        return table;
    }
}
