using AngleSharp.Html.Parser;

namespace Sitrep.Text;

/// <summary>
/// Recovers the article from a web page: its body text and metadata. Runs only on documents that
/// arrived as HTML; sets <see cref="Document.Text"/> to the extracted body (paragraphs separated by
/// blank lines) and fills the metadata fields the input left empty.
/// </summary>
public sealed class HtmlArticleExtractor : IDocumentStep
{
    /// <summary>Script, style and comment text is never article text; skipping it halves parse time.</summary>
    private static readonly ThreadLocal<HtmlParser> Parser = new(() => new HtmlParser(new HtmlParserOptions
    {
        SkipScriptText = true, SkipComments = true, SkipRawText = true, SkipCDATA = true, SkipProcessingInstructions = true,
    }));

    /// <summary>Below this many characters the boilerplate judgement probably cut the article itself.</summary>
    private const int ShortBody = 150;

    public void Process(Document document)
    {
        if (document.Html == null) return;
        using var page = Parser.Value!.ParseDocument(NestingLimiter.Limit(document.Html));
        var root = page.DocumentElement;
        using var tree = PageTree.Build(root, judgeBoilerplate: true);
        var jsonLd = JsonLdArticle.Find(document.Html);

        var metadata = new PageMetadata(tree, jsonLd);
        var title = metadata.Title(document.Url ?? metadata.Url);
        if (document.Text.Length == 0 && !document.TextIsInput)
            document.Text = Body(tree, root, document.Html, jsonLd, title);

        document.Url ??= metadata.Url;
        if (string.IsNullOrWhiteSpace(document.Title)) document.Title = title;
        if (metadata.Published(document.Url) is { } published) document.SetPublished(published, DateProvenance.Page);
        if (document.Authors.Count == 0) document.Authors.AddRange(metadata.Authors());
        if (string.IsNullOrWhiteSpace(document.Outlet)) document.Outlet = metadata.Outlet(document.Url);
        if (string.IsNullOrWhiteSpace(document.Language))
            document.Language = metadata.DeclaredLanguage(root) ?? LanguageGuess.Guess(document.Text);
    }

    /// <summary>A text the page ships besides its markup replaces the markup's body when it is this many times longer.</summary>
    private const int FullerText = 2;

    /// <summary>Below this many characters the page may be drawn by scripts from the state they ship; above, it is not searched.</summary>
    private const int ScriptDrawnBody = 500;

    private static string Body(PageTree tree, AngleSharp.Dom.IElement root, string html, JsonLdArticle? jsonLd, string? title)
    {
        var body = BodyOf(tree, title);
        if (body.Length < ShortBody)
        {
            using var lenientTree = PageTree.Build(root, judgeBoilerplate: false);
            var lenient = BodyOf(lenientTree, title);
            // a short article is still an article: only a strict result that is a fraction of the lenient one failed
            if (lenient.Length > 3 * body.Length) body = lenient;
        }
        // a page cut short for non-subscribers, or drawn by its scripts, still carries the whole text in its data
        if (jsonLd?.ArticleBody is { } declaredText)
        {
            var declared = string.Join("\n\n", declaredText.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            if ((body.Length < ShortBody && declared.Length > body.Length) || declared.Length > FullerText * body.Length) body = declared;
        }
        if (body.Length < ScriptDrawnBody)
        {
            var state = string.Join("\n\n", ScriptStateText.Find(html));
            if (state.Length > FullerText * body.Length) body = state;
        }
        return body;
    }

    /// <summary>How many paragraphs at the top may still be the headline, byline or dateline.</summary>
    private const int LeadingParagraphs = 3;

    /// <summary>How many paragraphs at the end may be closing notes: credits, notices, calls to follow, write or subscribe.</summary>
    private const int ClosingParagraphs = 6;

    private static string BodyOf(PageTree tree, string? title)
    {
        var paragraphs = BodyTextWriter.Write(tree, ArticleLead.WithLead(tree, ContentSelector.Select(tree), title));
        for (int i = Math.Min(LeadingParagraphs, paragraphs.Count) - 1; i >= 0; i--)
        {
            var text = paragraphs[i].Text;
            if (BoilerplateText.IsByline(text) || BoilerplateText.IsDateline(text)
                || (title != null && string.Equals(text, title, StringComparison.OrdinalIgnoreCase)))
                paragraphs.RemoveAt(i);
        }
        paragraphs.RemoveAll(p => BoilerplateText.IsBoilerplate(p.Text));
        for (int closing = 0; closing < ClosingParagraphs && paragraphs.Count > 1
             && (BoilerplateText.IsClosingNote(paragraphs[^1].Text) || BoilerplateText.IsClosingFragment(paragraphs[^1].Text)); closing++)
            paragraphs.RemoveAt(paragraphs.Count - 1);
        // a heading with nothing after it introduced a list of links or comments that was left out
        while (paragraphs.Count > 0 && paragraphs[^1].IsHeading) paragraphs.RemoveAt(paragraphs.Count - 1);
        return string.Join("\n\n", paragraphs.Select(p => p.Text));
    }
}
