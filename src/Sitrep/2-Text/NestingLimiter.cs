using System.Text;

namespace Sitrep.Text;

/// <summary>
/// Guards the HTML parser against hostile nesting: tree construction costs time proportional to
/// the depth of open elements for every tag, so 50,000 nested divs take minutes. Like browsers
/// (Chromium caps the DOM depth at 512 too), elements nested deeper than a limit lose their tags and keep their
/// text. The open elements are followed the way the parser follows them, by a cheap scan of tag
/// names: a name runs to whitespace, '/' or '>' ("&lt;ws&lt;/a&gt;" opens "ws&lt;"), and an end tag closes
/// only an element that is open, so end tags of nothing cannot hide thousands of unclosed elements.
/// Elements whose end tags are commonly omitted (p, li, td...) and void elements are not counted,
/// so sloppy real pages stay far below the limit.
/// </summary>
internal static class NestingLimiter
{
    public const int MaxDepth = 512;

    private static readonly HashSet<string> Uncounted = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "dt", "dd", "tr", "td", "th", "tbody", "thead", "tfoot", "option", "optgroup", "colgroup",
        "caption", "rp", "rt", "html", "head", "body",
    };

    public static string Limit(string html, int maxDepth = MaxDepth)
    {
        var uncounted = Uncounted.GetAlternateLookup<ReadOnlySpan<char>>();
        var open = new List<(int Start, int Length)>(); // names of the counted open elements, as spans of html
        StringBuilder? kept = null;
        int dropped = 0, copied = 0, at = 0;
        while (true)
        {
            int lt = html.IndexOf('<', at);
            if (lt < 0 || lt + 2 >= html.Length) break;
            at = lt + 1;
            bool closing = html[lt + 1] == '/';
            int nameStart = closing ? lt + 2 : lt + 1;
            if (nameStart >= html.Length || !char.IsAsciiLetter(html[nameStart])) continue;
            int nameEnd = nameStart;
            while (nameEnd < html.Length && html[nameEnd] is not ('>' or '/' or ' ' or '\t' or '\n' or '\r' or '\f')) nameEnd++;
            int gt = html.IndexOf('>', nameEnd);
            if (gt < 0) break;
            var name = html.AsSpan(nameStart, nameEnd - nameStart);
            at = gt + 1;
            if (!closing && (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase)))
            {
                // their text is not markup: "<div>" inside a script string must not count
                int end = html.IndexOf("</" + name.ToString(), at, StringComparison.OrdinalIgnoreCase);
                int endGt = end < 0 ? -1 : html.IndexOf('>', end);
                at = endGt < 0 ? html.Length : endGt + 1; // past the end tag, which must not count either
                continue;
            }
            if (uncounted.Contains(name) || html[gt - 1] == '/') continue;
            bool drop;
            if (!closing)
            {
                drop = open.Count >= maxDepth;
                if (drop) dropped++;
                else open.Add((nameStart, nameEnd - nameStart));
            }
            else if (dropped > 0)
            {
                // the innermost elements were the dropped ones, so their end tags come first
                drop = true;
                dropped--;
            }
            else
            {
                drop = false;
                int match = open.Count - 1;
                while (match >= 0 && !html.AsSpan(open[match].Start, open[match].Length).Equals(name, StringComparison.OrdinalIgnoreCase)) match--;
                if (match >= 0) open.RemoveRange(match, open.Count - match);
            }
            if (!drop) continue;
            kept ??= new StringBuilder(html.Length);
            kept.Append(html.AsSpan(copied, lt - copied));
            copied = gt + 1;
        }
        if (kept == null) return html;
        kept.Append(html.AsSpan(copied));
        return kept.ToString();
    }
}
