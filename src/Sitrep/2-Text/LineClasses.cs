using System.Text.RegularExpressions;

namespace Sitrep.Text;

/// <summary>
/// Classes of lines that news text carries around the article: page furniture (share, back, read
/// more, follow us), header datelines and counters, bylines, the start of tails (author biography,
/// comment form, related links), lead bullets, and source attributions. Each is a pattern for a
/// whole class of sites, matched against one trimmed line.
/// </summary>
public static partial class LineClasses
{
    private const int ShortLineWords = 14;

    /// <summary>A line that is page furniture wherever it appears.</summary>
    public static bool IsFurniture(TextLine line)
    {
        var s = line.Content;
        if (s.Length > 400) return false;
        // Notices, read-more teasers and feed footers are sentences of any length; the rest is short.
        if (Notice().IsMatch(s) || ReadMore().IsMatch(s) || PostAppearedFirst().IsMatch(s)) return true;
        return s.Length <= 160 && line.WordCount <= ShortLineWords
               && (SocialOnly().IsMatch(s) || Furniture().IsMatch(s) || FollowUs().IsMatch(s) || Copyright().IsMatch(s));
    }

    /// <summary>A line after which the rest is not the article: comment forms, author biographies, related links.</summary>
    public static bool StartsTail(TextLine line, IReadOnlyList<TextLine> lines, int index)
    {
        if (line.WordCount > ShortLineWords) return CommentForm().IsMatch(line.Content);
        var s = line.Content;
        if (CommentForm().IsMatch(s) || Related().IsMatch(s) || AboutTheAuthor().IsMatch(s)) return true;
        // "About Jane Doe" starts a biography when the page later says "View all posts by ...".
        if (!AboutSomeone().IsMatch(s)) return false;
        for (int i = index + 1; i < lines.Count && i <= index + 12; i++)
            if (ViewAllPosts().IsMatch(lines[i].Content)) return true;
        return false;
    }

    /// <summary>"View all posts by Jane Doe", the line that closes a biography box.</summary>
    public static bool IsViewAllPosts(string s, out string name)
    {
        var m = ViewAllPosts().Match(s);
        name = m.Success ? m.Groups["name"].Value.Trim().TrimEnd('.', '→', '»', ' ') : "";
        return m.Success && name.Length > 0;
    }

