
namespace Sitrep.Syntax;

/// <summary>
/// Part-of-speech tagger: a greedy left-to-right averaged perceptron over (UPOS, Penn XPOS) pairs,
/// with the word, its affixes and shape, two words of context each side and the two previous tags.
/// </summary>
internal sealed class PosTagger(WeightTable weights, string[] upos, string[] xpos, Dictionary<ulong, byte> likelyTags)
{
    public const int MaxFeatures = 48;

    public WeightTable Weights => weights;

    /// <summary>The UPOS of each class (a tag pair).</summary>
    public string[] Upos => upos;

    /// <summary>The Penn tag of each class.</summary>
    public string[] Xpos => xpos;

    public int Classes => upos.Length;

    /// <summary>The most frequent tag of each word seen at least twice in training (by lower-case form), a look-ahead for tagging.</summary>
    public Dictionary<ulong, byte> LikelyTags => likelyTags;

    /// <summary>Tags the sentence's words with class indexes.</summary>
    public void Tag(ReadOnlySpan<WordKeys> words, Span<byte> classes)
    {
        Span<ulong> hashes = stackalloc ulong[MaxFeatures];
        Span<int> rows = stackalloc int[MaxFeatures];
        Span<float> scores = stackalloc float[weights.Width];
        Span<byte> likely = words.Length <= 512 ? stackalloc byte[words.Length] : new byte[words.Length];
        Likely(likelyTags, words, likely);
        for (int i = 0; i < words.Length; i++)
        {
            if (likely[i] >= Sure && likely[i] != Start)
            {
                classes[i] = (byte)(likely[i] - Sure);
                continue;
            }
            int count = Features(words, likely, i, i > 0 ? classes[i - 1] : Start, i > 1 ? classes[i - 2] : Start, hashes);
            for (int f = 0; f < count; f++) rows[f] = weights.Row(hashes[f]);
            weights.Score(rows[..count], scores);
            classes[i] = (byte)ArgMax(scores[..Classes]);
        }
    }

    public const int Start = 255;

    /// <summary>Added to a likely tag that is the word's tag nearly always in training: such words skip the model.</summary>
    public const int Sure = 128;

    public static int ArgMax(ReadOnlySpan<float> scores)
    {
        int best = 0;
        for (int k = 1; k < scores.Length; k++) if (scores[k] > scores[best]) best = k;
        return best;
    }

    /// <summary>Whether the lower-case form of a word is a common word (its likely tag is not a proper noun's).</summary>
    public bool IsCommonWord(ulong lower) =>
        likelyTags.TryGetValue(lower, out byte tag) && !xpos[tag & (Sure - 1)].StartsWith("NNP", StringComparison.Ordinal);

    /// <summary>Whether the sentence is written in Title Case: at least four words, nearly all capitalised.</summary>
    public static bool IsHeadline(ReadOnlySpan<WordKeys> words)
    {
        if (words.Length < 4) return false;
        int capitalised = 0;
        foreach (ref readonly var w in words) if (w.Capitalised) capitalised++;
        return capitalised * 5 >= words.Length * 4;
    }

    /// <summary>Each word's likely tag (plus <see cref="Sure"/> when it is nearly certain), <see cref="Start"/> for words the dictionary lacks.</summary>
    public static void Likely(Dictionary<ulong, byte> dictionary, ReadOnlySpan<WordKeys> words, Span<byte> likely)
    {
        for (int i = 0; i < words.Length; i++) likely[i] = dictionary.TryGetValue(words[i].Lower, out byte tag) ? tag : (byte)Start;
    }

