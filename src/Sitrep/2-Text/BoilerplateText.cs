using System.Text.RegularExpressions;

namespace Sitrep.Text;

/// <summary>
/// Short lines that sit inside article containers without being article text: ad labels, "Read
/// more" teasers, share prompts, photo credits, comment counters, filing and update stamps.
/// </summary>
internal static partial class BoilerplateText
{
    private const int MaxLength = 160;

    public static bool IsBoilerplate(string paragraph) =>
        (paragraph.Length <= MaxLength && Pattern().IsMatch(paragraph))
        || (paragraph.Length <= MaxTagListLength && TagList().IsMatch(paragraph));

    private const int MaxTagListLength = 1000;

    /// <summary>A list of tags or topics, however long: "Tags: ceasefire, Sudan, RSF".</summary>
    [GeneratedRegex(@"^(?:tags?|tagged(?: with)?|keywords|topics|etiquetas|schlagw(?:ö|oe)rter|mots-clés|parole chiave)\s*[:\n/|]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TagList();

    /// <summary>
    /// A note of the kind that closes articles (Data/closing-notes.txt): a credit, a notice, a call to
    /// subscribe, follow, write in or download, an author biography. Only trusted at the end of the
    /// body, where it is not news.
    /// </summary>
    public static bool IsClosingNote(string paragraph) => paragraph.Length <= 300 && ClosingNotes.Value.IsMatch(paragraph);

    private static readonly Lazy<Regex> ClosingNotes = new(() => new Regex(
        string.Join('|', DataFiles.Lines("Text", "closing-notes.txt").Select(cue => $"(?:{cue.Trim()})")),
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled));

    /// <summary>
    /// A few bare words closing the body: a button ("LEARN MORE"), an ad label, a teaser's heading. Figures,
    /// punctuation or a full stop make it content (a poll result, a phone number, a short last sentence).
    /// </summary>
    public static bool IsClosingFragment(string paragraph) =>
        paragraph.Length <= 40 && paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 3
        && paragraph.All(c => char.IsLetter(c) || c == ' ');

    /// <summary>
    /// A date and time standing as their own line ("sexta-feira, 22 de outubro de 2010 às 20:13",
    /// "Posted 2016.12.01"): short, with a clock time or an all-numeric date, and not a sentence.
    /// </summary>
    public static bool IsDateline(string paragraph) =>
        paragraph.Length <= 80 && !paragraph.EndsWith('.') && paragraph.Split(' ').Length <= 10 && Dateline().IsMatch(paragraph);

    [GeneratedRegex(@"\b(?:19|20)\d{2}\b.*\b\d{1,2}[:h]\d{2}\b|\b\d{1,2}[:h]\d{2}\b.*\b(?:19|20)\d{2}\b|\b(?:19|20)\d{2}[./-]\d{1,2}[./-]\d{1,2}\b|\b\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d{2}\b")]
    private static partial Regex Dateline();

    /// <summary>A byline standing as its own paragraph: "By Jane Doe and John Roe", "Por Ana Ruiz | EFE".</summary>
    public static bool IsByline(string paragraph) => paragraph.Length <= 80 && Byline().IsMatch(paragraph);

    [GeneratedRegex(@"^(?:[Bb]y|BY|[Pp]or|[Vv]on|[Pp]ar|[Oo]leh)\s+[\p{Lu}\p{Lo}][^.!?]*$")]
    private static partial Regex Byline();

    [GeneratedRegex("""
        ^(?:
          advertisements?|advertising|advert|ad|sponsored(?:\ content)?|story\ continues\ below.*|continue\ reading.*
        | read\ more\b.*|related\b.*|see\ also\b.*|also\ read\b.*|recommended\b.*|more:|you\ may\ also\ like\W*
        | (?:most\ )?popular\ (?:on|in)\ .*|more\ .{1,30}\ stories|don'?t\ miss\W*
        | share(?:\ (?:this|on)\b.*)?|tweet|like\ this\ (?:story|article)\b.*|follow\ us\b.*|tell\ us\ what\ you\ think.*
        | image\ (?:source|copyright|caption)\b.*|(?:photo|image|picture)s?(?:\ credit)?:.*|getty\ images|(?:\(?ap\ photo|\(?reuters/).*
        | sign\ up\b.*|subscribe\b.*|click\ here\b.*|loading\W*
        | \d*\ ?comments?|leave\ a\ (?:comment|reply)\W*|filed\ under:.*|(?:posted|updated|published)(?:\ on|\ at)?:?\ .{0,40}\d.{0,20}
        | all\ rights\ reserved.*|copyright\b.*|©.*
        | (?:leggi\ anche|lesen\ sie\ auch|mehr\ zum\ thema|lire\ aussi|à\ lire\ aussi|leia\ também|veja\ também|lea\ también|ver\ también|baca\ juga|читайте\ также)\b.*
        | \W+
        )$
        """, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Pattern();
}
