using System.Buffers;
using AngleSharp.Dom;

namespace Sitrep.Text;

/// <summary>What an element is for, as far as finding the article is concerned.</summary>
internal enum TagKind : byte
{
    Inline, Container, Paragraph, Headline, Heading, List, ListItem, Quote, Pre, Table, TableRow, TableCell,
    Figure, Link, LineBreak, Rule, Structural, Text,
}

[Flags]
internal enum NodeFlags : byte
{
    None = 0,
    /// <summary>Named or placed like boilerplate (nav, footer, class "share-bar"); dropped unless it holds most of the page.</summary>
    LooksLikeBoilerplate = 1,
    /// <summary>Dropped: boilerplate that failed the guard.</summary>
    Junk = 2,
    /// <summary>Has a block-level child, so it is a container rather than a paragraph.</summary>
    HasBlockChild = 4,
    /// <summary>Marked up as the article body (itemprop=articleBody, role=main, &lt;article&gt;).</summary>
    MarkedAsBody = 8,
}

/// <summary>One element or text node of the page, in document order.</summary>
internal struct PageNode
{
    public IElement? Element;
    public string? Text;
    public int Parent;
    /// <summary>Index one past the node's last descendant: the subtree is [index, End).</summary>
    public int End;
    public TagKind Kind;
    public NodeFlags Flags;
    /// <summary>Score bonus from class and id names: positive for "article-body", negative for "sidebar".</summary>
    public sbyte NameWeight;
    /// <summary>Non-whitespace characters of text in the subtree (boilerplate excluded once it is judged).</summary>
    public int TextLength;
    public int LinkTextLength;
    /// <summary>Text inside &lt;p&gt; elements of the subtree.</summary>
    public int ParagraphTextLength;
    /// <summary>Text of the node's own, not inside a block child: its text children and inline elements (b, span, a).</summary>
    public int DirectTextLength;
    public int Commas;
    public float Score;
    public bool Scored;

    public readonly bool Is(NodeFlags flag) => (Flags & flag) != 0;
    public readonly double LinkDensity => TextLength == 0 ? 0 : (double)LinkTextLength / TextLength;
}

/// <summary>
/// The page flattened into an array of nodes in document order, with text statistics for every
/// subtree computed in two linear passes. Built by an iterative walk (no recursion, so hostile
/// nesting cannot overflow the stack); scripts, styles, form controls and hidden elements are left
/// out. Also collects the elements metadata is read from, so the page is walked only once.
/// </summary>
internal sealed class PageTree : IDisposable
{
    // Pooled: a large page's node array lands on the large-object heap, and allocating one per
    // page would trigger a full garbage collection every few pages.
    private PageNode[] _nodes = ArrayPool<PageNode>.Shared.Rent(4096);

    public int Count { get; private set; }
    public ref PageNode this[int index] => ref _nodes[index];

    public List<IElement> Metas { get; } = [];
    public List<IElement> HeadLinks { get; } = [];
    public List<IElement> Times { get; } = [];
    public List<IElement> AuthorElements { get; } = [];
    /// <summary>Elements named like a dateline ("post-date", "published"), in document order.</summary>
    public List<IElement> DateElements { get; } = [];
    public List<int> Headlines { get; } = [];
    public IElement? TitleElement { get; private set; }

    /// <param name="judgeBoilerplate">False keeps boilerplate-looking blocks: the fallback when judging them left too little.</param>
    public static PageTree Build(IElement root, bool judgeBoilerplate)
    {
        var tree = new PageTree();
        tree.Walk(root);
        tree.ComputeLengths();
        if (!judgeBoilerplate) return tree;
        tree.JudgeBoilerplate();
        tree.ComputeLengths();
        return tree;
    }

    private readonly record struct OpenElement(int Index, INodeList Children, int Next);

    private void Walk(IElement root)
    {
        var open = new Stack<OpenElement>();
        open.Push(new OpenElement(Add(root, ElementAttributes.Read(root), -1, TagKind.Container), root.ChildNodes, 0));
        while (open.Count > 0)
        {
            var top = open.Pop();
            if (top.Next >= top.Children.Length)
            {
                _nodes[top.Index].End = Count;
                continue;
            }
            open.Push(top with { Next = top.Next + 1 });
            var child = top.Children[top.Next];
            if (child is IText text)
            {
                if (text.Data.Length > 0) AddText(text.Data, top.Index);
                continue;
            }
            if (child is not IElement element) continue;
            var kind = Classify(element);
            if (kind == null) continue;
            var attributes = ElementAttributes.Read(element);
            if (attributes.Hidden) continue;
            int index = Add(element, attributes, top.Index, kind.Value);
            if (kind == TagKind.Headline) Headlines.Add(index);
            if (element.ChildNodes.Length > 0) open.Push(new OpenElement(index, element.ChildNodes, 0));
            else _nodes[index].End = Count;
        }
    }

