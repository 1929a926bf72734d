namespace Sitrep.Text;

/// <summary>
/// Finds the element that holds the article, readability-style: every paragraph-like block of
/// enough text scores (more for length and commas) and passes its score to its ancestors, fading
/// with distance; a container's score is discounted by its link density and its class names. The
/// best container wins, joined by those of its siblings that score close to it or read like
/// article paragraphs, since bodies are often split by ads or embeds into several blocks.
/// </summary>
internal static class ContentSelector
{
    private const int MinParagraphLength = 25;
    private const int AncestorLevels = 5;
    private const double MaxSiblingLinkDensity = 0.3;

    /// <summary>The subtree roots that make up the article, in document order; empty when none scored.</summary>
    public static List<int> Select(PageTree tree)
    {
        ScoreParagraphs(tree);
        int best = BestCandidate(tree);
        if (best < 0) return [];
        best = ClimbWhileAlone(tree, best);
        return WithSiblings(tree, best);
    }

    private static void ScoreParagraphs(PageTree tree)
    {
        for (int i = 0; i < tree.Count;)
        {
            ref var node = ref tree[i];
            if (node.Is(NodeFlags.Junk)) { i = node.End; continue; }
            if (node.Kind != TagKind.Text)
            {
                if (ScoresAsParagraph(node)) Credit(tree, node.TextLength, node.Commas, node.Parent);
                else if (node.DirectTextLength >= MinParagraphLength && node.Kind == TagKind.Container)
                    // loose text between blocks ("text<br>text" inside a div) is a paragraph of the div itself
                    Credit(tree, node.DirectTextLength, 0, i);
            }
            i++;
        }
        for (int i = 0; i < tree.Count; i++)
        {
            ref var node = ref tree[i];
            if (node.Scored) node.Score *= (float)(1 - node.LinkDensity);
        }
    }

    private static bool ScoresAsParagraph(in PageNode node) => node.TextLength >= MinParagraphLength && node.Kind switch
    {
        TagKind.Paragraph or TagKind.Pre => true,
        TagKind.Container or TagKind.ListItem or TagKind.TableCell or TagKind.Quote => !node.Is(NodeFlags.HasBlockChild),
        _ => false,
    };

    private static void Credit(PageTree tree, int length, int commas, int firstAncestor)
    {
        float score = 1 + commas + Math.Min(length / 100, 3);
        int ancestor = firstAncestor;
        for (int level = 0; level < AncestorLevels && ancestor >= 0; level++)
        {
            ref var a = ref tree[ancestor];
            if (!a.Scored) Initialize(ref a);
            a.Score += level switch { 0 => score, 1 => score / 2, _ => score / (level * 3) };
            ancestor = a.Parent;
        }
    }

    private static void Initialize(ref PageNode node)
    {
        node.Scored = true;
        node.Score = node.NameWeight + (node.Is(NodeFlags.MarkedAsBody) ? 25 : 0) + node.Kind switch
        {
            TagKind.Container => 5,
            TagKind.Pre or TagKind.TableCell or TagKind.Quote => 3,
            TagKind.List or TagKind.ListItem or TagKind.Structural => -3,
            TagKind.Heading or TagKind.Headline => -5,
            _ => 0,
        };
    }

    private static int BestCandidate(PageTree tree)
    {
        int best = -1;
        float bestScore = float.MinValue;
        for (int i = 0; i < tree.Count; i++)
        {
            ref var node = ref tree[i];
            // only ancestors of paragraphs outside boilerplate were scored, so none is inside boilerplate
            if (node.Scored && node.Score > bestScore)
            {
                best = i;
                bestScore = node.Score;
            }
        }
        return best;
    }

    /// <summary>A candidate that is all its parent holds says nothing new: the parent is the better root for sibling merging.</summary>
    private static int ClimbWhileAlone(PageTree tree, int candidate)
    {
        while (true)
        {
            int parent = tree[candidate].Parent;
            if (parent <= 0 || tree[parent].Element?.LocalName is "body" or "html") return candidate;
            if (tree[parent].TextLength > tree[candidate].TextLength) return candidate;
            candidate = parent;
        }
    }

    private static List<int> WithSiblings(PageTree tree, int best)
    {
        ref var top = ref tree[best];
        int parent = top.Parent;
        if (parent < 0) return [best];
        float threshold = Math.Max(10, top.Score * 0.2f);
        var topClass = top.Element?.GetAttribute("class");
        var chosen = new List<int>();
        var headings = new List<int>();
        ref var p = ref tree[parent];
        for (int i = parent + 1; i < p.End; i = tree[i].End)
        {
            ref var sibling = ref tree[i];
            if (sibling.Is(NodeFlags.Junk)) continue;
            if (i == best || Belongs(tree, i, threshold, topClass)) chosen.Add(i);
            else if (sibling.Kind == TagKind.Heading) headings.Add(i);
        }
        // a heading between two chosen blocks titles a section of the article
        foreach (int h in headings)
            if (h > chosen[0] && h < chosen[^1]) chosen.Add(h);
        chosen.Sort();
        return chosen;
    }

    private static bool Belongs(PageTree tree, int index, float threshold, string? topClass)
    {
        ref var sibling = ref tree[index];
        if (sibling.Kind == TagKind.Text) return false;
        bool sameClass = !string.IsNullOrWhiteSpace(topClass) && sibling.Element?.GetAttribute("class") == topClass;
        float bonus = sameClass ? threshold : 0;
        // a block full of links scores on its teaser texts, but it is a list of other articles
        if (sibling.Scored && sibling.Score + bonus >= threshold && sibling.LinkDensity < MaxSiblingLinkDensity) return true;
        if (!ReadsAsParagraphs(sibling, sameClass)) return false;
        double links = sibling.LinkDensity;
        if (sibling.TextLength > 80) return links < 0.25;
        return sibling.TextLength > 0 && links == 0 && EndsLikeSentence(tree, index);
    }

    /// <summary>A paragraph, a quote or list, a div used as a paragraph, or a wrapper whose text is all paragraphs.</summary>
    private static bool ReadsAsParagraphs(in PageNode node, bool sameClassAsBest) => node.Kind switch
    {
        TagKind.Paragraph or TagKind.Quote or TagKind.List or TagKind.Pre => true,
        // a wrapper qualifies when its paragraphs make up its text and are near (they scored it)
        // or it is marked up like the best block (the body continued after an embed)
        TagKind.Container => !node.Is(NodeFlags.HasBlockChild)
                             || ((node.Scored || sameClassAsBest) && node.ParagraphTextLength * 10 >= node.TextLength * 9),
        _ => false,
    };

    private static bool EndsLikeSentence(PageTree tree, int index)
    {
        for (int i = tree[index].End - 1; i > index; i--)
        {
            var text = tree[i].Text;
            if (text == null) continue;
            var trimmed = text.AsSpan().TrimEnd();
            if (trimmed.IsEmpty) continue;
            return trimmed[^1] is '.' or '!' or '?' or '"' or '”' or '。' or ':';
        }
        return false;
    }
}
