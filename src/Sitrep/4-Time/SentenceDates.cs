namespace Sitrep.Time;

/// <summary>
/// The date that governs a sentence's events, for later stages (events, timeline): the time
/// expression of the sentence nearest before the position (else the first after it), else the
/// document's reference time.
/// </summary>
public static class SentenceDates
{
    public static PartialDate? DateAt(Document document, int position)
    {
        var text = document.Text;
        position = Math.Clamp(position, 0, text.Length);
        int start = SentenceStart(text, position), end = SentenceEnd(text, position);
        TimeMention? before = null, after = null;
        foreach (var t in document.Times)
        {
            if (t.Start < start || t.End > end || t.Type is not (TimeType.Date or TimeType.Time) || t.Date == null) continue;
            if (t.Start <= position) before = t;
            else if (after is null) after = t;
        }
        if ((before ?? after)?.Date is { } date) return date;
        return document.Published;
    }

    private static int SentenceStart(string text, int position)
    {
        for (int i = position - 1; i > 0; i--)
            if (IsBoundary(text, i)) return i + 1;
        return 0;
    }

    private static int SentenceEnd(string text, int position)
    {
        for (int i = position; i < text.Length; i++)
            if (IsBoundary(text, i)) return i;
        return text.Length;
    }

    /// <summary>A newline, or a full stop, question or exclamation mark followed by a space and a capital, digit or quote.</summary>
    private static bool IsBoundary(string text, int i)
    {
        char c = text[i];
        if (c == '\n') return true;
        if (c is not ('.' or '!' or '?') || i + 2 >= text.Length || text[i + 1] != ' ') return false;
        char next = text[i + 2];
        if (!(char.IsUpper(next) || char.IsDigit(next) || next is '"' or '\u201C')) return false;
        // "Sept. 30", "Dr. Smith": an abbreviation of up to four letters starting with a capital does not end a sentence
        int k = i - 1;
        while (k >= 0 && char.IsLetter(text[k])) k--;
        int len = i - 1 - k;
        return !(len is >= 1 and <= 4 && char.IsUpper(text[k + 1]) && (k < 0 || text[k] is ' ' or '\n' or '('));
    }
}
