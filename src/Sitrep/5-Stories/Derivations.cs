namespace Sitrep.Stories;

/// <summary>What a document reuses: an earlier document's id or an outlet's name, and the evidence.</summary>

/// <summary>A document as <see cref="DerivationIndex"/> compares it: MinHash signature and its LSH bands, hashes of its long sentences, its outlets.</summary>
public sealed record Fingerprint(ulong[] Signature, ulong[] Bands, ulong[] Sentences, string[] Outlets);

/// <summary>
/// Finds, as documents arrive, which earlier documents or outlets each one reuses:
/// <list type="bullet">
/// <item>an "Original Source" line naming an outlet (and the earlier document from that outlet);</item>
/// <item>aligned sentences: long sentences found word for word in an earlier document;</item>
/// <item>near-duplicates: MinHash over word 5-shingles, candidates by locality-sensitive hashing,
/// estimated Jaccard similarity at least <see cref="NearDuplicateJaccard"/>.</item>
/// </list>
/// Only the most recent <c>window</c> documents are remembered, so memory stays bounded.
/// </summary>
public sealed class DerivationIndex(int window = 100_000)
{
    public const double NearDuplicateJaccard = 0.5;
    private const int Hashes = 64, Bands = 16, Rows = Hashes / Bands, ShingleWords = 5;
    private const int SentenceWords = 8, SharedSentences = 2;
    private static readonly ulong[] Seeds = Enumerable.Range(1, Hashes).Select(i => Mix((ulong)i * 0x9E3779B97F4A7C15UL)).ToArray();

    private sealed record Remembered(string Id, string[] Outlets, ulong[] Signature, ulong[] Bands, ulong[] Sentences);

    private readonly Queue<Remembered> recent = new();
    private readonly Dictionary<ulong, List<Remembered>> bandIndex = [];
    private readonly Dictionary<ulong, Remembered> firstWithSentence = [];
    private readonly Dictionary<string, Remembered> latestFromOutlet = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>What the index compares a document by; computed apart so that it can run in parallel.</summary>
    public static Fingerprint Fingerprint(Document document)
    {
        var text = document.Body.Count > 0 ? document.BodyText() : document.Text;
        var words = Words.Scan(text);
        var signature = MinHash(text, words);
        return new Fingerprint(signature, BandKeys(signature), SentenceHashes(text, words),
            [.. new[] { OutletKey(document.Outlet), OutletKey(Host(document.Url)) }.OfType<string>().Distinct()]);
    }

    /// <summary>Records the document and returns what it derives from (earlier documents first, then outlets).</summary>
    public IReadOnlyList<Derivation> Add(Document document, Fingerprint? fingerprint = null)
    {
        var (signature, bands, sentences, outlets) = fingerprint ?? Fingerprint(document);
        var found = new List<Derivation>();

        var shared = new Dictionary<Remembered, int>();
        foreach (var s in sentences.Distinct())
            if (firstWithSentence.TryGetValue(s, out var earlier)) shared[earlier] = shared.GetValueOrDefault(earlier) + 1;
        var candidates = new HashSet<Remembered>();
        foreach (var b in bands)
            if (bandIndex.TryGetValue(b, out var list)) candidates.UnionWith(list);
        foreach (var earlier in candidates.Concat(shared.Keys).Distinct())
        {
            double jaccard = Similarity(signature, earlier.Signature);
            int sentencesShared = shared.GetValueOrDefault(earlier);
            if (jaccard >= NearDuplicateJaccard)
                found.Add(Derivation.FromDocument(earlier.Id, $"near-duplicate (Jaccard {jaccard:F2})"));
            else if (sentencesShared > 0 && sentencesShared >= Math.Min(SharedSentences, sentences.Length))
                found.Add(Derivation.FromDocument(earlier.Id, $"{sentencesShared} aligned sentences"));
        }
        if (OutletKey(document.OriginalSource) is { } original && !outlets.Contains(original))
        {
            // The outlet's name stands in only when none of its documents is at hand.
            if (latestFromOutlet.TryGetValue(original, out var fromOutlet)
                && (shared.ContainsKey(fromOutlet) || Similarity(signature, fromOutlet.Signature) > 0.2))
            {
                if (found.All(f => f.Source != fromOutlet.Id))
                    found.Add(Derivation.FromDocument(fromOutlet.Id, $"names {document.OriginalSource} as its original source"));
            }
            else found.Add(Derivation.FromOutlet(document.OriginalSource!, "original source line"));
        }

        Remember(new Remembered(document.Id, outlets, signature, bands, sentences));
        return found;
    }

