using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Sitrep.Syntax;

/// <summary>
/// A trained linear model: 2^bits hashed feature rows of 16-bit class weights, scaled by one unit.
/// A narrow table (up to four classes: the parser's transitions) keeps whole rows, so a row is one
/// 8-byte load; a wide one (tags, relations) keeps only each row's non-zero weights as (class, weight)
/// pairs, which is a few per row: a tenth of the memory, so the models load fast and stay in cache.
/// </summary>
internal sealed class WeightTable
{
    private const int NarrowClasses = 4;
    private readonly short[] _weights;
    private readonly int[] _starts = [];
    private readonly byte[] _classes = [];

    public WeightTable(int bits, int classes, short[] dense, float unit)
    {
        Bits = bits;
        Classes = classes;
        Unit = unit;
        int width = PaddedWidth(classes);
        if (dense.Length != (1 << bits) * width) throw new InvalidDataException("weights do not match the table's size");
        if (classes <= NarrowClasses)
        {
            _weights = dense;
            return;
        }
        var counts = new byte[1 << bits];
        for (int row = 0; row < counts.Length; row++)
            for (int k = 0; k < classes; k++) if (dense[row * width + k] != 0) counts[row]++;
        _starts = Starts(counts);
        _classes = new byte[_starts[^1]];
        _weights = new short[_starts[^1]];
        for (int row = 0, at = 0; row < counts.Length; row++)
            for (int k = 0; k < classes; k++)
            {
                short w = dense[row * width + k];
                if (w == 0) continue;
                _classes[at] = (byte)k;
                _weights[at++] = w;
            }
    }

    private WeightTable(int bits, int classes, float unit, int[] starts, byte[] classIndexes, short[] weights)
    {
        (Bits, Classes, Unit, _starts, _classes, _weights) = (bits, classes, unit, starts, classIndexes, weights);
    }

    public int Bits { get; }
    public int Classes { get; }
    public float Unit { get; }

    /// <summary>The length of a score buffer: the classes, padded to whole vectors.</summary>
    public int Width => PaddedWidth(Classes);

    public int SizeInBytes => _weights.Length * sizeof(short) + _classes.Length + _starts.Length * sizeof(int);

    /// <summary>Up to four classes (the parser's transitions) fit one 8-byte load; more are padded to whole vectors of eight.</summary>
    public static int PaddedWidth(int classes) => classes <= NarrowClasses ? NarrowClasses : (classes + 7) & ~7;

    /// <summary>The row of a feature hash: its top bits.</summary>
    public int Row(ulong hash) => (int)(hash >> (64 - Bits));

    /// <summary>Sums the rows' weights of a wide table into <paramref name="scores"/> (length <see cref="Width"/>).</summary>
    public void Score(ReadOnlySpan<int> rows, Span<float> scores)
    {
        if (Classes <= NarrowClasses) throw new InvalidOperationException("a narrow table scores with Score3");
        Span<int> sum = stackalloc int[Width];
        sum.Clear();
        ref int starts = ref MemoryMarshal.GetArrayDataReference(_starts);
        ref byte classes = ref MemoryMarshal.GetArrayDataReference(_classes);
        ref short weights = ref MemoryMarshal.GetArrayDataReference(_weights);
        ref int total = ref MemoryMarshal.GetReference(sum);
        foreach (int row in rows)
        {
            int end = Unsafe.Add(ref starts, row + 1);
            for (int e = Unsafe.Add(ref starts, row); e < end; e++)
                Unsafe.Add(ref total, Unsafe.Add(ref classes, e)) += Unsafe.Add(ref weights, e);
        }
        for (int k = 0; k < sum.Length; k++) scores[k] = sum[k] * Unit;
    }

