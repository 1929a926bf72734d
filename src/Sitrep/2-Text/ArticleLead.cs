namespace Sitrep.Text;

/// <summary>
/// The blocks between an article's headline and its body: subtitle, standfirst, abstract, a lead
/// paragraph. Pages often mark them up apart from the body (in the article's header, named
/// "standfirst" or "dek"), so the container that holds the body leaves them out; where they sit,
/// right under the headline the page titles itself with, says what they are.
/// </summary>
internal static class ArticleLead
{
    /// <summary>Text a lead block needs: a subtitle or a sentence, not a date, a label or a name.</summary>
    private const int MinLength = 30;

    /// <summary>More text than this between headline and body is not a lead but other content.</summary>
    private const int MaxLeadText = 800;

    private const double MaxLinkDensity = 0.2;

    /// <summary>How far above the body's first block the headline may sit: further up, it titles the site, not the article.</summary>
    private const int MaxHeadlineLevels = 3;

    /// <summary>The article's roots with the lead blocks right before their text, in document order.</summary>
    public static List<int> WithLead(PageTree tree, List<int> roots, string? title)
    {
        if (roots.Count == 0 || string.IsNullOrWhiteSpace(title)) return roots;
        int headline = Headline(tree, roots[0], title);
        if (headline < 0) return roots;
        // the blocks between headline and body, each a lead block, one to pass over, or other content
        var units = new List<(int Index, Unit Unit)>();
        for (int i = tree[headline].End; i < tree.Count && !StartsBody(tree, roots, i);)
        {
            ref var node = ref tree[i];
            if (node.Kind == TagKind.Text)
            {
                if (node.TextLength > 0) units.Add((i, Unit.Other));
            }
            else if (IsAside(node) || IsLeaf(node))
            {
                units.Add((i, IsAside(node) || node.TextLength == 0 ? Unit.Passed : Classify(tree, i)));
                i = node.End;
                continue;
            }
            i++; // a wrapper, a line of inline elements, or an ancestor of the body: look inside
        }
        // only the lead blocks adjacent to the body: bylines, dates and pictures may sit between, other content may not
        var lead = new List<int>();
        int length = 0;
        for (int u = units.Count - 1; u >= 0 && units[u].Unit != Unit.Other; u--)
        {
            if (units[u].Unit != Unit.Lead) continue;
            length += tree[units[u].Index].TextLength;
            lead.Insert(0, units[u].Index);
        }
        if (lead.Count == 0 || length > MaxLeadText) return roots;
        return [.. lead, .. roots];
    }

    private enum Unit { Lead, Passed, Other }

    private static Unit Classify(PageTree tree, int index)
    {
        ref var node = ref tree[index];
        // bylines, dates and blocks named like boilerplate (captions, share bars) stand between headline and body
        if (NamedLikeBoilerplate(tree, index) || node.Element is { } element && (tree.AuthorElements.Contains(element) || tree.DateElements.Contains(element)))
            return Unit.Passed;
        if (node.TextLength < MinLength || node.LinkDensity > MaxLinkDensity) return Unit.Other;
        return node.Kind is TagKind.Paragraph or TagKind.Heading or TagKind.Container or TagKind.Quote ? Unit.Lead : Unit.Other;
    }

    /// <summary>The block or a wrapper of it was judged boilerplate, other than the article's own &lt;header&gt;.</summary>
    private static bool NamedLikeBoilerplate(PageTree tree, int index)
    {
        for (int a = index; a > 0; a = tree[a].Parent)
            if (tree[a].Is(NodeFlags.Junk) && tree[a].Element?.LocalName != "header") return true;
        return false;
    }

    /// <summary>The last h1 naming the title that sits before the body's text, close above its first block or inside it.</summary>
    private static int Headline(PageTree tree, int first, string title)
    {
        int top = first;
        for (int level = 0; level < MaxHeadlineLevels && tree[top].Parent > 0; level++) top = tree[top].Parent;
        int headline = -1;
        foreach (int h in tree.Headlines)
            if (h > top && h < tree[first].End && Names(tree[h], title)) headline = h;
        // a headline inside the body's first block counts only when no body text comes before it
        for (int i = first + 1; i < headline; i++)
            if (StartsBody(tree, [first], i)) return -1;
        return headline;
    }

    /// <summary>Whether the body's text starts at node i: a root begins there, or a root writes the block out.</summary>
    private static bool StartsBody(PageTree tree, List<int> roots, int i)
    {
        if (roots.Contains(i)) return true;
        ref var node = ref tree[i];
        if (node.Kind == TagKind.Text || !IsLeaf(node) || node.TextLength == 0) return false;
        for (int a = i; a >= 0; a = tree[a].Parent)
        {
            if (roots.Contains(a)) return true;
            if (tree[a].Is(NodeFlags.Junk)) return false;
        }
        return false;
    }

    private static bool IsLeaf(in PageNode node) =>
        node.Kind is not (TagKind.Inline or TagKind.Link or TagKind.LineBreak) && !node.Is(NodeFlags.HasBlockChild);

    /// <summary>Navigation, asides and figures between headline and body are not the article's text; its own header is.</summary>
    private static bool IsAside(in PageNode node) =>
        node.Kind == TagKind.Figure || node.Element?.LocalName is "nav" or "aside" or "form" or "footer" or "menu" or "dialog";

    private static bool Names(in PageNode headline, string title)
    {
        var text = string.Join(' ', (headline.Element?.TextContent ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length > 0 && (title.Contains(text, StringComparison.OrdinalIgnoreCase) || text.Contains(title, StringComparison.OrdinalIgnoreCase));
    }
}