    /// <summary>The feature hashes of word <paramref name="i"/> given the two previous tags.</summary>
    public static int Features(ReadOnlySpan<WordKeys> words, ReadOnlySpan<byte> likely, int i, int previous, int beforePrevious, Span<ulong> hashes)
    {
        ulong l0 = Plain(likely[i]), l1 = i + 1 < likely.Length ? Plain(likely[i + 1]) : Start, l2 = i + 2 < likely.Length ? Plain(likely[i + 2]) : Start;
        ref readonly var w = ref words[i];
        ref readonly var p1 = ref At(words, i - 1);
        ref readonly var p2 = ref At(words, i - 2);
        ref readonly var n1 = ref At(words, i + 1);
        ref readonly var n2 = ref At(words, i + 2);
        int n = 0;
        void Add(Span<ulong> h, ulong template, ulong value) => h[n++] = FeatureHash.Combine(template, value);
        void Add2(Span<ulong> h, ulong template, ulong a, ulong b) => h[n++] = FeatureHash.Combine(FeatureHash.Combine(template, a), b);
        Add(hashes, 1, 0);
        Add(hashes, 2, w.Form);
        Add(hashes, 3, w.Lower);
        Add(hashes, 4, w.Suffix1);
        Add(hashes, 5, w.Suffix2);
        Add(hashes, 6, w.Suffix3);
        Add(hashes, 7, w.Suffix4);
        Add(hashes, 8, w.Prefix1);
        Add(hashes, 9, w.Prefix2);
        Add(hashes, 10, w.Prefix3);
        Add(hashes, 11, w.Prefix4);
        Add(hashes, 12, w.Shape);
        Add(hashes, 13, p1.Lower);
        Add(hashes, 14, n1.Lower);
        Add(hashes, 15, p2.Lower);
        Add(hashes, 16, n2.Lower);
        Add(hashes, 17, p1.Suffix3);
        Add(hashes, 18, n1.Suffix3);
        Add(hashes, 19, (ulong)previous);
        Add2(hashes, 20, (ulong)previous, (ulong)beforePrevious);
        Add2(hashes, 21, (ulong)previous, w.Lower);
        Add2(hashes, 22, p1.Lower, w.Lower);
        Add2(hashes, 23, w.Lower, n1.Lower);
        Add2(hashes, 24, (ulong)previous, w.Suffix3);
        Add(hashes, 25, n1.Shape);
        Add2(hashes, 26, (ulong)previous, n1.Lower);
        Add2(hashes, 27, i == 0 ? 1ul : 0ul, w.Lower);
        Add(hashes, 28, n1.Suffix2);
        Add2(hashes, 29, n1.Lower, n2.Lower);
        Add(hashes, 30, p1.Shape);
        Add2(hashes, 31, w.Shape, (ulong)previous);
        Add2(hashes, 32, i == 0 ? 1ul : 0ul, w.Shape);
        if (w.Last != 0) Add(hashes, 33, w.Last);
        Add2(hashes, 34, n1.Suffix1, n1.Shape);
        Add2(hashes, 35, w.Suffix2, n1.Lower);
        Add(hashes, 36, l0);
        Add(hashes, 37, l1);
        Add2(hashes, 38, l1, l2);
        Add2(hashes, 39, l0, (ulong)previous);
        Add2(hashes, 40, l0, l1);
        Add2(hashes, 41, w.Lower, l1);
        return n;
    }

    private static ulong Plain(byte likely) => likely == Start ? Start : (ulong)(likely & (Sure - 1));

    private static ref readonly WordKeys At(ReadOnlySpan<WordKeys> words, int i)
    {
        if ((uint)i < (uint)words.Length) return ref words[i];
        return ref WordKeys.Boundary;
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Classes);
        for (int k = 0; k < Classes; k++)
        {
            writer.Write(upos[k]);
            writer.Write(xpos[k]);
        }
        weights.Write(writer);
        writer.Write(likelyTags.Count);
        foreach (var (word, tag) in likelyTags.OrderBy(e => e.Key))
        {
            writer.Write(word);
            writer.Write(tag);
        }
    }

    public static PosTagger Read(BinaryReader reader)
    {
        int classes = reader.ReadInt32();
        var upos = new string[classes];
        var xpos = new string[classes];
        for (int k = 0; k < classes; k++)
        {
            upos[k] = string.Intern(reader.ReadString());
            xpos[k] = string.Intern(reader.ReadString());
        }
        var weights = WeightTable.Read(reader);
        int words = reader.ReadInt32();
        var likely = new Dictionary<ulong, byte>(words);
        for (int i = 0; i < words; i++) likely[reader.ReadUInt64()] = reader.ReadByte();
        return new PosTagger(weights, upos, xpos, likely);
    }
}
