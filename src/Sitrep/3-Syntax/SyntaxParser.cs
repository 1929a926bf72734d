namespace Sitrep.Syntax;

/// <summary>
/// Tags, lemmatises and parses every sentence of the document's shared tokens into
/// the document's <see cref="SyntaxAnalysis"/> (<c>document.Syntax()</c>), one entry per token (the
/// tokenizer already splits clitics as UD does).
/// </summary>
public sealed class SyntaxParser(SyntaxModel? model = null) : IDocumentStep
{
    [ThreadStatic] private static WordKeys[]? _keys;

    public void Process(Document document)
    {
        if (document.Syntax() != null) return;
        var syntax = model ?? SyntaxModel.Shipped;
        var analysis = new SyntaxAnalysis(document.Tokens.Count);
        var text = document.Text;
        var tokens = document.Tokens;
        foreach (var sentence in document.Sentences)
        {
            int n = sentence.TokenCount;
            if (_keys == null || _keys.Length < n) _keys = new WordKeys[Math.Max(n, 256)];
            for (int i = 0; i < n; i++) _keys[i] = WordKeys.Of(tokens[sentence.FirstToken + i].In(text));
            syntax.Fill(_keys.AsSpan(0, n), i => tokens[sentence.FirstToken + i].In(text), analysis, sentence.FirstToken, parse: true);
        }
        document.Set(analysis);
    }
}

/// <summary>The syntax stage's annotation of a document.</summary>
public static class DocumentSyntax
{
    /// <summary>Tags, lemmas and trees parallel to <see cref="Document.Tokens"/>; null until <see cref="SyntaxParser"/> ran.</summary>
    public static SyntaxAnalysis? Syntax(this Document document) => document.Get<SyntaxAnalysis>();
}
