namespace Sitrep.Time;

/// <summary>
/// A publication date for an article that came without one: the full date of its dateline
/// ("KHARTOUM, May 4, 2025 (AP) -"), else the latest full date the text states. The text never
/// dates itself after publication, so the latest stated day is the best lower bound it offers.
/// </summary>
internal static class PublicationDateInference
{
    /// <summary>How far into the text a dateline may sit.</summary>
    private const int DatelineReach = 300;

    public static PartialDate? Infer(string text, List<TimeToken> tokens)
    {
        var found = new List<TimeMention>();
        new TimexScanner(text, tokens, null).Scan(found);
        PartialDate? latest = null;
        foreach (var t in found)
        {
            if (t.Type != "DATE" || !TimexValues.TryParse(t.Value, out var d) || d.Precision < DatePrecision.Day) continue;
            if (t.Start < DatelineReach) return d;
            if (latest is not { } l || d.FirstDay > l.FirstDay) latest = d;
        }
        return latest;
    }
}

/// <summary>Reads a TIMEX3 value back as a calendar date, when it names one.</summary>
public static class TimexValues
{
    /// <summary>"2025", "2025-05", "2025-05-04", "2025-05-04T10:30", "2025-Q2" (its first month), "2025-W18" (its Monday).</summary>
    public static bool TryParse(string value, out PartialDate date)
    {
        date = default;
        if (value.Length < 4 || !int.TryParse(value.AsSpan(0, 4), out int y) || y < 1) return false;
        if (value.Length == 4) { date = new(y, 1, 1, DatePrecision.Year); return true; }
        if (value[4] != '-' || value.Length < 7) return false;
        var rest = value.AsSpan(5);
        if (rest[0] == 'Q' && rest.Length == 2 && rest[1] is >= '1' and <= '4')
        {
            date = new(y, (rest[1] - '1') * 3 + 1, 1, DatePrecision.Month);
            return true;
        }
        if (rest[0] == 'W' && rest.Length >= 3 && int.TryParse(rest.Slice(1, 2), out int week) && week is >= 1 and <= 53)
        {
            date = PartialDate.OfDay(DateOnly.FromDateTime(System.Globalization.ISOWeek.ToDateTime(y, week, DayOfWeek.Monday)));
            return true;
        }
        if (!int.TryParse(rest[..2], out int m) || m is < 1 or > 12) return false;
        if (value.Length == 7) { date = new(y, m, 1, DatePrecision.Month); return true; }
        if (value.Length < 10 || value[7] != '-' || !int.TryParse(value.AsSpan(8, 2), out int d) || d < 1 || d > DateTime.DaysInMonth(y, m)) return false;
        if (value.Length >= 16 && value[10] == 'T' && int.TryParse(value.AsSpan(11, 2), out int h) && value[13] == ':' && int.TryParse(value.AsSpan(14, 2), out int min) && h < 24 && min < 60)
        {
            date = new(y, m, d, DatePrecision.Minute, new TimeOnly(h, min));
            return true;
        }
        date = new(y, m, d, DatePrecision.Day);
        return true;
    }
}
