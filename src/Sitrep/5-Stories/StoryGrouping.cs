namespace Sitrep.Stories;

/// <summary>
/// The stories stage for a batch: documents arrive annotated (and featurized) in input order; each is recorded
/// with what it reuses (<see cref="DerivationIndex"/>, written to <see cref="Document.DerivedFrom"/>)
/// and its story terms, and <see cref="Stories"/> clusters them as <see cref="StoryBatch"/> does.
/// <typeparamref name="T"/> is what a story lists per document: the document itself, or only its id
/// when the caller need not keep the text.
/// </summary>
public sealed class StoryGrouping<T>
{
    private readonly DerivationIndex derivations = new();
    private readonly List<(T Item, DocumentTerms Terms)> documents = [];

    /// <summary>Adds the next document, featurized by <see cref="StoryFeaturizer"/> when it ran, else here.</summary>
    public void Add(Document document, T item)
    {
        var features = document.Get<StoryFeatures>() ?? StoryFeaturizer.Of(document);
        document.DerivedFrom.AddRange(derivations.Add(document, features.Fingerprint));
        documents.Add((item, features.Terms));
    }

    /// <summary>The stories, each listing its documents in input order, ordered by their first document.</summary>
    public List<List<T>> Stories() =>
        StoryBatch.Cluster(documents.Select(d => d.Terms).ToList(), StoryDecision.Default, new StoryRefinement())
            .Select(story => story.Select(i => documents[i].Item).ToList())
            .ToList();
}
