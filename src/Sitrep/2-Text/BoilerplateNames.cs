using System.Buffers;

namespace Sitrep.Text;

/// <summary>
/// Reads what an element's class, id, role and itemprop say about it. Web pages name their
/// boilerplate in a shared vocabulary ("share-bar", "related-posts", "cookie-notice", "sidebar")
/// and their body in another ("article-body", "entry-content"), across outlets and languages of
/// the page text alike.
/// </summary>
internal static class BoilerplateNames
{
    internal readonly record struct Verdict(bool Boilerplate, sbyte Weight, bool ArticleBody, bool Author, bool Dated);

    /// <summary>Parts of a class or id name that mark boilerplate wherever they occur.</summary>
    private static readonly SearchValues<string> BoilerplateParts = SearchValues.Create(
    [
        "comment", "disqus", "share", "sharing", "social", "related", "recommend", "newsletter", "subscri",
        "signup", "sign-up", "cookie", "consent", "gdpr", "breadcrumb", "sidebar", "widget", "outbrain",
        "taboola", "promo", "advert", "sponsor", "popup", "modal", "paywall", "byline", "author", "caption",
        "footer", "masthead", "navbar", "navigation", "subnav", "menu", "toolbar", "pagination", "pager",
        "screen-reader", "sr-only", "visually-hidden", "visuallyhidden", "timestamp", "dateline", "popular",
        "trending", "readmore", "read-more", "more-stories", "most-read", "skip-link", "donate", "login",
        "header", "newsfeed", "tag-list", "taglist", "post-tags", "article-tags", "entry-meta", "post-meta",
        "article-meta", "hidden-print", "print-only", "carousel", "slideshow", "gallery", "teaser",
        "follow-us", "followus", "mailing", "banner", "overlay", "interstitial", "upsell", "inline-ad",
        "ad-container", "ad-slot", "adslot", "ad-wrapper", "adwrapper", "dfp", "rating", "reaction",
        // the same in the other languages class names are commonly written in
        "kommentar", "komentar", "werbung", "anzeige", "teilen", "partage", "publicite", "compartir",
        "relacionad", "correlat", "verwandt",
    ], StringComparison.Ordinal);

    /// <summary>Whole words of a class or id name that mark boilerplate ("ad" but not "head").</summary>
    private static readonly HashSet<string> BoilerplateWords =
    [
        "ad", "ads", "adv", "nav", "hide", "hidden", "bio", "tag", "tags", "extra", "rss", "aside", "more",
        "links", "credit", "credits", "meta", "date", "time", "sns", "noprint", "print", "byline", "share",
        "related", "toc", "pub", "published", "updated", "source",
    ];

    private static readonly SearchValues<string> ContentParts = SearchValues.Create(
    [
        "article", "content", "entry", "post", "story", "body", "text", "main", "blog", "prose",
    ], StringComparison.Ordinal);

    private static readonly SearchValues<char> Separators = SearchValues.Create(" -_:./\t\n");

    public static Verdict Judge(in ElementAttributes attributes)
    {
        var (className, id, role, itemProp) = (attributes.Class, attributes.Id, attributes.Role, attributes.ItemProp);
        bool author = attributes.Rel == "author" || itemProp == "author";
        if (className == null && id == null && role == null && itemProp == null)
            return new Verdict(false, 0, false, author, false);

        bool articleBody = itemProp is "articleBody" or "text" || role is "main" or "article";
        bool boilerplate = role is "navigation" or "complementary" or "banner" or "contentinfo" or "dialog"
            or "alertdialog" or "menu" or "menubar" or "search" or "toolbar";
        var traits = NameTraits.None;
        if (!string.IsNullOrEmpty(className)) traits |= KnownTraitsOf(className);
        if (!string.IsNullOrEmpty(id)) traits |= TraitsOf(id);
        // embedded posts ("social-embed", "twitter-tweet") are quoted content, not share bars
        bool negative = (traits & NameTraits.Negative) != 0 && (traits & NameTraits.Embedded) == 0;
        bool positive = (traits & NameTraits.Positive) != 0;
        author |= (traits & NameTraits.Author) != 0;
        bool dated = (traits & NameTraits.Dated) != 0;
        sbyte weight = (sbyte)((negative ? -25 : 0) + (positive ? 25 : 0));
        boilerplate |= negative;
        if (articleBody)
        {
            boilerplate = false;
            weight += 25;
        }
        return new Verdict(boilerplate, weight, articleBody, author, dated);
    }

    [Flags]
    private enum NameTraits : byte { None = 0, Negative = 1, Positive = 2, Embedded = 4, Author = 8, Dated = 16 }

    /// <summary>Pages repeat the same class names hundreds of times; each is read once per thread (ids are unique, so not kept).</summary>
    [ThreadStatic] private static Dictionary<string, NameTraits>? _knownClasses;

    private const int MaxKnownNames = 20_000;

    private static NameTraits KnownTraitsOf(string className)
    {
        _knownClasses ??= new Dictionary<string, NameTraits>(StringComparer.Ordinal);
        if (_knownClasses.TryGetValue(className, out var traits)) return traits;
        traits = TraitsOf(className);
        if (_knownClasses.Count >= MaxKnownNames) _knownClasses.Clear();
        _knownClasses[className] = traits;
        return traits;
    }

    private static NameTraits TraitsOf(string name)
    {
        var traits = NameTraits.None;
        var lower = name.ToLowerInvariant();
        if (lower.AsSpan().ContainsAny(BoilerplateParts) || HasBoilerplateWord(lower)) traits |= NameTraits.Negative;
        if (lower.AsSpan().ContainsAny(ContentParts)) traits |= NameTraits.Positive;
        if (lower.Contains("tweet") || (lower.Contains("social") && lower.Contains("embed"))) traits |= NameTraits.Embedded;
        if (lower.Contains("author") || lower.Contains("byline")) traits |= NameTraits.Author;
        if (lower.Contains("date") || lower.Contains("time") || lower.Contains("publish") || lower.Contains("posted")) traits |= NameTraits.Dated;
        return traits;
    }

    private static bool HasBoilerplateWord(string names)
    {
        var rest = names.AsSpan();
        var lookup = BoilerplateWords.GetAlternateLookup<ReadOnlySpan<char>>();
        while (!rest.IsEmpty)
        {
            int cut = rest.IndexOfAny(Separators);
            var word = cut < 0 ? rest : rest[..cut];
            if (!word.IsEmpty && lookup.Contains(word)) return true;
            if (cut < 0) break;
            rest = rest[(cut + 1)..];
        }
        return false;
    }
}
