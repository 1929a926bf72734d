using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Sitrep.Text;

/// <summary>
/// Recovers the article from a web page: its body text and metadata. Runs only on documents that
/// arrived as HTML; sets <see cref="Document.Text"/> to the extracted body.
/// </summary>
public sealed class HtmlArticleExtractor : IDocumentStep
{
    private static readonly HtmlParser Parser = new();

    public void Process(Document document)
    {
        if (document.Html == null) return;
        using var page = Parser.ParseDocument(document.Html);
        document.Title ??= page.QuerySelector("meta[property='og:title']")?.GetAttribute("content")?.Trim()
                           ?? page.QuerySelector("h1")?.TextContent.Trim()
                           ?? page.Title?.Trim();
        foreach (var junk in page.QuerySelectorAll("script, style, noscript, nav, header, footer, aside, form").ToList())
            junk.Remove();
        var paragraphs = page.QuerySelectorAll("p")
            .Select(p => Normalize(p.TextContent))
            .Where(t => t.Length > 0);
        document.Text = string.Join("\n\n", paragraphs);
    }

    private static string Normalize(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
