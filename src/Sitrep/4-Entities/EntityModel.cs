using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Sitrep.Entities;

/// <summary>
/// The trained tagger: hashed feature rows of 16-bit label weights plus label transition scores,
/// decoded per sentence with Viterbi. Stored gzip-compressed (most rows are empty).
/// </summary>
public sealed class EntityModel
{
    private const string Magic = "SITREP-NER-1";
    public const string FileName = "ner-model.bin.gz";

    /// <summary>Rows of 9 weights, then a vector's slack so the last row loads as one vector too.</summary>
    private readonly short[] _weights;
    private readonly float[] _transitions;
    private readonly float _unit;

    public EntityModel(int bits, short[] weights, float[] transitions, float unit)
    {
        if (weights.Length != (1 << bits) * EntityLabels.Count) throw new ArgumentException("weights do not match the hash size");
        Bits = bits;
        _weights = new short[weights.Length + Vector128<short>.Count];
        weights.CopyTo(_weights, 0);
        _transitions = transitions;
        _unit = unit;
    }

    /// <summary>log2 of the number of feature rows.</summary>
    public int Bits { get; }

    private static readonly Lazy<EntityModel> ShippedModel = new(() =>
    {
        using var stream = DataFiles.OpenModel("Entities", FileName);
        return Read(stream);
    });

    /// <summary>The model built into the engine (src/Sitrep/4-Entities/Data), or a retrained one in SITREP_DATA, loaded on first use.</summary>
    public static EntityModel Shipped => ShippedModel.Value;

    /// <summary>Labels every sentence of a document in order, so later sentences see the history of earlier ones.</summary>
    internal byte[] Tag(string text, IReadOnlyList<Token> tokens, IReadOnlyList<Sentence> sentences, EntityGazetteer gazetteer)
    {
        var labels = new byte[tokens.Count];
        var features = new EntityFeatures(text, tokens, sentences, gazetteer, Bits);
        int longest = sentences.Count == 0 ? 0 : sentences.Max(s => s.TokenCount);
        var emission = new float[longest * EntityLabels.Count];
        Span<int> rows = stackalloc int[EntityFeatures.MaxFeatures];
        ref short weights = ref MemoryMarshal.GetArrayDataReference(_weights);
        var unit = Vector256.Create(_unit);
        foreach (var sentence in sentences)
        {
            bool headline = features.IsHeadline(sentence);
            features.BeginSentence(sentence);
            for (int i = 0; i < sentence.TokenCount; i++)
            {
                int count = features.Extract(sentence, headline, sentence.FirstToken + i, rows);
                // Labels 0-7 in one vector of 16-bit weights summed as 32-bit integers, label 8 apart.
                var sum = Vector256<int>.Zero;
                int last = 0;
                foreach (int row in rows[..count])
                {
                    nuint at = (nuint)(row * EntityLabels.Count);
                    var w = Vector128.LoadUnsafe(ref weights, at);
                    sum += Vector256.Create(Vector128.WidenLower(w), Vector128.WidenUpper(w));
                    last += Unsafe.Add(ref weights, at + 8);
                }
                (Vector256.ConvertToSingle(sum) * unit).CopyTo(emission.AsSpan(i * EntityLabels.Count));
                emission[i * EntityLabels.Count + 8] = last * _unit;
            }
            var sentenceLabels = labels.AsSpan(sentence.FirstToken, sentence.TokenCount);
            EntityLabels.Viterbi(emission, _transitions, sentence.TokenCount, sentenceLabels);
            features.Remember(sentence, sentenceLabels);
        }
        return labels;
    }

    public void Write(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip);
        writer.Write(Magic);
        writer.Write(Bits);
        writer.Write(EntityLabels.Count);
        writer.Write(_unit);
        foreach (float t in _transitions) writer.Write(t);
        writer.Write(MemoryMarshal.AsBytes(_weights.AsSpan(0, _weights.Length - Vector128<short>.Count)));
    }

    public static EntityModel Read(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new BinaryReader(new BufferedStream(gzip, 1 << 16));
        if (reader.ReadString() != Magic) throw new InvalidDataException("not a Sitrep entity model");
        int bits = reader.ReadInt32();
        if (reader.ReadInt32() != EntityLabels.Count || bits is < 10 or > 26) throw new InvalidDataException("entity model of another tag set");
        float unit = reader.ReadSingle();
        var transitions = new float[(EntityLabels.Count + 1) * EntityLabels.Count];
        for (int i = 0; i < transitions.Length; i++) transitions[i] = reader.ReadSingle();
        var weights = new short[(1 << bits) * EntityLabels.Count];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(weights.AsSpan()));
        return new EntityModel(bits, weights, transitions, unit);
    }
}