    /// <summary>Sums the first three classes of a narrow table's rows: the parser's transitions.</summary>
    public void Score3(ReadOnlySpan<int> rows, Span<float> scores)
    {
        int a = 0, b = 0, c = 0;
        ref short weights = ref MemoryMarshal.GetArrayDataReference(_weights);
        foreach (int row in rows)
        {
            ref short w = ref Unsafe.Add(ref weights, (nint)row * NarrowClasses);
            a += w;
            b += Unsafe.Add(ref w, 1);
            c += Unsafe.Add(ref w, 2);
        }
        scores[0] = a * Unit;
        scores[1] = b * Unit;
        scores[2] = c * Unit;
    }

    /// <summary>Where each row's pairs start (one more entry: the end), from the rows' pair counts.</summary>
    private static int[] Starts(ReadOnlySpan<byte> counts)
    {
        var starts = new int[counts.Length + 1];
        for (int row = 0; row < counts.Length; row++) starts[row + 1] = starts[row] + counts[row];
        return starts;
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Bits);
        writer.Write(Classes);
        writer.Write(Unit);
        if (Classes <= NarrowClasses)
        {
            // Which rows hold any weight (one bit each), then those rows: most rows of a hashed table are empty.
            var used = new byte[(1 << Bits) / 8];
            var rows = new List<short>();
            for (int row = 0; row < 1 << Bits; row++)
            {
                var weights = _weights.AsSpan(row * NarrowClasses, NarrowClasses);
                if (!weights.ContainsAnyExcept((short)0)) continue;
                used[row >> 3] |= (byte)(1 << (row & 7));
                rows.AddRange(weights);
            }
            writer.Write(used);
            writer.Write(MemoryMarshal.AsBytes(rows.ToArray().AsSpan()));
            return;
        }
        var counts = new byte[1 << Bits];
        for (int row = 0; row < counts.Length; row++) counts[row] = (byte)(_starts[row + 1] - _starts[row]);
        writer.Write(counts);
        writer.Write(_classes);
        writer.Write(MemoryMarshal.AsBytes(_weights.AsSpan()));
    }

    /// <summary>Reads a table written by <see cref="Write"/>: whole arrays at once, nothing per entry.</summary>
    public static WeightTable Read(BinaryReader reader)
    {
        int bits = reader.ReadInt32(), classes = reader.ReadInt32();
        if (bits is < 8 or > 26 || classes is < 1 or > byte.MaxValue) throw new InvalidDataException("not a weight table");
        float unit = reader.ReadSingle();
        if (classes <= NarrowClasses)
        {
            var used = new byte[(1 << bits) / 8];
            reader.BaseStream.ReadExactly(used);
            int stored = 0;
            foreach (byte b in used) stored += BitOperations.PopCount(b);
            // The stored rows are read to the front of the table, then moved out to their places, last first.
            var dense = new short[(1 << bits) * NarrowClasses];
            reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(dense.AsSpan(0, stored * NarrowClasses)));
            for (int row = (1 << bits) - 1, next = stored - 1; row >= 0 && next < row; row--)
            {
                var place = dense.AsSpan(row * NarrowClasses, NarrowClasses);
                if ((used[row >> 3] & (1 << (row & 7))) == 0)
                {
                    if (row < stored) place.Clear();
                    continue;
                }
                dense.AsSpan(next-- * NarrowClasses, NarrowClasses).CopyTo(place);
            }
            return new WeightTable(bits, classes, dense, unit);
        }
        var counts = new byte[1 << bits];
        reader.BaseStream.ReadExactly(counts);
        var starts = Starts(counts);
        var classIndexes = new byte[starts[^1]];
        var weights = new short[starts[^1]];
        reader.BaseStream.ReadExactly(classIndexes);
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(weights.AsSpan()));
        return new WeightTable(bits, classes, unit, starts, classIndexes, weights);
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

    /// <summary>Adds <paramref name="amount"/> to one class of the rows (one side of a structured update).</summary>
    public void Add(ReadOnlySpan<int> rows, int type, float amount)
    {
        foreach (int row in rows)
        {
            int at = row * Width + type;
            _weights[at] += amount;
            _accumulated[at] += Step * amount;
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
