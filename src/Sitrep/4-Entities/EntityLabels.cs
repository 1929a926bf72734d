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

    /// <summary>
    /// Best label sequence for <paramref name="n"/> tokens given emission scores [token * Count + label]
    /// and transition scores [(previous or Start) * Count + label].
    /// </summary>
    public static void Viterbi(ReadOnlySpan<float> emission, ReadOnlySpan<float> transition, int n, Span<byte> labels)
    {
        if (n == 0) return;
        Span<float> score = stackalloc float[Count], next = stackalloc float[Count];
        var back = n * Count <= 4096 ? stackalloc byte[n * Count] : new byte[n * Count];
        for (int y = 0; y < Count; y++)
            score[y] = y == 0 || IsBegin(y) ? emission[y] + transition[Start * Count + y] : float.NegativeInfinity;
        for (int i = 1; i < n; i++)
        {
            for (int y = 0; y < Count; y++)
            {
                // O and B-X may follow anything; I-X only B-X or I-X.
                int from = y == 0 || IsBegin(y) ? 0 : y - 1, to = y == 0 || IsBegin(y) ? Count : y + 1;
                float best = float.NegativeInfinity;
                int argmax = from;
                for (int p = from; p < to; p++)
                {
                    float s = score[p] + transition[p * Count + y];
                    if (s > best) { best = s; argmax = p; }
                }
                next[y] = best + emission[i * Count + y];
                back[i * Count + y] = (byte)argmax;
            }
            next.CopyTo(score);
        }
        int last = 0;
        for (int y = 1; y < Count; y++) if (score[y] > score[last]) last = y;
        labels[n - 1] = (byte)last;
        for (int i = n - 1; i > 0; i--) labels[i - 1] = back[i * Count + labels[i]];
    }
}
