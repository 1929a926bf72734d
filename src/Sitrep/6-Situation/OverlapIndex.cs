namespace Sitrep.Situation;

/// <summary>
/// An inverted index from words to the items that contain them, so that finding the items sharing
/// words with a sentence costs the length of its postings, not the number of items: stories with
/// thousands of sentences stay fast.
/// </summary>
public sealed class OverlapIndex<T> where T : notnull
{
    private readonly Dictionary<string, List<T>> postings = new(StringComparer.Ordinal);

    public void Add(T item, IEnumerable<string> words)
    {
        foreach (var word in words)
        {
            if (!postings.TryGetValue(word, out var list)) postings[word] = list = [];
            list.Add(item);
        }
    }

    /// <summary>Every indexed item that shares at least one word with <paramref name="words"/>, with how many it shares.</summary>
    public Dictionary<T, int> Overlaps(IEnumerable<string> words)
    {
        var shared = new Dictionary<T, int>();
        foreach (var word in words)
            if (postings.TryGetValue(word, out var list))
                foreach (var item in list)
                    shared[item] = shared.GetValueOrDefault(item) + 1;
        return shared;
    }

    /// <summary>
    /// The items that share a word of <paramref name="words"/> that at most <see cref="CommonWord"/>
    /// items hold: candidates for a close match, found without walking the postings of words every
    /// sentence of a large story uses. Callers measure the overlap of each themselves.
    /// </summary>
    public HashSet<T> Candidates(IEnumerable<string> words)
    {
        var found = new HashSet<T>();
        foreach (var word in words)
            if (postings.TryGetValue(word, out var list) && list.Count <= CommonWord)
                found.UnionWith(list);
        return found;
    }

    public const int CommonWord = 200;
}
