using Sitrep.Places;
using Sitrep.Text;

namespace Sitrep;

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
    public static Pipeline Annotation() => new([
        .. Extraction().Steps,
        // The entity step goes here: the geoparser reads its LOC, ORG, PER and MISC mentions.
        new Geoparser(),
    ]);

    public void Process(Document document)
    {
        foreach (var step in Steps) step.Process(document);
    }
}
