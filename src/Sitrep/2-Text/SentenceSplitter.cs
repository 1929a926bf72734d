namespace Sitrep.Text;

/// <summary>
/// Fills <see cref="Document.Tokens"/> and <see cref="Document.Sentences"/> for the body spans of the
/// document (the whole text when no layout step ran), for every later stage to share.
/// </summary>
public sealed class SentenceSplitter : IDocumentStep
{
    public void Process(Document document)
    {
        if (document.Tokens.Count > 0) return;
        var text = document.Text;
        IReadOnlyList<TextSpan> spans = document.Body.Count > 0 ? document.Body : [new TextSpan(0, text.Length)];
        foreach (var span in spans)
        {
            var tokens = Tokenizer.Tokenize(text, span.Start, span.End);
            int offset = document.Tokens.Count;
            foreach (var sentence in Tokenizer.SplitSentences(text, tokens))
                document.Sentences.Add(sentence with { FirstToken = sentence.FirstToken + offset });
            document.Tokens.AddRange(tokens);
        }
    }
}
