namespace Sitrep.Ingest;

/// <summary>
/// Refuses an article whose text is longer than any article (<see cref="MaxChars"/>) before the
/// annotation steps, whose time grows with the text: four 60 MB records kept <c>annotate</c>
/// busy for ten minutes. The refused article is reported by the command as FILE:LINE: reason.
/// </summary>
public sealed class ArticleSizeLimit : IDocumentStep
{
    /// <summary>About 200,000 words: a long book, and a hundred times the longest news article.</summary>
    public const int MaxChars = 1 << 20;

    public void Process(Document document)
    {
        if (document.Text.Length > MaxChars)
            throw new ArticleTooLargeException($"its text has {document.Text.Length:N0} characters, more than the {MaxChars:N0} an article may have; not annotated");
    }
}

public sealed class ArticleTooLargeException(string message) : Exception(message);
