using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Sitrep.Syntax;

/// <summary>
/// A trained linear model: 2^bits hashed feature rows of <see cref="Width"/> 16-bit class weights
/// (classes padded to a multiple of 8, so a row loads as whole vectors), scaled by one unit.
/// </summary>
internal sealed class WeightTable
{
    private readonly short[] _weights;

    public WeightTable(int bits, int classes, short[] weights, float unit)
    {
        Bits = bits;
        Classes = classes;
        Width = PaddedWidth(classes);
        if (weights.Length != (1 << bits) * Width) throw new InvalidDataException("weights do not match the table's size");
        _weights = weights;
        Unit = unit;
    }

    public int Bits { get; }
    public int Classes { get; }
    public int Width { get; }
    public float Unit { get; }
    public int SizeInBytes => _weights.Length * sizeof(short);

    /// <summary>Up to four classes (the parser's transitions) fit one 8-byte load; more are padded to whole vectors of eight.</summary>
    public static int PaddedWidth(int classes) => classes <= 4 ? 4 : (classes + 7) & ~7;

    /// <summary>The row of a feature hash: its top bits.</summary>
    public int Row(ulong hash) => (int)(hash >> (64 - Bits));

    /// <summary>Sums the rows' weights into <paramref name="scores"/> (length <see cref="Width"/>).</summary>
    public void Score(ReadOnlySpan<int> rows, Span<float> scores)
    {
        Span<int> sum = stackalloc int[Width];
        sum.Clear();
        ref short weights = ref MemoryMarshal.GetArrayDataReference(_weights);
        ref int total = ref MemoryMarshal.GetReference(sum);
        foreach (int row in rows)
        {
            nuint at = (nuint)row * (nuint)Width;
            for (nuint k = 0; k < (nuint)Width; k += 8)
            {
                var w = Vector128.LoadUnsafe(ref weights, at + k);
                var widened = Vector256.Create(Vector128.WidenLower(w), Vector128.WidenUpper(w));
                (Vector256.LoadUnsafe(ref total, k) + widened).StoreUnsafe(ref total, k);
            }
        }
        var unit = Vector256.Create(Unit);
        ref float score = ref MemoryMarshal.GetReference(scores);
        for (nuint k = 0; k < (nuint)Width; k += 8)
            (Vector256.ConvertToSingle(Vector256.LoadUnsafe(ref total, k)) * unit).StoreUnsafe(ref score, k);
    }

    /// <summary>Sums the first three classes of the rows: the parser's transitions, where a whole vector would waste the loads.</summary>
    public void Score3(ReadOnlySpan<int> rows, Span<float> scores)
    {
        int a = 0, b = 0, c = 0;
        ref short weights = ref MemoryMarshal.GetArrayDataReference(_weights);
        foreach (int row in rows)
        {
            ref short w = ref Unsafe.Add(ref weights, (nint)row * Width);
            a += w;
            b += Unsafe.Add(ref w, 1);
            c += Unsafe.Add(ref w, 2);
        }
        scores[0] = a * Unit;
        scores[1] = b * Unit;
        scores[2] = c * Unit;
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Bits);
        writer.Write(Classes);
        writer.Write(Unit);
        writer.Write(MemoryMarshal.AsBytes(_weights.AsSpan()));
    }

    public static WeightTable Read(BinaryReader reader)
    {
        int bits = reader.ReadInt32(), classes = reader.ReadInt32();
        if (bits is < 8 or > 26 || classes is < 1 or > 4096) throw new InvalidDataException("not a weight table");
        float unit = reader.ReadSingle();
        var weights = new short[(1 << bits) * PaddedWidth(classes)];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(weights.AsSpan()));
        return new WeightTable(bits, classes, weights, unit);
    }
}

/// <summary>
/// The weights of an averaged perceptron while it trains: current and step-weighted sums, so the
/// average is one subtraction away (Daumé's trick); updates touch only the rows of one decision.
/// </summary>
internal sealed class TrainingWeights(int bits, int classes)
{
    public readonly int Width = WeightTable.PaddedWidth(classes);
    private readonly float[] _weights = new float[(1 << bits) * WeightTable.PaddedWidth(classes)];
    private readonly float[] _accumulated = new float[(1 << bits) * WeightTable.PaddedWidth(classes)];

    public int Bits => bits;
    public int Classes => classes;

    /// <summary>Counts updates; the average weights each by how long it stood.</summary>
    public long Step { get; set; } = 1;

    public int Row(ulong hash) => (int)(hash >> (64 - bits));

    public void Score(ReadOnlySpan<int> rows, Span<float> scores)
    {
        scores[..Width].Clear();
        ref float score = ref MemoryMarshal.GetReference(scores);
        ref float weights = ref MemoryMarshal.GetArrayDataReference(_weights);
        if (Width < 8)
        {
            foreach (int row in rows)
                for (int k = 0; k < Width; k++) scores[k] += _weights[row * Width + k];
            return;
        }
        foreach (int row in rows)
        {
            nuint at = (nuint)row * (nuint)Width;
            for (nuint k = 0; k < (nuint)Width; k += 8)
                (Vector256.LoadUnsafe(ref score, k) + Vector256.LoadUnsafe(ref weights, at + k)).StoreUnsafe(ref score, k);
        }
    }

    /// <summary>Moves the rows toward <paramref name="gold"/> and away from <paramref name="guess"/>.</summary>
    public void Update(ReadOnlySpan<int> rows, int gold, int guess, float amount = 1)
    {
        if (gold == guess) return;
        foreach (int row in rows)
        {
            int at = row * Width;
            _weights[at + gold] += amount;
            _accumulated[at + gold] += Step * amount;
            _weights[at + guess] -= amount;
            _accumulated[at + guess] -= Step * amount;
        }
    }

    /// <summary>The averaged weights, quantised to 16 bits.</summary>
    public WeightTable Average()
    {
        var (quantised, unit) = AverageQuantised(_weights, _accumulated, Step);
        return new WeightTable(bits, classes, quantised, unit);
    }

    /// <summary>
    /// An averaged perceptron's weights (current minus step-weighted updates over the step count),
    /// quantised to 16 bits with the unit that maps the largest to short.MaxValue.
    /// </summary>
    public static (short[] Weights, float Unit) AverageQuantised(float[] weights, float[] accumulated, long step)
    {
        var averaged = new float[weights.Length];
        float max = 1e-6f;
        for (int i = 0; i < averaged.Length; i++)
        {
            averaged[i] = weights[i] - accumulated[i] / step;
            max = Math.Max(max, Math.Abs(averaged[i]));
        }
        float unit = max / short.MaxValue;
        var quantised = new short[averaged.Length];
        for (int i = 0; i < averaged.Length; i++) quantised[i] = (short)Math.Round(averaged[i] / unit);
        return (quantised, unit);
    }
}
