using System.Globalization;

namespace Sitrep.Time;

/// <summary>How coarse a resolved calendar value is, from a century down to a minute.</summary>
internal enum Grain : byte { Century, Decade, Year, Half, Quarter, Season, Month, Week, Weekend, Day, PartOfDay, Hour, Minute }

/// <summary>
/// A calendar value at some grain, anchored on the first day it covers, with arithmetic in its
/// own unit ("last quarter", "three weeks ago") and its TIMEX3 form ("1989-Q3", "1998-W08", "199").
/// </summary>
internal readonly record struct TimePoint(DateOnly Anchor, Grain Grain, string Part = "", int Hour = 0, int Minute = 0)
{
    public static TimePoint Year(int y) => new(new DateOnly(Math.Clamp(y, 1, 9999), 1, 1), Grain.Year);
    public static TimePoint Month(int y, int m) => new(new DateOnly(Math.Clamp(y, 1, 9999), m, 1), Grain.Month);
    public static TimePoint Quarter(int y, int q) => new(new DateOnly(Math.Clamp(y, 1, 9999), (q - 1) * 3 + 1, 1), Grain.Quarter);
    public static TimePoint HalfYear(int y, int h) => new(new DateOnly(Math.Clamp(y, 1, 9999), h == 1 ? 1 : 7, 1), Grain.Half);
    public static TimePoint Day(DateOnly d) => new(d, Grain.Day);
    public static TimePoint Decade(int firstYear) => new(new DateOnly(Math.Clamp(firstYear, 1, 9999), 1, 1), Grain.Decade);
    public static TimePoint Century(int firstYear) => new(new DateOnly(Math.Clamp(firstYear, 1, 9999), 1, 1), Grain.Century);
    public static TimePoint Season(int y, string code) => new(new DateOnly(Math.Clamp(y, 1, 9999), 1, 1), Grain.Season, code);

    public static TimePoint Week(DateOnly d) => new(d.AddDays(-(((int)d.DayOfWeek + 6) % 7)), Grain.Week);
    public static TimePoint Weekend(DateOnly d) => new(Week(d).Anchor.AddDays(5), Grain.Weekend);

    public int YearNumber => Anchor.Year;
    public int QuarterOfYear => (Anchor.Month - 1) / 3 + 1;

    /// <summary>The same grain shifted by n of its own units (a decade by ten years, a season by a year).</summary>
    public TimePoint Shift(int n)
    {
        var a = Anchor;
        try
        {
            return Grain switch
            {
                Grain.Century => this with { Anchor = a.AddYears(100 * n) },
                Grain.Decade => this with { Anchor = a.AddYears(10 * n) },
                Grain.Year or Grain.Season => this with { Anchor = a.AddYears(n) },
                Grain.Half => this with { Anchor = a.AddMonths(6 * n) },
                Grain.Quarter => this with { Anchor = a.AddMonths(3 * n) },
                Grain.Month => this with { Anchor = a.AddMonths(n) },
                Grain.Week or Grain.Weekend => this with { Anchor = a.AddDays(7 * n) },
                _ => this with { Anchor = a.AddDays(n) },
            };
        }
        catch (ArgumentOutOfRangeException)
        {
            return this;
        }
    }

    /// <summary>The TIMEX3 value.</summary>
    public override string ToString()
    {
        var a = Anchor;
        var inv = CultureInfo.InvariantCulture;
        string day = a.ToString("yyyy-MM-dd", inv);
        return Grain switch
        {
            Grain.Century => (a.Year / 100).ToString("D2", inv),
            Grain.Decade => (a.Year / 10).ToString("D3", inv),
            Grain.Year => a.Year.ToString("D4", inv),
            Grain.Half => $"{a.Year:D4}-H{(a.Month <= 6 ? 1 : 2)}",
            Grain.Quarter => $"{a.Year:D4}-Q{QuarterOfYear}",
            Grain.Season => $"{a.Year:D4}-{Part}",
            Grain.Month => a.ToString("yyyy-MM", inv),
            Grain.Week => IsoWeekText(a),
            Grain.Weekend => IsoWeekText(a) + "-WE",
            Grain.Day => day,
            Grain.PartOfDay => $"{day}T{Part}",
            Grain.Hour => $"{day}T{Hour:D2}",
            _ => $"{day}T{Hour:D2}:{Minute:D2}",
        };
    }

    private static string IsoWeekText(DateOnly d)
    {
        var dt = d.ToDateTime(TimeOnly.MinValue);
        return $"{ISOWeek.GetYear(dt):D4}-W{ISOWeek.GetWeekOfYear(dt):D2}";
    }

    /// <summary>The value as a <see cref="PartialDate"/> (a week or quarter becomes its first day at month or day precision).</summary>
    public PartialDate ToPartialDate() => Grain switch
    {
        Grain.Century or Grain.Decade or Grain.Year or Grain.Season => new(Anchor.Year, 1, 1, DatePrecision.Year),
        Grain.Half or Grain.Quarter or Grain.Month => new(Anchor.Year, Anchor.Month, 1, DatePrecision.Month),
        Grain.Hour or Grain.Minute => new(Anchor.Year, Anchor.Month, Anchor.Day, DatePrecision.Minute, new TimeOnly(Hour % 24, Minute)),
        _ => PartialDate.OfDay(Anchor),
    };
}
