using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Sitrep.Text;

/// <summary>
/// What a page says about its article outside the body: title, publication date, authors, outlet,
/// language and canonical URL, each from the most reliable source the page offers (JSON-LD and
/// meta tags first, then the page's own markup, then the URL and byline text).
/// </summary>
internal sealed partial class PageMetadata
{
    private readonly PageTree _tree;
    private readonly JsonLdArticle? _jsonLd;
    private readonly Dictionary<string, string> _meta = new(StringComparer.OrdinalIgnoreCase);

    public PageMetadata(PageTree tree, JsonLdArticle? jsonLd)
    {
        _tree = tree;
        _jsonLd = jsonLd;
        foreach (var meta in tree.Metas)
        {
            var key = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop")
                      ?? meta.GetAttribute("http-equiv");
            var content = meta.GetAttribute("content");
            if (key != null && !string.IsNullOrWhiteSpace(content)) _meta.TryAdd(key.Trim(), content.Trim());
        }
    }

    private static readonly string[] DateKeys =
    [
        "article:published_time", "og:article:published_time", "og:published_time", "published_time", "article:published",
        "datePublished", "pubdate", "publishdate", "publish-date", "publish_date", "publication_date", "pub_date",
        "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dc.date.created", "dcterms.created",
        "sailthru.date", "parsely-pub-date", "citation_publication_date", "citation_date", "article.published",
        "originalpublicationdate", "date", "dateCreated", "article:modified_time",
    ];

    private static readonly string[] AuthorKeys =
        ["author", "article:author", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author", "citation_author", "byl"];

    public string? Url => Absolute(_meta.GetValueOrDefault("og:url"))
                          ?? Absolute(_tree.HeadLinks.FirstOrDefault(l => l.GetAttribute("rel") == "canonical")?.GetAttribute("href"))
                          ?? Absolute(_jsonLd?.Url);

    public string? SiteName
    {
        get
        {
            var name = Clean(_meta.GetValueOrDefault("og:site_name")) ?? Clean(_jsonLd?.Publisher);
            // some sites put their address there
            return name != null && IsUrl(name) ? Domain(name) : name;
        }
    }

    public string? Outlet(string? url) => SiteName ?? Domain(url);

    public string? Title(string? url)
    {
        var site = SiteName;
        string?[] siteNames = [site, DomainName(url)];
        string?[] headlines = [_meta.GetValueOrDefault("og:title"), _jsonLd?.Headline, FirstHeading(), _meta.GetValueOrDefault("twitter:title")];
        foreach (var headline in headlines)
        {
            var title = Clean(headline);
            // a page that names only its site in og:title says nothing about the article
            if (title != null && !string.Equals(title, site, StringComparison.OrdinalIgnoreCase))
                return WithoutSiteName(title, siteNames, strict: true);
        }
        var pageTitle = Clean(_tree.TitleElement?.TextContent);
        return pageTitle == null ? null : WithoutSiteName(pageTitle, siteNames, strict: false);
    }

    public PartialDate? Published(string? url)
    {
        var date = WrittenDates.FromMachineValue(_jsonLd?.DatePublished);
        foreach (var key in DateKeys)
        {
            if (date != null) break;
            if (_meta.TryGetValue(key, out var value)) date = WrittenDates.FromMachineValue(value);
        }
        date ??= TimeElementDate() ?? WrittenDates.FromUrl(url) ?? BylineDate();
        return date;
    }

    public List<string> Authors()
    {
        if (_jsonLd is { Authors.Count: > 0 })
        {
            var names = _jsonLd.Authors.Where(a => !IsUrl(a)).SelectMany(SplitNames).Distinct().ToList();
            if (names.Count > 0) return names;
        }
        foreach (var key in AuthorKeys)
            if (_meta.TryGetValue(key, out var value) && !IsUrl(value))
            {
                var names = SplitNames(value);
                if (names.Count > 0) return names;
            }
        foreach (var element in _tree.AuthorElements)
        {
            var names = SplitNames(SpacedText(element));
            if (names.Count > 0) return names;
        }
        return [];
    }

    public string? DeclaredLanguage(IElement root)
    {
        var declared = root.GetAttribute("lang") ?? root.GetAttribute("xml:lang")
                       ?? _meta.GetValueOrDefault("content-language") ?? _meta.GetValueOrDefault("language")
                       ?? _meta.GetValueOrDefault("dc.language") ?? _meta.GetValueOrDefault("og:locale") ?? _jsonLd?.Language;
        if (string.IsNullOrWhiteSpace(declared)) return null;
        var primary = declared.Trim().Split(['-', '_', ',', ';', ' '])[0].ToLowerInvariant();
        return primary.Length is 2 or 3 && primary.All(char.IsAsciiLetterLower) ? primary : null;
    }

    private string? FirstHeading()
    {
        foreach (int index in _tree.Headlines)
        {
            if (_tree[index].Is(NodeFlags.Junk)) continue;
            var text = Clean(_tree[index].Element!.TextContent);
            if (text != null) return text;
        }
        return null;
    }

    private PartialDate? TimeElementDate()
    {
        IElement? chosen = null;
        foreach (var time in _tree.Times)
        {
            if (!time.HasAttribute("datetime")) continue;
            chosen ??= time;
            if (time.HasAttribute("pubdate") || time.GetAttribute("itemprop") == "datePublished")
            {
                chosen = time;
                break;
            }
        }
        return WrittenDates.FromMachineValue(chosen?.GetAttribute("datetime"));
    }

    private PartialDate? BylineDate()
    {
        foreach (var element in _tree.AuthorElements)
        {
            var date = WrittenDates.FromProse(SpacedText(element));
            if (date != null) return date;
        }
        foreach (var element in _tree.Times.Concat(_tree.DateElements))
        {
            var date = WrittenDates.FromProse(SpacedText(element));
            if (date != null) return date;
        }
        return null;
    }

    /// <summary>Names from a byline or author field: "By Jane Doe and John Roe | Reuters" → [Jane Doe, John Roe].</summary>
    internal static List<string> SplitNames(string? byline)
    {
        var names = new List<string>();
        if (string.IsNullOrWhiteSpace(byline)) return names;
        var text = Squash(byline);
        int cut = text.IndexOfAny(['|', '\n', '•', '·']);
        if (cut > 0) text = text[..cut];
        foreach (var part in NameSeparator().Split(StripBy(text)))
        {
            var name = part.Trim(' ', '.', ',', ';', ':', '-', '–', '—');
            if (LooksLikeName(name) && !names.Contains(name)) names.Add(name);
        }
        return names;
    }

    /// <summary>Two to five words, each capitalized or a name particle: "Ana de la Cruz", not "Syrian defense ministries".</summary>
    private static bool LooksLikeName(string name)
    {
        if (name.Length is < 3 or > 60 || name.Any(char.IsDigit) || name.Contains('@') || name.Contains(':')) return false;
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 1 or > 5 || words[0] is "The" or "A" or "An") return false;
        if (words.Any(w => JobTitles.Contains(w))) return false;
        return char.IsUpper(words[0][0]) && words.All(w => char.IsUpper(w[0]) || NameParticles.Contains(w));
    }