    private int Add(IElement element, in ElementAttributes attributes, int parent, TagKind kind)
    {
        int index = Reserve();
        ref var node = ref _nodes[index];
        node.Element = element;
        node.Parent = parent;
        node.Kind = kind;
        if (kind == TagKind.Structural) node.Flags |= NodeFlags.LooksLikeBoilerplate;
        if (kind is TagKind.Container or TagKind.Structural && element.LocalName is "article" or "main")
            node.Flags |= NodeFlags.MarkedAsBody;
        var names = BoilerplateNames.Judge(attributes);
        node.NameWeight = names.Weight;
        if (names.Boilerplate && element.LocalName is not ("html" or "body" or "article" or "main"))
            node.Flags |= NodeFlags.LooksLikeBoilerplate;
        if (names.ArticleBody) node.Flags |= NodeFlags.MarkedAsBody;
        // an article inside an article is a teaser of another one or a comment
        if (element.LocalName == "article" && InsideArticle(parent)) node.Flags |= NodeFlags.LooksLikeBoilerplate;
        if (names.Author) AuthorElements.Add(element);
        if (names.Dated) DateElements.Add(element);
        return index;
    }

    /// <summary>The paragraph an inline element is part of, or -1.</summary>
    private int ParagraphAround(int index)
    {
        for (index = _nodes[index].Parent; index >= 0 && _nodes[index].Kind is TagKind.Inline or TagKind.Link; index = _nodes[index].Parent) { }
        return index >= 0 && _nodes[index].Kind == TagKind.Paragraph ? index : -1;
    }

    private bool InsideArticle(int index)
    {
        for (; index >= 0; index = _nodes[index].Parent)
            if (_nodes[index].Element?.LocalName == "article") return true;
        return false;
    }

