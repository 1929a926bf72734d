namespace Sitrep.Time;

/// <summary>
/// A publication date for an article that came without one: the full date of its dateline
/// ("KHARTOUM, May 4, 2025 (AP) -"), else the latest full date the text states outside sentences
/// that look ahead ("the mandate will expire on March 1, 2027"). Reports date themselves no later than
/// publication, so the latest such day is the best lower bound the text offers; when every date
/// looks ahead, the earliest of them is the nearest.
/// </summary>
internal static class PublicationDateInference
{
    /// <summary>How far into the text a dateline may sit (and never past the first sentence).</summary>
    private const int DatelineReach = 200;

    public static PartialDate? Infer(string text, TimeToken[] tokens, int count)
    {
        var found = new List<TimeMention>();
        var tenses = new List<int>();
        new TimexScanner(text, tokens, count, null).Scan(found, tenses);
        PartialDate? latest = null, earliestAhead = null;
        int datelineEnd = FirstSentenceEnd(text, DatelineReach);
        for (int k = 0; k < found.Count; k++)
        {
            var t = found[k];
            if (t.Type != TimeType.Date || t.Date is not { } d || d.Precision < DatePrecision.Day) continue;
            if (t.Start < datelineEnd) return d;
            if (tenses[k] > 0)
            {
                // a forward-looking date is after publication: the earliest such one bounds it from above
                if (earliestAhead is not { } e || d.FirstDay < e.FirstDay) earliestAhead = d;
                continue;
            }
            if (latest is not { } l || d.FirstDay > l.FirstDay) latest = d;
        }
        return latest ?? earliestAhead;
    }

    /// <summary>
    /// Where the dateline zone ends: at the first full stop, question or exclamation mark before a
    /// capital, or after three lines of text (headline, standfirst, dateline).
    /// </summary>
    private static int FirstSentenceEnd(string text, int limit)
    {
        limit = Math.Min(limit, text.Length);
        bool seenText = false;
        int lines = 0;
        for (int i = 0; i < limit; i++)
        {
            char c = text[i];
            if (c == '\n' && seenText && ++lines == 3) return i;
            if (c == '\n') seenText = false;
            else if (!char.IsWhiteSpace(c)) seenText = true;
            if (c is '.' or '!' or '?' && i + 2 < text.Length && text[i + 1] == ' ' && char.IsUpper(text[i + 2]) && !AfterAbbreviation(text, i)) return i;
        }
        return limit;
    }

    /// <summary>"U. S.", "Gen. Smith", "Oct. Rains": a short capitalised word before the dot is an abbreviation.</summary>
    private static bool AfterAbbreviation(string text, int dot)
    {
        int k = dot - 1;
        while (k >= 0 && char.IsLetter(text[k])) k--;
        int length = dot - 1 - k;
        return length is >= 1 and <= 3 && char.IsUpper(text[k + 1]);
    }
}