    private void Remember(Remembered item)
    {
        recent.Enqueue(item);
        foreach (var b in item.Bands)
        {
            if (!bandIndex.TryGetValue(b, out var list)) bandIndex[b] = list = new List<Remembered>(1);
            list.Add(item);
        }
        foreach (var s in item.Sentences) firstWithSentence.TryAdd(s, item);
        foreach (var outlet in item.Outlets) latestFromOutlet[outlet] = item;
        if (recent.Count > window) Forget(recent.Dequeue());
    }

    private void Forget(Remembered item)
    {
        foreach (var b in item.Bands)
            if (bandIndex.TryGetValue(b, out var list) && list.Remove(item) && list.Count == 0) bandIndex.Remove(b);
        foreach (var s in item.Sentences)
            if (firstWithSentence.TryGetValue(s, out var first) && first == item) firstWithSentence.Remove(s);
        foreach (var outlet in item.Outlets)
            if (latestFromOutlet.TryGetValue(outlet, out var latest) && latest == item) latestFromOutlet.Remove(outlet);
    }

    /// <summary>"www.Example-News.com", "https://example-news.com/x" and "Example-News.com" are one outlet (known by its name or its web host).</summary>
    internal static string? OutletKey(string? outlet)
    {
        if (string.IsNullOrWhiteSpace(outlet)) return null;
        var key = outlet.Trim().ToLowerInvariant();
        if (Uri.TryCreate(key, UriKind.Absolute, out var uri) && uri.Host.Length > 0) key = uri.Host;
        if (key.StartsWith("www.", StringComparison.Ordinal)) key = key[4..];
        return key.TrimEnd('/');
    }

    private static string? Host(string? url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : null;

    private static ulong Mix(ulong h)
    {
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        return h ^ (h >> 33);
    }

    private static ulong WordHash(ReadOnlySpan<char> word)
    {
        ulong h = 14695981039346656037UL;
        foreach (char c in word)
        {
            h ^= char.ToLowerInvariant(c);
            h *= 1099511628211UL;
        }
        return h;
    }

    private static ulong[] MinHash(string text, List<Word> words)
    {
        var signature = new ulong[Hashes];
        Array.Fill(signature, ulong.MaxValue);
        var hashes = words.Select(w => WordHash(w.In(text))).ToArray();
        if (hashes.Length == 0) return signature;
        for (int i = 0; i < Math.Max(1, hashes.Length - ShingleWords + 1); i++)
        {
            ulong shingle = 0;
            for (int k = i; k < Math.Min(i + ShingleWords, hashes.Length); k++) shingle = Mix(shingle * 31 + hashes[k]);
            for (int j = 0; j < Hashes; j++)
            {
                ulong h = Mix(shingle ^ Seeds[j]);
                if (h < signature[j]) signature[j] = h;
            }
        }
        return signature;
    }

    private static ulong[] BandKeys(ulong[] signature)
    {
        if (signature[0] == ulong.MaxValue) return [];
        var keys = new ulong[Bands];
        for (int b = 0; b < Bands; b++)
        {
            ulong key = (ulong)b;
            for (int r = 0; r < Rows; r++) key = Mix(key * 31 + signature[b * Rows + r]);
            keys[b] = key;
        }
        return keys;
    }

    private static double Similarity(ulong[] a, ulong[] b)
    {
        int same = 0;
        for (int i = 0; i < Hashes; i++) if (a[i] == b[i] && a[i] != ulong.MaxValue) same++;
        return (double)same / Hashes;
    }

    /// <summary>Hashes of the text's long sentences, by their words alone (punctuation and case do not matter).</summary>
    private static ulong[] SentenceHashes(string text, List<Word> words)
    {
        var hashes = new List<ulong>();
        int start = 0;
        for (int i = 0; i < words.Count; i++)
        {
            bool last = i + 1 == words.Count || words[i + 1].SentenceInitial;
            if (!last) continue;
            if (i + 1 - start >= SentenceWords)
            {
                ulong h = 0;
                for (int k = start; k <= i; k++) h = Mix(h * 31 + WordHash(words[k].In(text)));
                hashes.Add(h);
            }
            start = i + 1;
        }
        return [.. hashes];
    }
}
