namespace Sitrep.Stories;

/// <summary>
/// The stories stage for a stream with no look-ahead: document frequencies learned online on top of
/// a news corpus's (<see cref="DocumentFrequencies.FromNewsPrior"/>) and one clusterer, documents
/// assigned in arrival order. Two streams fed the same documents in the same
/// order reach the same state, so a process can rebuild another's state by <see cref="Replay"/>ing
/// its assignments; that is how several workers share one story assignment (see Store.StoryWorker).
/// </summary>
public sealed class StoryStream
{
    private readonly DocumentFrequencies frequencies = DocumentFrequencies.FromNewsPrior();
    private readonly StoryClusterer clusterer = new(StoryDecision.Default, new ClusteringOptions());

    /// <summary>The story the document joins (a new story's number is the count of stories opened before it).</summary>
    public int Assign(DocumentTerms terms)
    {
        frequencies.Observe(terms);
        return clusterer.Add(terms.Weigh(frequencies));
    }

    /// <summary>Repeats an assignment another stream made; throws when this stream's state has diverged from it.</summary>
    public void Replay(DocumentTerms terms, int story)
    {
        frequencies.Observe(terms);
        int joined = clusterer.Join(terms.Weigh(frequencies), story);
        if (joined != story) throw new InvalidOperationException($"story stream diverged: story {story} replayed as {joined}");
    }
}
