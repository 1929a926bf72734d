using System.Globalization;

namespace Sitrep;

/// <summary>Where a publication date comes from, most trusted first.</summary>
public enum DateProvenance : byte
{
    /// <summary>The input states it: a record's field, a feed item's date, the store's copy of either.</summary>
    Given,
    /// <summary>The page's metadata (meta tags, JSON-LD, the URL's date).</summary>
    Page,
    /// <summary>A dateline or date line of the article text ("KYIV, March 12, 2026 —").</summary>
    Dateline,
    /// <summary>Inferred from the article's own time expressions.</summary>
    InferredFromText,
    /// <summary>Inferred from the other reports of its story.</summary>
    InferredFromStory,
}

/// <summary>How much of a date the source actually states.</summary>
public enum DatePrecision { Year, Month, Day, Minute }

/// <summary>
/// A calendar date that knows its precision: "2025", "2025-05", "2025-05-04" or a date-time.
/// A publication date of "May 2025" must not turn into May 1st.
/// </summary>
public readonly record struct PartialDate(int Year, int Month, int Day, DatePrecision Precision, TimeOnly Time = default, TimeSpan? Offset = null)
    : IComparable<PartialDate>
{
    /// <summary>Orders by the first day covered, then the coarser date first, then the time of day.</summary>
    public int CompareTo(PartialDate other)
    {
        int byDay = FirstDay.CompareTo(other.FirstDay);
        if (byDay != 0) return byDay;
        int byPrecision = Precision.CompareTo(other.Precision);
        return byPrecision != 0 ? byPrecision : Time.CompareTo(other.Time);
    }

    public static PartialDate OfDay(DateOnly d) => new(d.Year, d.Month, d.Day, DatePrecision.Day);

    public static PartialDate OfInstant(DateTimeOffset t) =>
        new(t.Year, t.Month, t.Day, DatePrecision.Minute, new TimeOnly(t.Hour, t.Minute, t.Second), t.Offset);

    /// <summary>The first day the date covers (January 1st of a bare year).</summary>
    public DateOnly FirstDay => new(Year, Precision >= DatePrecision.Month ? Month : 1, Precision >= DatePrecision.Day ? Day : 1);

    /// <summary>Parses ISO 8601 forms: YYYY, YYYY-MM, YYYY-MM-DD, and date-times with or without an offset.</summary>
    public static bool TryParse(string? s, out PartialDate date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(s)) return false;
        s = s.Trim();
        var inv = CultureInfo.InvariantCulture;
        if (s.Length == 4 && int.TryParse(s, NumberStyles.None, inv, out var y) && y is > 0 and < 10000)
        {
            date = new(y, 1, 1, DatePrecision.Year);
            return true;
        }
        if (s.Length == 7 && DateOnly.TryParseExact(s + "-01", "yyyy-MM-dd", inv, DateTimeStyles.None, out var ym))
        {
            date = new(ym.Year, ym.Month, 1, DatePrecision.Month);
            return true;
        }
        if (s.Length == 10 && DateOnly.TryParseExact(s, "yyyy-MM-dd", inv, DateTimeStyles.None, out var d))
        {
            date = OfDay(d);
            return true;
        }
        if (s.Length > 10 && (s[10] == 'T' || s[10] == ' ') && DateTimeOffset.TryParse(s, inv,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var t))
        {
            bool hasOffset = s.EndsWith('Z') || s.LastIndexOfAny(['+', '-']) > 10;
            date = OfInstant(t) with { Offset = hasOffset ? t.Offset : null };
            return true;
        }
        return TryParseTimex(s, out date);
    }

    /// <summary>
    /// The TIMEX3 forms of a calendar date that ISO 8601 lacks: a quarter (its first month), a week (its
    /// Monday), a day with an hour or a part of the day ("2025-05-04TMO": the day).
    /// </summary>
    private static bool TryParseTimex(string s, out PartialDate date)
    {
        date = default;
        if (s.Length < 7 || s[4] != '-' || !int.TryParse(s.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int y) || y < 1) return false;
        if (s.Length == 7 && s[5] == 'Q' && s[6] is >= '1' and <= '4')
        {
            date = new(y, (s[6] - '1') * 3 + 1, 1, DatePrecision.Month);
            return true;
        }
        if (s.Length >= 8 && s[5] == 'W' && int.TryParse(s.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int week) && week is >= 1 and <= 53)
        {
            date = OfDay(DateOnly.FromDateTime(ISOWeek.ToDateTime(y, week, DayOfWeek.Monday)));
            return true;
        }
        if (s.Length > 10 && s[10] == 'T' && DateOnly.TryParseExact(s[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            date = OfDay(day);
            return true;
        }
        return false;
    }

    /// <summary>The ISO 8601 form at the date's own precision.</summary>
    public override string ToString() => Precision switch
    {
        DatePrecision.Year => Year.ToString("D4", CultureInfo.InvariantCulture),
        DatePrecision.Month => $"{Year:D4}-{Month:D2}",
        DatePrecision.Day => $"{Year:D4}-{Month:D2}-{Day:D2}",
        _ => $"{Year:D4}-{Month:D2}-{Day:D2}T{Time.Hour:D2}:{Time.Minute:D2}:{Time.Second:D2}" + OffsetText(),
    };

    /// <summary>The calendar day alone, as outputs that want a date print it.</summary>
    public string DateText() => Precision >= DatePrecision.Day ? $"{Year:D4}-{Month:D2}-{Day:D2}" : ToString();

    private string OffsetText() => Offset switch
    {
        null => "",
        { } o when o == TimeSpan.Zero => "Z",
        { } o => (o < TimeSpan.Zero ? "-" : "+") + o.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture),
    };
}
