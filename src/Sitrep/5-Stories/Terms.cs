namespace Sitrep.Stories;

/// <summary>
/// Terms are hashed into a fixed table instead of kept in a vocabulary, so memory stays fixed however
/// many names a stream brings (collisions at 2^22 buckets are rare enough not to matter).
/// Each kind of term hashes with its own seed, so the word "may" and the date "2025-05" never meet.
/// </summary>
public enum TermKind { Word = 1, Name = 2, Date = 3, Number = 4 }

public static class TermHash
{
    public const int Bits = 22;
    public const int Mask = (1 << Bits) - 1;

    /// <summary>The bucket of a term, ignoring case.</summary>
    public static int Of(TermKind kind, ReadOnlySpan<char> term)
    {
        ulong h = 14695981039346656037UL ^ ((ulong)kind * 0x9E3779B97F4A7C15UL);
        foreach (char c in term)
        {
            h ^= char.ToLowerInvariant(c);
            h *= 1099511628211UL;
        }
        h ^= h >> 29;
        h *= 0xBF58476D1CE4E5B9UL;
        h ^= h >> 32;
        return (int)(h & Mask);
    }

    /// <summary>A word reduced to its lowercase stem ("earthquakes" and "earthquake" meet), then hashed.</summary>
    public static int OfWord(ReadOnlySpan<char> word)
    {
        word = Words.WithoutPossessive(word);
        int n = word.Length;
        if (n > 4 && (word[n - 1] | 0x20) == 's')
        {
            char before = (char)(word[n - 2] | 0x20);
            if (before is not ('s' or 'u' or 'i')) word = word[..(n - 1)];
        }
        return Of(TermKind.Word, word);
    }
}

/// <summary>
/// How many documents contain each term, for inverse document frequency. Learned online from the
/// stream, or first from a look-ahead over a batch.
/// </summary>
public sealed class DocumentFrequencies
{
    private static readonly Lazy<DocumentFrequencies> Prior = new(() =>
    {
        using var stream = DataFiles.Open("Stories", "document-frequencies.bin.gz");
        return Read(stream);
    });

    private readonly int[] counts = new int[1 << TermHash.Bits];

    public int Documents { get; private set; }

    /// <summary>
    /// Counts from a news corpus (the CoNLL-2003 training articles, <c>sitrep train idf</c>) to start
    /// a stream with: without them the first documents of a stream weigh every term alike, and the
    /// terms two early reports share weigh least of all, just when they should say most.
    /// </summary>
    public static DocumentFrequencies FromNewsPrior()
    {
        var prior = Prior.Value;
        var copy = new DocumentFrequencies { Documents = prior.Documents };
        Array.Copy(prior.counts, copy.counts, copy.counts.Length);
        return copy;
    }

    /// <summary>Gzipped little-endian: the document count, then (term, count) for every counted term.</summary>
    public void Write(Stream output)
    {
        using var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(gzip);
        w.Write(Documents);
        w.Write(counts.Count(c => c > 0));
        for (int term = 0; term < counts.Length; term++)
            if (counts[term] > 0)
            {
                w.Write(term);
                w.Write(counts[term]);
            }
    }

    public static DocumentFrequencies Read(Stream input)
    {
        using var gzip = new System.IO.Compression.GZipStream(input, System.IO.Compression.CompressionMode.Decompress);
        using var r = new BinaryReader(gzip);
        var frequencies = new DocumentFrequencies { Documents = r.ReadInt32() };
        int terms = r.ReadInt32();
        for (int i = 0; i < terms; i++)
        {
            int term = r.ReadInt32();
            frequencies.counts[term & TermHash.Mask] = r.ReadInt32();
        }
        return frequencies;
    }

    /// <summary>Counts one document; each term once however often the document uses it.</summary>
    public void Observe(DocumentTerms terms)
    {
        Documents++;
        foreach (var space in terms.Spaces)
            foreach (var term in space.Keys)
                counts[term]++;
    }

    /// <summary>Smoothed IDF: rare terms weigh most, a term in every document still weighs a little.</summary>
    public float Idf(int term) => (float)(Math.Log((Documents + 1.0) / (counts[term] + 1.0)) + 1.0);
}

/// <summary>A document's term weights in one space, L2-normalised (empty when the document has no such terms).</summary>
public sealed class SparseVector(int[] terms, float[] weights)
{
    public static readonly SparseVector Empty = new([], []);

    public int[] Terms { get; } = terms;
    public float[] Weights { get; } = weights;
    public int Count => Terms.Length;

    /// <summary>Weights (1 + ln tf) · idf, normalised to unit length, sorted by weight, heaviest first.</summary>
    public static SparseVector Weigh(Dictionary<int, int> counts, DocumentFrequencies frequencies)
    {
        if (counts.Count == 0) return Empty;
        var terms = new int[counts.Count];
        var weights = new float[counts.Count];
        int i = 0;
        double norm = 0;
        foreach (var (term, tf) in counts)
        {
            float w = (float)(1 + Math.Log(tf)) * frequencies.Idf(term);
            terms[i] = term;
            weights[i++] = w;
            norm += w * w;
        }
        float scale = (float)(1 / Math.Sqrt(norm));
        for (i = 0; i < weights.Length; i++) weights[i] *= scale;
        Array.Sort(weights, terms, Comparer<float>.Create((a, b) => b.CompareTo(a)));
        return new SparseVector(terms, weights);
    }
}

/// <summary>
/// The sum of a story's document vectors in one space, with its length kept up to date. The cosine
/// with the sum is the cosine with the mean. Only the heaviest terms are kept, which bounds memory
/// per story and loses little: light terms barely move a cosine. Pruning waits until twice
/// <c>capacity</c> terms have gathered, so its sort is paid once per many documents.
/// </summary>
public sealed class Centroid(int capacity)
{
    private readonly Dictionary<int, float> sums = [];
    private double normSquared;

    public int Count => sums.Count;

    public void Add(SparseVector v)
    {
        double dot = 0, self = 0;
        for (int i = 0; i < v.Count; i++)
        {
            ref var sum = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(sums, v.Terms[i], out _);
            dot += sum * v.Weights[i];
            self += v.Weights[i] * v.Weights[i];
            sum += v.Weights[i];
        }
        normSquared += 2 * dot + self;
        if (sums.Count > 2 * capacity) Prune();
    }

    public float Cosine(SparseVector v)
    {
        if (v.Count == 0 || normSquared <= 0) return 0;
        double dot = 0;
        for (int i = 0; i < v.Count; i++)
            if (sums.TryGetValue(v.Terms[i], out var sum)) dot += sum * v.Weights[i];
        return (float)(dot / Math.Sqrt(normSquared));
    }

    public bool Contains(int term) => sums.ContainsKey(term);

    private void Prune()
    {
        var values = new float[sums.Count];
        sums.Values.CopyTo(values, 0);
        Array.Sort(values);
        float smallestKept = values[^capacity];
        normSquared = 0;
        foreach (var (term, sum) in sums)
        {
            if (sum < smallestKept) sums.Remove(term);
            else normSquared += sum * sum;
        }
    }
}
