using System.Globalization;

namespace Sitrep.Stories;

/// <summary>
/// Who, where, when and how many: what tells two events of one kind apart (two earthquakes share
/// their words, not their places, dates and death tolls). Names are entity or place names,
/// dates are TIMEX3-like values ("2013-07-21", "2013-07", "2013", "XXXX-07-21", "XXXX-WXX-7"),
/// numbers are digit strings.
/// </summary>
public sealed class DocumentCues
{
    /// <summary>Names with the offset where the text mentions them (a name in the lead is what the story is about).</summary>
    public List<(string Name, int Start)> Names { get; } = [];
    public List<string> Dates { get; } = [];
    public List<string> Numbers { get; } = [];
}

/// <summary>Finds a document's cues. <paramref name="words"/> are the words of its text; <paramref name="title"/> the span of its headline within the text, if it has one there.</summary>
public interface ICueSource
{
    void Collect(Document document, IReadOnlyList<Word> words, TextSpan title, DocumentCues cues);
}

/// <summary>
/// Cues from the annotation stages where a document has them: normalised times (else the scanned
/// dates) and the gazetteer names of respelled places, added to <paramref name="fallback"/>'s names.
/// </summary>
public sealed class AnnotatedCues(ICueSource fallback) : ICueSource
{
    public void Collect(Document document, IReadOnlyList<Word> words, TextSpan title, DocumentCues cues)
    {
        var scanned = new DocumentCues();
        fallback.Collect(document, words, title, scanned);
        // Scanned names separate events better than the tagger's entities (measured on ECB+); a place
        // the gazetteer knows under another spelling (Al Fashir = El Fasher) adds its gazetteer name.
        cues.Names.AddRange(scanned.Names);
        foreach (var p in document.Places)
            if (p.Name != null && p.Name != p.Text && p.Context == null) cues.Names.Add((p.Name, p.Start));
        var dates = document.Times.Where(t => t.Type is TimeType.Date or TimeType.Time && t.Value.Length >= 4 && (char.IsDigit(t.Value[0]) || t.Value[0] == 'X'))
            .Select(t => t.Value.Length > 10 && t.Value[10] == 'T' ? t.Value[..10] : t.Value).ToList();
        cues.Dates.AddRange(dates.Count > 0 ? dates : scanned.Dates);
        cues.Numbers.AddRange(scanned.Numbers);
    }
}

