using System.Text;

namespace Sitrep.Text;

/// <summary>
/// Writes the chosen part of the page as plain paragraphs separated by blank lines: every block
/// element (paragraph, heading, list item, cell) becomes its own paragraph, whitespace collapsed.
/// Inside the article it still leaves out what is not body text: the title heading, figures and
/// captions, link lists, and blocks that are mostly links.
/// </summary>
internal sealed class BodyTextWriter
{
    internal readonly record struct Paragraph(string Text, bool IsHeading);

    private readonly PageTree _tree;
    private readonly List<Paragraph> _paragraphs = [];
    private bool _inHeading;
    private readonly StringBuilder _line = new();
    private bool _pendingSpace;

    /// <summary>Text outside links a mostly-link paragraph needs to count as a sentence.</summary>
    private const int MinOwnText = 25;

    private BodyTextWriter(PageTree tree) => _tree = tree;

    public static List<Paragraph> Write(PageTree tree, IEnumerable<int> roots)
    {
        var writer = new BodyTextWriter(tree);
        foreach (int root in roots) writer.WriteSubtree(root);
        writer.Flush();
        return writer._paragraphs;
    }

    private void WriteSubtree(int root)
    {
        var blockEnds = new Stack<(int End, bool Heading)>();
        int end = _tree[root].End;
        for (int i = root; i < end;)
        {
            while (blockEnds.Count > 0 && blockEnds.Peek().End <= i)
            {
                Flush();
                if (blockEnds.Pop().Heading) _inHeading = false;
            }
            ref var node = ref _tree[i];
            if (node.Kind == TagKind.Text)
            {
                Append(node.Text!);
                i++;
                continue;
            }
            if (i != root && Leaves(i))
            {
                i = node.End;
                continue;
            }
            switch (node.Kind)
            {
                case TagKind.LineBreak:
                    BreakLine();
                    break;
                case TagKind.Inline or TagKind.Link:
                    break;
                default:
                    Flush();
                    bool heading = node.Kind == TagKind.Heading && !_inHeading;
                    if (heading) _inHeading = true;
                    blockEnds.Push((node.End, heading));
                    break;
            }
            i++;
        }
        Flush();
        _inHeading = false;
    }

    /// <summary>Whether a node inside the article is left out with its subtree.</summary>
    private bool Leaves(int index)
    {
        ref var node = ref _tree[index];
        if (node.Is(NodeFlags.Junk)) return true;
        switch (node.Kind)
        {
            // the headline is metadata; figures hold captions and credits
            case TagKind.Figure or TagKind.Headline:
                return true;
            case TagKind.Inline or TagKind.Link or TagKind.LineBreak or TagKind.Rule:
                return false;
        }
        if (node.TextLength == 0) return true;
        double links = node.LinkDensity;
        return node.Kind switch
        {
            // a sentence with a long link in it is still a sentence; "Read more: <headline>" is not
            TagKind.Paragraph => links > 0.8 || (links > 0.5 && node.TextLength - node.LinkTextLength < MinOwnText),
            // embedded posts (tweets) are quotes made mostly of handles and links
            TagKind.Quote => links > 0.8,
            // a list of linked headlines is navigation; one whose items go on in sentences after the link is a listicle
            TagKind.List => links > 0.35 && (links > 0.8 || OwnTextPerItem(index) < MinOwnItemText),
            _ => links > 0.5 || (node.NameWeight < 0 && links > 0.2),
        };
    }

    /// <summary>Text outside links an item of a listicle has on average: a sentence or more.</summary>
    private const int MinOwnItemText = 60;

    private int OwnTextPerItem(int list)
    {
        ref var node = ref _tree[list];
        int items = 0;
        for (int i = list + 1; i < node.End; i = _tree[i].End)
            if (_tree[i].Kind == TagKind.ListItem) items++;
        return items == 0 ? 0 : (node.TextLength - node.LinkTextLength) / items;
    }

    private void Append(string text)
    {
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\u00A0')
            {
                _pendingSpace = _line.Length > 0;
                continue;
            }
            if (c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u00AD') continue;
            if (_pendingSpace && _line[^1] != '\n') _line.Append(' ');
            _pendingSpace = false;
            _line.Append(c);
        }
    }

    /// <summary>One &lt;br&gt; breaks the line; a second in a row ends the paragraph, as it looks on the page.</summary>
    private void BreakLine()
    {
        if (_line.Length > 0 && _line[^1] == '\n') Flush();
        else if (_line.Length > 0) _line.Append('\n');
        _pendingSpace = false;
    }

    private void Flush()
    {
        _pendingSpace = false;
        int end = _line.Length;
        while (end > 0 && _line[end - 1] == '\n') end--;
        if (end > 0) _paragraphs.Add(new Paragraph(_line.ToString(0, end), _inHeading));
        _line.Clear();
    }
}
