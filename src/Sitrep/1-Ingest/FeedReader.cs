using System.Net;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Sitrep.Ingest;

/// <summary>
/// Reads RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one document per item or entry, streamed so a large
/// feed is never held whole. The article is the item's full content (<c>content:encoded</c>, Atom
/// <c>content</c>) or else its summary (<c>description</c>, <c>summary</c>): HTML when it has markup,
/// text otherwise. DTDs are refused and no external entity is ever resolved.
/// </summary>
public sealed partial class FeedReader : IArticleReader
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    /// <summary>Feeds nest a few levels; building a tree thousands deep takes seconds, so deeper ones are refused.</summary>
    public const int MaxDepth = 256;

    /// <summary>An item larger than this is skipped unread (one 1 GB description took the process down).</summary>
    public const long MaxItemBytes = 16 << 20;

    public IEnumerable<Document> Read(InputFile file, IProblemSink problems)
    {
        var (tooDeep, oversized) = Survey(file);
        if (tooDeep is { } line)
        {
            problems.Report(new Problem(new SourceLocation(file.DisplayName, line), $"elements nested more than {MaxDepth} deep"));
            yield break;
        }
        using var xml = XmlReader.Create(file.OpenContent(), Settings);
        var lineInfo = (IXmlLineInfo)xml;
        string? outlet = null;
        int containerDepth = -1, count = 0;
        bool positioned = false; // reading an element whole leaves the reader on the node after it
        while (true)
        {
            XElement? item = null;
            int itemLine = 0;
            try
            {
                if (!positioned && !xml.Read()) break;
                positioned = false;
                if (xml.EOF) break;
                if (xml.NodeType != XmlNodeType.Element) continue;
                var name = xml.LocalName;
                if (name is "channel" or "feed") containerDepth = xml.Depth;
                else if (name == "title" && outlet == null && xml.Depth == containerDepth + 1)
                {
                    outlet = Clean(((XElement)XNode.ReadFrom(xml)).Value);
                    positioned = true;
                }
                else if (name is "item" or "entry" && oversized.Contains(count + 1))
                {
                    count++;
                    problems.Report(new Problem(new SourceLocation(file.DisplayName, lineInfo.LineNumber), $"feed item {count} is larger than {MaxItemBytes >> 20} MiB; skipped"));
                    xml.Skip();
                    positioned = true;
                }
                else if (name is "item" or "entry")
                {
                    itemLine = lineInfo.LineNumber;
                    item = (XElement)XNode.ReadFrom(xml);
                    positioned = true;
                }
            }
            catch (XmlException e)
            {
                problems.Report(new Problem(new SourceLocation(file.DisplayName, Math.Max(1, e.LineNumber)), XmlProblem(e, count)));
                yield break;
            }
            catch (ArgumentException e)
            {
                // System.Xml fails this way, not with an XmlException, on some broken declarations and encodings.
                problems.Report(new Problem(new SourceLocation(file.DisplayName, Math.Max(1, lineInfo.LineNumber)), $"malformed XML: {e.Message}"));
                yield break;
            }
            if (item == null) continue;
            count++;
            var where = new SourceLocation(file.DisplayName, itemLine);
            var document = ToDocument(item, $"{file.BaseName}:{count}", where, outlet);
            if (document == null)
                problems.Report(new Problem(where, $"feed item {count} has no content, description or summary"));
            else
                yield return document;
        }
        if (count == 0)
            problems.Report(new Problem(new SourceLocation(file.DisplayName, 1), "feed without items or entries"));
    }

    private static string XmlProblem(XmlException e, int itemsRead)
    {
        var reason = e.Message.Contains("Root element is missing") ? "empty file: no XML feed" : $"invalid XML: {e.Message}";
        return itemsRead > 0 ? $"{reason} (the {itemsRead} items before it were read)" : reason;
    }

    /// <summary>
    /// A quick streaming pass that holds nothing: the line where elements first nest deeper than
    /// <see cref="MaxDepth"/> (null when they never do, or the XML breaks first: the reading pass
    /// reports that), and the ordinals of the items larger than <see cref="MaxItemBytes"/>.
    /// </summary>
    private static (int? TooDeepAt, HashSet<int> Oversized) Survey(InputFile file)
    {
        var oversized = new HashSet<int>();
        try
        {
            using var content = new LimitedStream(file.OpenContent(), long.MaxValue, file.DisplayName);
            using var xml = XmlReader.Create(content, Settings);
            int items = 0, itemDepth = -1;
            long itemStart = 0;
            while (xml.Read())
            {
                if (xml.Depth > MaxDepth) return (Math.Max(1, ((IXmlLineInfo)xml).LineNumber), oversized);
                if (itemDepth < 0 && xml.NodeType == XmlNodeType.Element && xml.LocalName is "item" or "entry")
                {
                    items++;
                    if (!xml.IsEmptyElement) (itemDepth, itemStart) = (xml.Depth, content.Position);
                }
                else if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == itemDepth)
                {
                    if (content.Position - itemStart > MaxItemBytes) oversized.Add(items);
                    itemDepth = -1;
                }
            }
        }
        catch (Exception e) when (e is XmlException or ArgumentException or IOException or InvalidDataException) { }
        return (null, oversized);
    }

    private static Document? ToDocument(XElement item, string fallbackId, SourceLocation where, string? outlet)
    {
        var content = Child(item, "encoded") ?? Child(item, "content") ?? Child(item, "description") ?? Child(item, "summary");
        if (content == null) return null;
        var (body, isHtml) = Content(content);
        if (string.IsNullOrWhiteSpace(body)) return null;
        var id = Text(Child(item, "guid")) ?? Text(Child(item, "id"));
        var document = new Document(id ?? fallbackId, where)
        {
            IdOrigin = id == null ? IdOrigin.Position : IdOrigin.Given,
            Title = TitleOf(Child(item, "title")),
            Url = LinkOf(item),
            Outlet = SourceOf(item) ?? outlet,
            Published = DateOf(item),
        };
        if (isHtml) document.Html = body;
        else document.Text = body.Trim();
        foreach (var author in item.Elements().Where(e => e.Name.LocalName is "creator" or "author"))
        {
            var name = AuthorName(author);
            if (name != null && !document.Authors.Contains(name)) document.Authors.Add(name);
        }
        return document;
    }

    /// <summary>Media RSS reuses the names title, description and content for pictures and videos.</summary>
    private const string MediaRss = "http://search.yahoo.com/mrss/";

    /// <summary>The first non-empty child with this local name, in any namespace but Media RSS.</summary>
    private static XElement? Child(XElement parent, string localName) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName && e.Name.NamespaceName != MediaRss
                                              && (e.HasElements || !string.IsNullOrWhiteSpace(e.Value)));

    private static string? Text(XElement? e) => e == null ? null : Clean(e.Value);

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : WhiteSpace().Replace(s.Trim(), " ");

    /// <summary>
    /// The content and whether it is HTML: Atom says so in its type attribute (xhtml content is
    /// markup held as XML children; "text" is text even when it shows angle brackets); RSS does not,
    /// so its content is HTML when it has markup.
    /// </summary>
    private static (string Body, bool IsHtml) Content(XElement content)
    {
        var type = ((string?)content.Attribute("type"))?.ToLowerInvariant();
        if (type is "xhtml" or "application/xhtml+xml" || content.HasElements)
            return (string.Concat(content.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting))), true);
        return type switch
        {
            "text" or "text/plain" => (content.Value, false),
            "html" or "text/html" => (content.Value, true),
            _ => (content.Value, Markup.LooksLikeHtml(content.Value)),
        };
    }

    /// <summary>A title may be HTML-escaped (Atom type="html", and many RSS feeds).</summary>
    private static string? TitleOf(XElement? title)
    {
        var raw = Text(title);
        if (raw == null) return null;
        return Clean(WebUtility.HtmlDecode(Tag().Replace(raw, "")));
    }

    /// <summary>
    /// The outlet an aggregator's item comes from: RSS &lt;source url="..."&gt;Reuters&lt;/source&gt;,
    /// or the title of an Atom entry's &lt;source&gt; feed. It names the item's outlet better than the
    /// aggregator's channel title does.
    /// </summary>
    private static string? SourceOf(XElement item)
    {
        var source = Child(item, "source");
        if (source == null) return null;
        return source.HasElements ? Text(Child(source, "title")) : Text(source);
    }

    /// <summary>RSS's &lt;link&gt;URL&lt;/link&gt;, or Atom's link to the alternate (HTML) version.</summary>
    private static string? LinkOf(XElement item)
    {
        string? atomLink = null;
        foreach (var link in item.Elements().Where(e => e.Name.LocalName == "link"))
        {
            var href = (string?)link.Attribute("href");
            if (href == null) return Text(link) ?? atomLink;
            var rel = (string?)link.Attribute("rel") ?? "alternate";
            if (rel == "alternate") return href.Trim();
            atomLink ??= href.Trim();
        }
        return atomLink;
    }

    private static PartialDate? DateOf(XElement item)
    {
        foreach (var name in (string[])["pubDate", "published", "date", "issued", "updated", "modified"])
        {
            var value = Text(Child(item, name));
            if (value != null && WrittenDates.TryParseGiven(value, out var date)) return date;
        }
        return null;
    }

    /// <summary>dc:creator is a name; RSS author is "email (Name)" or an e-mail; Atom author has a name child.</summary>
    private static string? AuthorName(XElement author)
    {
        var name = author.HasElements ? Text(author.Elements().FirstOrDefault(e => e.Name.LocalName == "name")) : Text(author);
        if (name == null) return null;
        var inParentheses = ParenthesisedName().Match(name);
        if (inParentheses.Success) return inParentheses.Groups[1].Value.Trim();
        return name.Contains('@') && !name.Contains(' ') ? null : name;
    }

    [GeneratedRegex(@"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"^\S+@\S+\s*\((.+)\)$")]
    private static partial Regex ParenthesisedName();
}