/// <summary>
/// Light cues found by scanning, for documents the annotation stages have not seen: capitalised
/// phrases as names, explicit dates, years, months and weekdays, and numbers.
/// </summary>
public sealed class ScannedCues : ICueSource
{
    private static readonly string[] MonthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    private static readonly string[] DayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "of", "de", "al", "bin", "van", "von", "la", "le", "du", "del", "da", "di", "dos", "der", "den", "el" };
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Connector = Connectors.GetAlternateLookup<ReadOnlySpan<char>>();

    public void Collect(Document document, IReadOnlyList<Word> words, TextSpan title, DocumentCues cues)
    {
        var text = document.Text;
        var inDate = new bool[words.Count];
        CollectDates(text, words, inDate, cues.Dates);
        CollectNames(text, words, title, inDate, cues.Names);
        for (int i = 0; i < words.Count; i++)
            if (words[i].HasDigit && !inDate[i])
                cues.Numbers.Add(words[i].In(text).ToString().Replace(",", ""));
    }

    /// <summary>1-12 for a month name or its abbreviation ("Sept", "Dec"), 0 otherwise.</summary>
    internal static int Month(ReadOnlySpan<char> w)
    {
        if (w.Length < 3 || !char.IsUpper(w[0])) return 0;
        for (int m = 0; m < 12; m++)
        {
            if (!w[..3].Equals(MonthNames[m], StringComparison.OrdinalIgnoreCase)) continue;
            if (w.Length == 3 || (w.Length == 4 && m == 8 && (w[3] | 0x20) == 't')) return m + 1;
            var full = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(m + 1);
            return w.Equals(full, StringComparison.OrdinalIgnoreCase) ? m + 1 : 0;
        }
        return 0;
    }

    private static int Weekday(ReadOnlySpan<char> w)
    {
        if (w.Length < 6 || !char.IsUpper(w[0])) return 0;
        for (int d = 0; d < 7; d++)
            if (w.Equals(DayNames[d], StringComparison.OrdinalIgnoreCase)) return d + 1;
        return 0;
    }

    private static int Number(ReadOnlySpan<char> w, int min, int max)
    {
        if (w.Length > 2 && char.IsLetter(w[^1]) && char.IsLetter(w[^2])) w = w[..^2]; // 21st, 3rd
        return int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max ? n : 0;
    }

    private static void CollectDates(string text, IReadOnlyList<Word> words, bool[] inDate, List<string> dates)
    {
        for (int i = 0; i < words.Count; i++)
        {
            var w = words[i].In(text);
            if (Weekday(w) is > 0 and var weekday)
            {
                dates.Add($"XXXX-WXX-{weekday}");
                inDate[i] = true;
                continue;
            }
            int month = Month(w);
            if (month == 0)
            {
                if (!inDate[i] && w.Length == 4 && Number(w, 1900, 2099) is > 0 and var year)
                {
                    dates.Add(year.ToString(CultureInfo.InvariantCulture));
                    inDate[i] = true;
                }
                continue;
            }
            // "July 21, 2013", "21 July 2013", "July 2013", "July 21"; "May" alone is a name or a verb.
            int day = 0, y = 0;
            if (i + 1 < words.Count && Number(words[i + 1].In(text), 1, 31) is > 0 and var after && words[i + 1].Length <= 4)
            {
                day = after;
                inDate[i + 1] = true;
                if (i + 2 < words.Count && Number(words[i + 2].In(text), 1900, 2099) is > 0 and var year2) { y = year2; inDate[i + 2] = true; }
            }
            else if (i + 1 < words.Count && Number(words[i + 1].In(text), 1900, 2099) is > 0 and var year1) { y = year1; inDate[i + 1] = true; }
            if (day == 0 && i > 0 && !inDate[i - 1] && Number(words[i - 1].In(text), 1, 31) is > 0 and var before && words[i - 1].Length <= 4)
            {
                day = before;
                inDate[i - 1] = true;
                if (y == 0 && i + 1 < words.Count && Number(words[i + 1].In(text), 1900, 2099) is > 0 and var year3) { y = year3; inDate[i + 1] = true; }
            }
            if (day == 0 && y == 0 && month == 5) continue;
            inDate[i] = true;
            string yearText = y > 0 ? y.ToString("D4", CultureInfo.InvariantCulture) : "XXXX";
            dates.Add(day > 0 ? $"{yearText}-{month:D2}-{day:D2}" : $"{yearText}-{month:D2}");
        }
    }

    /// <summary>
    /// Runs of capitalised words ("Lindsay Lohan", "Bank of America"). A word capitalised only
    /// because it starts a sentence or sits in a title-case headline counts only when the text also
    /// capitalises it elsewhere; a single word the text also writes in lower case is a common noun.
    /// </summary>
    private static void CollectNames(string text, IReadOnlyList<Word> words, TextSpan title, bool[] inDate, List<(string, int)> names)
    {
        var lowerSeen = new HashSet<int>();
        var capitalisedInside = new HashSet<int>();
        bool InTitle(Word w) => w.Start >= title.Start && w.End <= title.End && title.Length > 0;
        foreach (var w in words)
        {
            if (w.HasDigit) continue;
            int h = TermHash.Of(TermKind.Name, Words.WithoutPossessive(w.In(text)));  // case-insensitive
            if (!w.Capitalised) lowerSeen.Add(h);
            else if (!w.SentenceInitial && !InTitle(w)) capitalisedInside.Add(h);
        }
        int NameHash(int i) => TermHash.Of(TermKind.Name, Words.WithoutPossessive(words[i].In(text)));
        bool NameWord(int i) => words[i].Capitalised && !words[i].HasDigit && !inDate[i] && !Stopwords.Contains(Words.WithoutPossessive(words[i].In(text)));
        bool Adjacent(int i) => words[i].Start - words[i - 1].End == 1 && text[words[i - 1].End] == ' ';

        var parts = new List<string>(4);
        int k = 0;
        while (k < words.Count)
        {
            if (!NameWord(k)) { k++; continue; }
            int start = k, end = k + 1;
            while (end < words.Count && Adjacent(end))
            {
                if (NameWord(end)) { end++; continue; }
                if (end + 1 < words.Count && Connector.Contains(words[end].In(text)) && Adjacent(end + 1) && NameWord(end + 1)) { end += 2; continue; }
                break;
            }
            // A leading word that is only capitalised by position ("Yesterday Smith") is dropped.
            while (start < end && (words[start].SentenceInitial || InTitle(words[start]))
                   && !capitalisedInside.Contains(NameHash(start))
                   && (end - start == 1 || lowerSeen.Contains(NameHash(start))))
                start++;
            if (end - start == 1 && lowerSeen.Contains(NameHash(start)))
                start = end;
            if (start < end)
            {
                parts.Clear();
                for (int i = start; i < end; i++) parts.Add(Words.WithoutPossessive(words[i].In(text)).ToString());
                names.Add((string.Join(' ', parts), words[start].Start));
            }
            k = end;
        }
    }
}