    /// <summary>Bylines append roles ("Jane Doe, AP Auto Writer"); a part with one of these is a role, not a name.</summary>
    private static readonly HashSet<string> JobTitles = new(StringComparer.OrdinalIgnoreCase)
    {
        "writer", "editor", "correspondent", "reporter", "staff", "contributor", "columnist", "journalist", "editors",
        "desk", "team", "newsroom", "bureau", "updated", "published",
    };

    private static readonly HashSet<string> NameParticles =
        ["de", "da", "do", "dos", "das", "del", "della", "di", "la", "le", "van", "von", "der", "den", "bin", "bint", "al", "el", "ibn", "y", "e"];

    /// <summary>The element's text with a space between the texts of separate nodes ("Eric Tucker" + "Associated Press").</summary>
    private static string SpacedText(IElement element)
    {
        var parts = new List<string>();
        var pending = new Stack<INode>();
        pending.Push(element);
        while (pending.Count > 0 && parts.Count < 200)
        {
            var node = pending.Pop();
            if (node is IText text) parts.Add(text.Data);
            for (int i = node.ChildNodes.Length - 1; i >= 0; i--) pending.Push(node.ChildNodes[i]);
        }
        return string.Join(' ', parts);
    }

    private static string StripBy(string text)
    {
        var m = ByPrefix().Match(text);
        return (m.Success ? text[m.Length..] : text).Trim();
    }

    /// <summary>
    /// "Gaza truce holds | The Daily Star" → "Gaza truce holds". Strict: only a part that names the
    /// site (its name, or its domain "dailystar.example") goes; otherwise also a short last part.
    /// </summary>
    internal static string WithoutSiteName(string title, IReadOnlyList<string?> siteNames, bool strict)
    {
        foreach (var separator in TitleSeparators)
        {
            int last = title.LastIndexOf(separator, StringComparison.Ordinal);
            if (last <= 0) continue;
            var head = title[..last].Trim();
            var tail = title[(last + separator.Length)..].Trim();
            if (NamesSite(tail, siteNames) || (!strict && head.Split(' ').Length >= 3 && tail.Split(' ').Length <= 5))
                return head;
            int first = title.IndexOf(separator, StringComparison.Ordinal);
            if (NamesSite(title[..first], siteNames)) return title[(first + separator.Length)..].Trim();
        }
        return title;
    }

    private static bool NamesSite(string part, IReadOnlyList<string?> siteNames)
    {
        var letters = LettersOf(part);
        if (letters.Length < 3 || part.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 5) return false;
        foreach (var name in siteNames)
        {
            if (name == null) continue;
            var site = LettersOf(name);
            if (site.Length >= 3 && (letters.Contains(site) || site.Contains(letters))) return true;
        }
        return false;
    }

    private static string LettersOf(string text) =>
        string.Concat(text.Where(char.IsLetterOrDigit)).ToLowerInvariant();

    /// <summary>The name part of a host: "newsnation" for www.newsnation.in, "bbc" for bbc.co.uk.</summary>
    internal static string? DomainName(string? url)
    {
        var host = Domain(url);
        if (host == null) return null;
        var labels = host.Split('.');
        return labels.Length == 1 ? host : labels[..^1].MaxBy(l => l.Length);
    }

    private static readonly string[] TitleSeparators = [" | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » ", " / "];

    internal static string? Domain(string? url)
    {
        if (url == null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Host.Length == 0) return null;
        var host = uri.Host.ToLowerInvariant();
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }

    private static string? Absolute(string? url) =>
        url != null && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.ToString() : null;

    private static bool IsUrl(string value) => value.StartsWith("http", StringComparison.OrdinalIgnoreCase) || value.Contains("://");

    private static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return Squash(text);
    }

    private static string Squash(string text) => WhiteSpace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"^\s*(?:(?:by|written by|posted by|von|por|par|oleh)\b\s*:?|\w+:)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex ByPrefix();

    [GeneratedRegex(@"\s*(?:,|&|\band\b|\bund\b|\by\b|\be\b|\bet\b)\s*")]
    private static partial Regex NameSeparator();
}
