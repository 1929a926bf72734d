using Sitrep.Entities;
using Sitrep.Places;
using Sitrep.Stories;
using Sitrep.Syntax;
using Sitrep.Text;
using Sitrep.Time;

namespace Sitrep.Composition;

/// <summary>
/// The pipeline's steps in stage order. Commands pick the prefix they need: <c>extract</c> stops
/// after the text stage, <c>annotate</c> after entities, places and time.
/// </summary>
public sealed class Pipeline(IReadOnlyList<IDocumentStep> steps)
{
    public IReadOnlyList<IDocumentStep> Steps { get; } = steps;

    /// <summary>Ingested document to article text and metadata.</summary>
    public static Pipeline Extraction() => new([new HtmlArticleExtractor(), new TextLayout()]);

    /// <summary>Extraction plus entities, places and times.</summary>
    public static Pipeline Annotation() => new([.. Extraction().Steps, .. Annotating()]);

    /// <summary>The steps after extraction that find entities, places and times (each built once: some load models).</summary>
    private static IDocumentStep[] Annotating() =>
    [
        new Ingest.ArticleSizeLimit(),
        new SentenceSplitter(),
        new EntityRecognizer(),
        new EntityCanonicalizer(),
        // The geoparser reads the tagger's LOC, ORG, PER and MISC mentions.
        new Geoparser(),
        new TemporalTagger(),
    ];

    /// <summary>Extraction plus tokens, sentences and their syntax (tags, lemmas, dependency trees): <c>sitrep parse</c>.</summary>
    public static Pipeline Parsing() => new([.. Extraction().Steps, new Ingest.ArticleSizeLimit(), new SentenceSplitter(), new SyntaxParser()]);

    /// <summary>
    /// Annotation plus the per-document part of the stories stage, for commands that group stories; a
    /// body unrelated to its headline is read as the headline alone (such a document's records carry
    /// the text their offsets refer to).
    /// </summary>
    public static Pipeline StoryReading() => new([.. Extraction().Steps, new UnrelatedBody(), .. Annotating(), new StoryFeaturizer()]);

    public void Process(Document document)
    {
        foreach (var step in Steps) step.Process(document);
    }

    /// <summary>Reads, in parallel, the documents that the story-reading pipeline has not read yet (a worker may have).</summary>
    public static void ReadForStories(IReadOnlyList<Document> documents)
    {
        var pipeline = StoryReading();
        documents.Where(d => d.Get<StoryFeatures>() == null).AsParallel().ForAll(pipeline.Process);
    }
}
