using System.Net;
using System.Text.Json;

namespace Sitrep.Text;

/// <summary>
/// The schema.org article a page describes about itself in <c>&lt;script type="application/ld+json"&gt;</c>.
/// Read from the raw HTML (the parser skips script text for speed), from the first Article-like
/// object, whether the block holds one object, an array, or an <c>@graph</c>.
/// </summary>
internal sealed class JsonLdArticle
{
    public string? Headline { get; private set; }
    public string? DatePublished { get; private set; }
    public List<string> Authors { get; } = [];
    public string? Publisher { get; private set; }
    public string? Language { get; private set; }
    public string? ArticleBody { get; private set; }
    public string? Url { get; private set; }

    private static readonly JsonDocumentOptions Lenient = new()
    {
        AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64,
    };

    public static JsonLdArticle? Find(string html)
    {
        JsonLdArticle? found = null;
        int at = 0;
        while (found == null || found.Headline == null)
        {
            int type = html.IndexOf("ld+json", at, StringComparison.OrdinalIgnoreCase);
            if (type < 0) break;
            int open = html.IndexOf('>', type);
            if (open < 0) break;
            int close = html.IndexOf("</script", open, StringComparison.OrdinalIgnoreCase);
            if (close < 0) break;
            at = close;
            found ??= new JsonLdArticle();
            found.Read(html.AsMemory(open + 1, close - open - 1));
        }
        return found;
    }

    private void Read(ReadOnlyMemory<char> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToString().Trim(), Lenient);
            ReadAny(document.RootElement, 0);
        }
        catch (JsonException)
        {
            // a malformed block is common and says nothing about the page; the others may still be fine
        }
    }

    private void ReadAny(JsonElement element, int depth)
    {
        if (depth > 4) return;
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray()) ReadAny(item, depth + 1);
            return;
        }
        if (element.ValueKind != JsonValueKind.Object) return;
        if (element.TryGetProperty("@graph", out var graph)) ReadAny(graph, depth + 1);
        if (IsArticle(element)) ReadArticle(element);
        else if (element.TryGetProperty("mainEntity", out var main)) ReadAny(main, depth + 1);
    }

    private static bool IsArticle(JsonElement element)
    {
        if (!element.TryGetProperty("@type", out var type)) return false;
        if (type.ValueKind == JsonValueKind.Array)
            return type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && IsArticleType(t.GetString()!));
        return type.ValueKind == JsonValueKind.String && IsArticleType(type.GetString()!);
    }

    private static bool IsArticleType(string type) =>
        type.EndsWith("Article", StringComparison.Ordinal) || type is "BlogPosting" or "Report" or "LiveBlogPosting"
            or "SocialMediaPosting" or "Review" or "OpinionNewsArticle";

    private void ReadArticle(JsonElement article)
    {
        Headline ??= Text(article, "headline") ?? Text(article, "name");
        DatePublished ??= Text(article, "datePublished") ?? Text(article, "dateCreated");
        Language ??= Text(article, "inLanguage");
        ArticleBody ??= Text(article, "articleBody");
        Url ??= Text(article, "url");
        if (Authors.Count == 0 && article.TryGetProperty("author", out var author)) AddNames(author, Authors);
        if (Publisher == null && article.TryGetProperty("publisher", out var publisher))
            Publisher = publisher.ValueKind == JsonValueKind.String ? publisher.GetString() : NameOf(publisher);
    }

    private static void AddNames(JsonElement value, List<string> names)
    {
        var items = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [value];
        foreach (var item in items)
        {
            var name = item.ValueKind == JsonValueKind.String ? item.GetString() : NameOf(item);
            if (!string.IsNullOrWhiteSpace(name) && !names.Contains(name.Trim())) names.Add(name.Trim());
        }
    }

    private static string? NameOf(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Array)
            return value.EnumerateArray().Select(NameOf).FirstOrDefault(n => n != null);
        return value.ValueKind == JsonValueKind.Object ? Text(value, "name") : null;
    }

    private static string? Text(JsonElement obj, string property)
    {
        if (!obj.TryGetProperty(property, out var value)) return null;
        if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0) value = value[0];
        if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("@value", out var inner)) value = inner;
        if (value.ValueKind != JsonValueKind.String) return null;
        var s = value.GetString();
        // script text is not entity-decoded by the parser, and many sites write entities into it anyway
        return string.IsNullOrWhiteSpace(s) ? null : WebUtility.HtmlDecode(s).Trim();
    }
}
