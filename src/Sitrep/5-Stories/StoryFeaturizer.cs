namespace Sitrep.Stories;

/// <summary>What the stories stage needs of one document: its story terms and its fingerprint for finding copies.</summary>
public sealed record StoryFeatures(DocumentTerms Terms, Fingerprint Fingerprint);

/// <summary>
/// The per-document part of the stories stage, a pipeline step that runs in parallel with the other
/// per-document steps, so that the sequential part (<see cref="StoryGrouping{T}"/>) only compares.
/// </summary>
public sealed class StoryFeaturizer : IDocumentStep
{
    private static readonly StoryProfiler Profiler = new();

    public void Process(Document document) => document.Set(Of(document));

    public static StoryFeatures Of(Document document) => new(Profiler.Count(document), DerivationIndex.Fingerprint(document));
}
