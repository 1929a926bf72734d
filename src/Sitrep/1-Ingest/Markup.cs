using System.Text.RegularExpressions;

namespace Sitrep.Ingest;

/// <summary>Tells HTML from plain text where a source does not say which it sends (feed items, JSON fields).</summary>
public static partial class Markup
{
    /// <summary>True when the content carries HTML tags or character entities.</summary>
    public static bool LooksLikeHtml(string content) => Tag().IsMatch(content) || Entity().IsMatch(content);

    [GeneratedRegex(@"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]{2,8});")]
    private static partial Regex Entity();
}
