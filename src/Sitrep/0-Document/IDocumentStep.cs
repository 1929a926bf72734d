namespace Sitrep;

/// <summary>
/// One step of the pipeline: reads the document and adds its own findings to it.
/// Steps run in stage order and never reach back into an earlier stage's work.
/// </summary>
public interface IDocumentStep
{
    void Process(Document document);
}
