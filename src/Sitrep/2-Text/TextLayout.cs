namespace Sitrep.Text;

/// <summary>
/// Finds which parts of a document's text are the article body. The body is a list of spans of
/// <see cref="Document.Text"/>, so offsets into the input stay exact.
/// </summary>
public sealed class TextLayout : IDocumentStep
{
    public void Process(Document document)
    {
        var text = document.Text;
        int start = 0, end = text.Length;
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end > start) document.Body.Add(new TextSpan(start, end));
    }
}
