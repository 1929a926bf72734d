namespace Sitrep.Entities;

public sealed class EntityCanonicalizer : IDocumentStep
{
    public void Process(Document document) { }
}
