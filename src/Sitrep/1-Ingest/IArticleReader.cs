namespace Sitrep.Ingest;

/// <summary>
/// Turns one input file of a known format into documents. A reader reports each record it cannot
/// read to the problem sink and goes on with the next; it never throws for bad content.
/// </summary>
public interface IArticleReader
{
    IEnumerable<Document> Read(InputFile file, IProblemSink problems);
}