    /// <summary>A short header line that carries a date, a clock time, a view counter or a section name and no sentence.</summary>
    public static bool IsDateline(TextLine line)
    {
        if (line.Content.Length > 160 || line.WordCount > 20) return false;
        var s = line.Content;
        bool counter = Counter().IsMatch(s);
        if (!counter && !WrittenDates.LineHasDate(s)) return false;
        var rest = DatelineNoise().Replace(ByName().Replace(s, " "), " ");
        int words = rest.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetter));
        // A short sentence that mentions a date ("Talks resumed on March 3, 2025.") is not a dateline.
        return s[^1] is '.' or '!' or '?' ? words == 0 : words <= 4;
    }

    /// <summary>
    /// The length of a wire dateline opening a paragraph, up to the text after its dash: a place in
    /// capitals, optionally a region, an agency in parentheses and a date ("KHARTOUM (Reuters) - ",
    /// "KYIV, March 12, 2026 — ", "GOMA, Democratic Republic of Congo, Feb 3 (AP) — "); 0 when there is none.
    /// </summary>
    public static int InlineDatelineLength(string paragraph)
    {
        var m = InlineDateline().Match(paragraph);
        return m.Success ? m.Length : 0;
    }

    [GeneratedRegex(@"^\p{Lu}{2}[\p{Lu}.'\- ]{0,30}(?:,\s*[\p{L}.'\- ]{2,40}?){0,2}(?:,?\s*\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?(?:\s*\([\p{L} .&]{2,25}\))?\s*[-–—]{1,2}\s+(?=[\p{Lu}\d""“‘'])")]
    private static partial Regex InlineDateline();

    /// <summary>"By Jane Doe", "Written by Jane Doe and Omar Ali, Reuters", "Author: Jane Doe".</summary>
    public static bool IsByline(TextLine line, out IReadOnlyList<string> authors)
    {
        authors = [];
        if (line.Content.Length > 120) return false;
        var m = Byline().Match(line.Content);
        if (!m.Success) return false;
        authors = Names(m.Groups["names"].Value);
        // "By Reuters" alone is a byline without a person; "By Tuesday, the army had retaken it." is a sentence.
        return authors.Count > 0 || !m.Groups["rest"].Success;
    }

    /// <summary>Author names in a dateline such as "Posted on March 3, 2025 by Jane Doe".</summary>
    public static IReadOnlyList<string> AuthorsInDateline(string line)
    {
        var m = ByName().Match(line);
        return m.Success ? Names(m.Groups["names"].Value) : [];
    }

    /// <summary>
    /// "Jane Doe", "Jane Doe and Omar Ali", "Ann Lee, Bo Chan and Cy Diaz": a comma after the last
    /// "and" (or any comma without one) starts an affiliation ("Jane Doe, Staff Writer").
    /// </summary>
    private static List<string> Names(string names)
    {
        int and = Math.Max(names.LastIndexOf(" and ", StringComparison.Ordinal), names.LastIndexOf(" & ", StringComparison.Ordinal));
        int comma = names.IndexOf(',', Math.Max(and, 0));
        if (comma >= 0) names = names[..comma];
        return NameSeparator().Split(names).Select(n => n.Trim(' ', ',', '.'))
            .Where(n => n.Contains(' ')) // a person's name has two words at least
            .ToList();
    }

    /// <summary>A bullet point ("- ", "• ", "1. ") or a labelled analysis line ("Forecast: ...", "Key points").</summary>
    public static bool IsLeadLine(TextLine line) => IsBulleted(line.Content) || AnalysisLabel().IsMatch(line.Content);

    public static bool IsBulleted(string s) => Bullet().IsMatch(s);

    /// <summary>A headline: short, starts like a title, and does not end like a sentence or a label.</summary>
    public static bool IsHeadlineShape(TextLine line)
    {
        var s = WithoutMarkdownHeading(line.Content);
        int words = s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (s.Length is < 8 or > 200 || words is < 2 or > 25) return false;
        if (!(char.IsUpper(s[0]) || char.IsDigit(s[0]) || s[0] is '"' or '\u201C' or '\'' or '\u2018')) return false;
        var end = s.TrimEnd('"', '\'', '\u201D', '\u2019', ')', ']', ' ');
        if (end.Length == 0 || end[^1] is '.' or ',' or ';' or ':' or '-' or '\u2014' && !end.EndsWith("...")) return false;
        return !Bullet().IsMatch(s) && s.Any(char.IsLetter);
    }

    /// <summary>"# Truce holds" as Markdown writes a heading: "Truce holds".</summary>
    public static string WithoutMarkdownHeading(string s) => s.StartsWith('#') ? s.TrimStart('#').TrimStart() : s;

    /// <summary>Words news sites name their sections with; a label of several words must be made of these.</summary>
    private static readonly HashSet<string> SectionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "world", "news", "local", "national", "international", "politics", "business", "economy", "markets", "opinion",
        "analysis", "commentary", "editorial", "features", "sport", "sports", "health", "science", "technology", "tech",
        "culture", "entertainment", "lifestyle", "breaking", "latest", "live", "exclusive", "update", "updates", "video",
        "photos", "security", "defence", "defense", "conflict", "war", "middle", "east", "west", "north", "south",
        "africa", "asia", "europe", "americas", "america", "pacific", "latin", "and", "&", "the", "top", "stories", "region",
    };

    /// <summary>A section label printed above a headline: one word ("Sudan", "World"), section words ("Middle East", "World News"), or a breadcrumb ("World | Sudan").</summary>
    public static bool IsSectionLabel(TextLine line)
    {
        var s = line.Content;
        if (s.Length > 40 || !char.IsUpper(s[0]) || s.Any(char.IsDigit) || s[^1] is '.' or '!' or '?' or ',' or ';') return false;
        // A breadcrumb ("World | Sudan", "News » Africa") names a section and its subsection, whatever the words.
        var segments = s.Split(['|', '/', '»', '›', '>'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (segments.Length > 1)
            return segments.Length <= 4 && segments.All(g => char.IsUpper(g[0]) && g.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 3);
        var words = s.Split([' ', '-', '–'], StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 1 || words.Length <= 4 && words.All(SectionWords.Contains);
    }

    /// <summary>"Original Source: www.example.com", "Originally published at ...", "This content originally appeared on ...", "Source URL: ..." (the outlet a rewrite took its text from).</summary>
    public static bool IsOriginalSource(string s, out string source)
    {
        var m = OriginalSource().Match(s);
        source = m.Success ? m.Groups["v"].Value.Trim() : "";
        return m.Success && source.Length > 0;
    }

    /// <summary>A "Sources:" heading alone, or "Sources: A; B; C" with the list on the same line.</summary>
    public static bool IsSourcesHeading(string s, out string inlineList)
    {
        var m = SourcesHeading().Match(s);
        inlineList = m.Success ? m.Groups["list"].Value.Trim() : "";
        return m.Success;
    }

    /// <summary>Splits "Reuters; Al Jazeera, AP" into items (commas only when every item is short).</summary>
    public static IEnumerable<string> SplitSourceList(string list)
    {
        var parts = list.Contains(';') || list.Contains('|') ? list.Split([';', '|']) : list.Split(',');
        if (!list.Contains(';') && !list.Contains('|') && parts.Any(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 6))
            parts = [list];
        return parts.Select(CleanSourceItem).Where(p => p.Length > 0);
    }

    public static string CleanSourceItem(string s) => Bullet().Replace(s, "").Trim().TrimEnd(',', ';', '.').Trim();

    [GeneratedRegex(@"^(?:[\W_\d]*(?:share(?:\s+(?:on|via|to))?|tweet|facebook|twitter|x|whatsapp|telegram|linkedin|reddit|pinterest|tumblr|pocket|email|e-mail|print|copy\s+link|messenger|viber|vk|flipboard|threads|bluesky|mastodon)[\W_\d]*){1,12}$", RegexOptions.IgnoreCase)]
    private static partial Regex SocialOnly();

    [GeneratedRegex(@"^(?:[«‹←<]\s*)?(?:back|go\s+back|back\s+to\s+(?:top|news|home(?:page)?|articles?|the\s+(?:list|homepage|top)|all\s+\w+|[\w-]+\s+news|section)|share\s+this(?:\s+(?:article|story|post|page))?\s*:?|like\s+this\s*:?|like\s+loading\.*|loading\.*|advertisement|advertising|sponsored(?:\s+content)?|continue\s+reading\.*|click\s+here\b.*|tags?\s*:.*|filed\s+under\s*:?.*|categories\s*:.*|posted\s+in\s*:?\s*[\w\s,&]+|print(?:\s+this)?(?:\s+article|\s+page)?|listen\s+to\s+(?:this\s+)?article.*|view\s+all\s+posts\s+by\s+.+|subscribe\b.*|sign\s+up\b.*|skip\s+to\s+(?:main\s+)?content|photo\s*:.*|image\s*:.*|(?:photo|image)\s+credit\s*:?.*|previous\s+(?:article|post)\b.*|next\s+(?:article|post)\b.*|(?:story|article)\s+continues\s+below.*|scroll\s+(?:down\s+)?to\s+continue.*|skip\s+ad|click\s+to\s+(?:share|print|email)\b.*|\(?opens\s+in\s+(?:a\s+)?new\s+window\)?|like\s+us\s+on\b.*|tagged\b.*|already\s+(?:a\s+)?(?:subscriber|member|registered)\b.*|(?:log|sign)\s*in\b.*|register\b.*|create\s+(?:an\s+)?account\b.*|you\s+have\s+reached\s+.*\blimit\b.*|(?:home|start|news)\s*(?:[»›>/|]\s*[\w\s,&'-]{1,30}){1,5})\s*[»›→>]?$", RegexOptions.IgnoreCase)]
    private static partial Regex Furniture();

    [GeneratedRegex(@"^(?:[«‹←]\s*)?(?:read\s+more|read\s+also|also\s+read|read\s+next|see\s+also|read\s+the\s+full\s+(?:story|article)|continue\s+reading\s+(?:on|at)|click\s+to\s+read\s+more|more\s+on\s+this(?:\s+story)?|related(?:\s+(?:article|story|news|content))?)(?:\s*[:\-–—»›→>|]\s*.{0,200}|\s*[.…]*|\s+(?:about|on|here|at|in)\b.{0,150})$", RegexOptions.IgnoreCase)]
    private static partial Regex ReadMore();

    [GeneratedRegex(@"^(?:follow\s+(?:us|@\w+|the\s+\w+)\b.*|join\s+(?:us|our)\s+.*(?:telegram|whatsapp|channel|newsletter|community).*|stay\s+(?:connected|updated)\b.*|get\s+(?:the\s+)?(?:latest|our)\s+.*(?:newsletter|inbox|updates).*|download\s+(?:our|the)\s+app\b.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex FollowUs();

    [GeneratedRegex(@"^(?:(?:this|our)\s+(?:web)?site\s+uses\s+cookies|we\s+use\s+cookies|by\s+(?:using|continuing\s+to\s+(?:use|browse))\s+(?:this|our)\s+(?:web)?site|please\s+enable\s+javascript|(?:javascript|cookies)\s+(?:is|are)\s+(?:disabled|required)|to\s+continue\s+reading,?\s+(?:please\s+)?(?:subscribe|log\s*in|sign\s+in)|this\s+(?:article|content)\s+is\s+(?:only\s+)?(?:available\s+)?(?:for|to)\s+(?:subscribers|members))\b.*$", RegexOptions.IgnoreCase)]
    private static partial Regex Notice();

    /// <summary>Publishing platforms' own lines: WordPress feed footers, MediaWiki's "From Wikipedia, the free encyclopedia".</summary>
    [GeneratedRegex(@"^(?:the\s+post\s+.+\s+appeared\s+first\s+on\s+.+|from\s+\p{Lu}[\w.-]*,\s+the\s+free\s+[\w\s]{3,60}!?)$", RegexOptions.IgnoreCase)]
    private static partial Regex PostAppearedFirst();

    [GeneratedRegex(@"^(?:(?:copyright\s*)?(?:©|\(c\)|copyright)\s*.{0,80}|.{0,80}\ball\s+rights\s+reserved\.?)$", RegexOptions.IgnoreCase)]
    private static partial Regex Copyright();

    [GeneratedRegex(@"^(?:(?:one|\d+)\s+(?:thoughts?|responses?|comments?|replies)\s+(?:on|to)\s+.{1,200}|leave\s+a\s+(?:reply|comment)|post\s+a\s+comment|add\s+(?:a\s+)?comment|write\s+a\s+comment|\d+\s+(?:comments?|responses?|replies)|comments?\s*(?:\(\d+\))?|cancel\s+reply|your\s+email\s+address\s+will\s+not\s+be\s+published.*|required\s+fields\s+are\s+marked.*|you\s+must\s+be\s+logged\s+in\s+to\s+post\s+a\s+comment.*|comments\s+are\s+closed\.?)\s*:?$", RegexOptions.IgnoreCase)]
    private static partial Regex CommentForm();

    [GeneratedRegex(@"^(?:related(?:\s+(?:posts|articles|stories|news|coverage|content|topics|reading))?|you\s+(?:may|might)\s+also\s+(?:like|be\s+interested\s+in)|more\s+(?:from|stories|news|articles)(?:\s.{0,40})?|recommended(?:\s+(?:for\s+you|stories|articles|reading))?|most\s+(?:read|popular|viewed)|trending(?:\s+now)?|further\s+reading|latest\s+(?:news|stories|posts))\s*:?$", RegexOptions.IgnoreCase)]
    private static partial Regex Related();

    [GeneratedRegex(@"^about\s+(?:the\s+)?(?:author|writer|contributor|reporter)s?\s*:?$", RegexOptions.IgnoreCase)]
    private static partial Regex AboutTheAuthor();

    [GeneratedRegex(@"^about\s+\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){0,3}\s*$")]
    private static partial Regex AboutSomeone();

    [GeneratedRegex(@"^view\s+all\s+(?:posts|articles|stories)\s+by\s+(?<name>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex ViewAllPosts();

    [GeneratedRegex(@"\b\d[\d,.]*\s*[kKmM]?\s*(?:views?|reads?|comments?|shares?)\b|(?:^|[|/•·]\s*)views?\s*(?:$|[|/•·])|\b\d+\s*min(?:ute)?s?\s+read\b|\breading\s+time\b", RegexOptions.IgnoreCase)]
    private static partial Regex Counter();

    /// <summary>What a dateline is made of besides its section name: dates, weekdays, times, counters, labels, separators.</summary>
    [GeneratedRegex(@"(?:" + @"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
                    + @"|\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?"
                    + @"|\b(?:published|updated|posted|last\s+updated|modified|on|at|am|pm|a\.m\.|p\.m\.|gmt|utc|[a-z]st|[a-z]dt|views?|reads?|comments?|shares?|min(?:ute)?s?|read|reading\s+time|ago|hours?|days?)\b"
                    + @"|\d+(?:st|nd|rd|th)?|[\W_]+" + @")", RegexOptions.IgnoreCase)]
    private static partial Regex DatelineNoise();

    [GeneratedRegex(@"\b(?i:by)\s+(?<names>\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}(?:\s*(?:,|\band\b|&)\s*\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})*)")]
    private static partial Regex ByName();

    [GeneratedRegex(@"^(?i:by|written\s+by|posted\s+by|published\s+by|reporting\s+by|words\s+by|story\s+by|authors?\s*:|reporter\s*:)\s+(?<names>\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}(?:\s*(?:,|\band\b|&)\s*\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})*)(?<rest>\s*[,|–—-]\s*.{0,60})?$")]
    private static partial Regex Byline();

    [GeneratedRegex(@"\s*(?:,|\band\b|&)\s*")]
    private static partial Regex NameSeparator();

    [GeneratedRegex(@"^\s*(?:[-–—•*·▪►✓]|\d{1,2}[.)](?=\s)|\[\d{1,2}\])\s*")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"^(?:analysis|assessment|forecast|outlook|prediction|key\s+(?:points?|takeaways?|judg(?:e)?ments?|findings)|summary|in\s+brief|at\s+a\s+glance|bottom\s+line|bluf|what\s+we\s+know|why\s+it\s+matters|highlights?)\b(?:\s*\([^)]{0,30}\))?\s*(?:[:\-–—]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex AnalysisLabel();

    [GeneratedRegex(@"^(?:original(?:ly)?\s+(?:source|article|story)\s*[:\-–—]|originally\s+(?:published|posted|appeared)\s+(?:at|on|by|in)\s*:?|source\s+(?:url|link)\s*:|via\s*:|this\s+(?:article|story|post|piece|content|report)\s+(?:was\s+|is\s+)?(?:first\s+|originally\s+)?(?:published|appeared|posted)\s+(?:first\s+)?(?:on|in|at|by))\s*(?<v>\S.{0,200}?)\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex OriginalSource();

    [GeneratedRegex(@"^(?:sources?|references|citations?|source\s+list)\s*(?::\s*(?<list>.*)|$)", RegexOptions.IgnoreCase)]
    private static partial Regex SourcesHeading();
}