    private void AddText(string text, int parent)
    {
        int index = Reserve();
        ref var node = ref _nodes[index];
        node.Text = text;
        node.Parent = parent;
        node.Kind = TagKind.Text;
        node.End = index + 1;
        int length = 0, commas = 0;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c)) continue;
            length++;
            if (c is ',' or '，' or '、' or '،') commas++;
        }
        node.TextLength = length;
        node.Commas = commas;
    }

    public void Dispose()
    {
        if (_nodes.Length == 0) return;
        Array.Clear(_nodes, 0, Count); // let go of the page's DOM now
        ArrayPool<PageNode>.Shared.Return(_nodes);
        _nodes = [];
        Count = 0;
    }

    private int Reserve()
    {
        if (Count == _nodes.Length)
        {
            var larger = ArrayPool<PageNode>.Shared.Rent(_nodes.Length * 2);
            Array.Copy(_nodes, larger, Count);
            Array.Clear(_nodes, 0, Count);
            ArrayPool<PageNode>.Shared.Return(_nodes);
            _nodes = larger;
        }
        _nodes[Count] = default;
        return Count++;
    }

    /// <summary>The element's kind, or null when it and its subtree carry no article text.</summary>
    private TagKind? Classify(IElement element)
    {
        switch (element.LocalName)
        {
            case "meta": Metas.Add(element); return null;
            case "link": HeadLinks.Add(element); return null;
            case "title":
                TitleElement ??= element;
                return null;
            case "time": Times.Add(element); break;
            case "head": return HeadOnly(element);
        }
        return element.LocalName switch
        {
            "p" => TagKind.Paragraph,
            "div" or "section" or "article" or "main" or "center" or "body" or "html" => TagKind.Container,
            "h1" => TagKind.Headline,
            "h2" or "h3" or "h4" or "h5" or "h6" => TagKind.Heading,
            "ul" or "ol" or "dl" => TagKind.List,
            "li" or "dd" or "dt" => TagKind.ListItem,
            "blockquote" => TagKind.Quote,
            "pre" => TagKind.Pre,
            "table" or "tbody" or "thead" or "tfoot" => TagKind.Table,
            "tr" => TagKind.TableRow,
            "td" or "th" => TagKind.TableCell,
            "figure" or "figcaption" or "picture" => TagKind.Figure,
            "a" => TagKind.Link,
            "br" => TagKind.LineBreak,
            "hr" => TagKind.Rule,
            "nav" or "aside" or "footer" or "header" or "form" or "address" or "menu" or "dialog" => TagKind.Structural,
            "script" or "style" or "noscript" or "template" or "svg" or "math" or "iframe" or "button" or "select"
                or "option" or "textarea" or "input" or "label" or "canvas" or "video" or "audio" or "object"
                or "embed" or "map" or "img" or "source" or "frameset" or "frame" => null,
            _ => TagKind.Inline,
        };
    }

    /// <summary>Collects the head's metadata elements; the head itself holds no article text.</summary>
    private TagKind? HeadOnly(IElement head)
    {
        foreach (var child in head.Children)
        {
            switch (child.LocalName)
            {
                case "meta": Metas.Add(child); break;
                case "link": HeadLinks.Add(child); break;
                case "title": TitleElement ??= child; break;
            }
        }
        return null;
    }

    private static bool IsBlock(TagKind kind) => kind is not (TagKind.Inline or TagKind.Link or TagKind.LineBreak or TagKind.Text);

    /// <summary>Subtree statistics, children before parents (reverse document order); junk subtrees count for nothing.</summary>
    private void ComputeLengths()
    {
        for (int i = 0; i < Count; i++)
        {
            ref var node = ref _nodes[i];
            if (node.Kind == TagKind.Text) continue;
            node.TextLength = node.LinkTextLength = node.ParagraphTextLength = node.DirectTextLength = node.Commas = 0;
            node.Flags &= ~NodeFlags.HasBlockChild;
        }
        for (int i = Count - 1; i > 0; i--)
        {
            ref var node = ref _nodes[i];
            ref var parent = ref _nodes[node.Parent];
            if (node.Is(NodeFlags.Junk)) continue;
            if (node.Kind == TagKind.Link) node.LinkTextLength = node.TextLength;
            if (node.Kind == TagKind.Paragraph) node.ParagraphTextLength = node.TextLength;
            if (node.Kind == TagKind.Text) parent.DirectTextLength += node.TextLength;
            else if (!IsBlock(node.Kind)) parent.DirectTextLength += node.DirectTextLength;
            if (IsBlock(node.Kind)) parent.Flags |= NodeFlags.HasBlockChild;
            parent.TextLength += node.TextLength;
            parent.LinkTextLength += node.LinkTextLength;
            parent.ParagraphTextLength += node.ParagraphTextLength;
            parent.Commas += node.Commas;
        }
    }

    /// <summary>
    /// A span that is the lesser part of its paragraph belongs to the sentence, whatever its name says
    /// ("WEST PALM BEACH —" as a dateline span); a span that is all of its paragraph (a caption) does not.
    /// </summary>
    private bool PartOfSentence(int index)
    {
        ref var node = ref _nodes[index];
        if (node.Kind is not (TagKind.Inline or TagKind.Link)) return false;
        int paragraph = ParagraphAround(index);
        return paragraph >= 0 && _nodes[paragraph].TextLength >= 2 * node.TextLength;
    }

    /// <summary>
    /// Boilerplate by name or tag is dropped unless it holds most of the page's paragraph text:
    /// a wrapper called "page-with-sidebar" or an ASP.NET form around everything is not boilerplate.
    /// </summary>
    private void JudgeBoilerplate()
    {
        ref var root = ref _nodes[0];
        bool byParagraphs = root.ParagraphTextLength >= 500;
        int total = byParagraphs ? root.ParagraphTextLength : root.TextLength;
        int named = NamedBody();
        for (int i = 1; i < Count; i++)
        {
            ref var node = ref _nodes[i];
            if (!node.Is(NodeFlags.LooksLikeBoilerplate)) continue;
            int held = byParagraphs ? node.ParagraphTextLength : node.TextLength;
            // a wrapper of the block named as the body is no boilerplate: Blogger's "widget Blog", a "slideshow" of slide texts
            bool holdsBody = named > i && named < node.End;
            if (held * 2 <= total && !holdsBody && !PartOfSentence(i)) node.Flags |= NodeFlags.Junk;
        }
    }

    /// <summary>Text outside links that makes a block named as the body an article rather than a teaser.</summary>
    private const int MinNamedBodyText = 500;

    /// <summary>
    /// Of the blocks named as the article body ("post-body entry-content", itemprop=articleBody), the one holding
    /// the most text outside links (an article's worth, or a third of the page's), narrowed to the named block
    /// inside it that holds most of that text ("main" around "post-body"); -1 when there is none.
    /// </summary>
    private int NamedBody()
    {
        int floor = Math.Min(MinNamedBodyText, (_nodes[0].TextLength - _nodes[0].LinkTextLength) / 3);
        int best = LargestNamedBlock(1, Count, floor);
        for (int inner = best; inner >= 0; inner = LargestNamedBlock(best + 1, _nodes[best].End, OwnText(best) / 2))
            best = inner;
        return best;
    }

    private int LargestNamedBlock(int from, int to, int moreThan)
    {
        int best = -1;
        for (int i = from; i < to; i++)
        {
            ref var node = ref _nodes[i];
            if (node.Kind == TagKind.Text || node.Is(NodeFlags.LooksLikeBoilerplate)) continue;
            if (node.NameWeight <= 0 && !node.Is(NodeFlags.MarkedAsBody)) continue;
            if (OwnText(i) > moreThan) (best, moreThan) = (i, OwnText(i));
        }
        return best;
    }

    private int OwnText(int index) => _nodes[index].TextLength - _nodes[index].LinkTextLength;
}
