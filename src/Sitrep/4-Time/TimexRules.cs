namespace Sitrep.Time;

/// <summary>The patterns, one method per kind of token an expression can start with.</summary>
internal sealed partial class TimexScanner
{
    private const Sitrep.TimeType Date = Sitrep.TimeType.Date, TimeOfDay = Sitrep.TimeType.Time, Duration = Sitrep.TimeType.Duration, SetType = Sitrep.TimeType.Set;

    private static string V(TimePoint? p, string unresolved) => p?.ToString() ?? unresolved;

    private static Timex Dated(int first, int last, TimePoint? p, string unresolved = "XXXX-XX-XX", bool article = false) =>
        new(first, last, Date, V(p, unresolved), p, article);

    // ---- numbers: ISO and slashed dates, clock times, years, decades, centuries, day-month -------

    private Timex? NumberLed(int i)
    {
        ref readonly var t = ref T(i);
        Timex? best = null;
        if (IsPartOfLargerNumber(i)) return null;
        if (!t.HasSuffix)
        {
            best = Longer(best, IsoDate(i));
            best = Longer(best, SlashedDate(i));
        }
        best = Longer(best, ClockTime(i));
        var suffix = t.HasSuffix ? text.AsSpan(t.SuffixStart, t.End - t.SuffixStart) : default;
        if (suffix.Equals("s", StringComparison.OrdinalIgnoreCase))
        {
            // "1960s", "'80s"; "the 1800s" is a century (but "the 2000s" the decade)
            if (t.Digits == 4 && t.Number % 100 == 0 && t.Number < 2000) best = Longer(best, Dated(i, i, TimePoint.Century(t.Number), article: true));
            else if (t.Digits == 4 && t.Number % 10 == 0) best = Longer(best, Dated(i, i, TimePoint.Decade(t.Number), article: true));
            else if (t.Digits == 2 && t.Number % 10 == 0 && IsPunct(i - 1, '\'') && Touches(i))
                best = Longer(best, Dated(i - 1, i, TimePoint.Decade(1900 + t.Number), article: true));
        }
        bool ordinal = suffix.Length == 2 && !suffix.Equals("am", StringComparison.OrdinalIgnoreCase) && !suffix.Equals("pm", StringComparison.OrdinalIgnoreCase);
        if (ordinal && IsWord(i + 1, "century") && t.Number is > 0 and <= 21)
            best = Longer(best, Dated(i, i + 1, TimePoint.Century((t.Number - 1) * 100), article: true));
        if ((ordinal || !t.HasSuffix) && t.Digits <= 2 && t.Number is >= 1 and <= 31)
            best = Longer(best, DayMonth(i, t.Number));
        if (!t.HasSuffix && t.Digits == 4) best = Longer(best, YearLed(i));
        if (!t.HasSuffix && t.Digits == 4 && t.Number % 100 < 60 && t.Number / 100 < 24 && Is(i + 1, WordClass.Zone))
            best = Longer(best, MilitaryTime(i));
        if (!t.HasSuffix && t.Digits <= 2) best = Longer(best, RangeEnd(i));
        if (!t.HasSuffix && t.Digits == 1) best = Longer(best, QuarterAbbreviation(i));
        if (!t.HasSuffix) best = Longer(best, QuantityLed(i));
        return best;
    }

    /// <summary>"Q3", "Q4 2012", "Q1 of 2013": a quarter written the way results tables write it.</summary>
    private Timex? QuarterAbbreviation(int i)
    {
        int n = T(i).Number;
        if (n is < 1 or > 4 || !Touches(i) || !Has(i - 1) || T(i - 1).Kind != TokenKind.Word || !Word(i - 1).SequenceEqual("Q") ||
            (Has(i + 1) && Touches(i + 1) && T(i + 1).Kind != TokenKind.Punct)) return null; // not "Q1A"
        var y = IsWord(i + 1, "of") ? YearAfter(i + 2) : YearAfter(i + 1);
        if (y is { } written) return Dated(i - 1, written.Last, TimePoint.Quarter(written.Year, n));
        return Dated(i - 1, i, PartOfYearPoint(Grain.Quarter, n, Tense(i - 1)), $"XXXX-Q{n}");
    }

    /// <summary>The second end of a range: "1990-91" (1991), "November 19-20", "April 24 and 25" (the day in the same month).</summary>
    private Timex? RangeEnd(int i)
    {
        bool hyphen = IsHyphenAt(i - 1);
        if (!(hyphen || IsWord(i - 1, "and") || IsWord(i - 1, "to") || IsWord(i - 1, "through") || IsWord(i - 1, "or")) || !IsPlainNumber(i - 2)) return null;
        int n = T(i).Number, before = T(i - 2).Number;
        if (hyphen && T(i - 2).Digits == 4 && T(i).Digits == 2 && before is >= 1000 and <= 2099 && n > before % 100)
            return Dated(i, i, TimePoint.Year(before / 100 * 100 + n));
        if (T(i - 2).Digits <= 2 && n > before && n <= 31 && Is(i - 3, WordClass.Month) && lastPoint is { Grain: Grain.Day } first &&
            n <= DateTime.DaysInMonth(first.Anchor.Year, first.Anchor.Month))
            return Dated(i, i, TimePoint.Day(new DateOnly(first.Anchor.Year, first.Anchor.Month, n)));
        return null;
    }

    private Timex? IsoDate(int i)
    {
        if (!IsDigitsAt(i, 4) || !IsHyphenAt(i + 1) || !IsDigitsAt(i + 2, 2) || !IsHyphenAt(i + 3) || !IsDigitsAt(i + 4, 2)) return null;
        int y = T(i).Number, m = T(i + 2).Number, d = T(i + 4).Number;
        if (y < 1 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return null;
        return Dated(i, i + 4, TimePoint.Day(new DateOnly(y, m, d)));
    }

    /// <summary>"3/14/2025" (month first, as US wires write it) or "14/3/2025" when the first number cannot be a month.</summary>
    private Timex? SlashedDate(int i)
    {
        if (!IsPlainNumber(i) || !IsPunct(i + 1, '/') || !Touches(i + 1) || !IsPlainNumber(i + 2) || !Touches(i + 2) ||
            !IsPunct(i + 3, '/') || !Touches(i + 3) || !IsPlainNumber(i + 4) || !Touches(i + 4)) return null;
        int a = T(i).Number, b = T(i + 2).Number, y = T(i + 4).Number;
        if (T(i + 4).Digits == 2) y += y < 50 ? 2000 : 1900;
        else if (T(i + 4).Digits != 4 || y < 1000) return null;
        int m = a, d = b;
        if (a > 12) (m, d) = (b, a);
        if (m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return null;
        return Dated(i, i + 4, TimePoint.Day(new DateOnly(y, m, d)));
    }

    /// <summary>"09:12", "10:35 a.m.", "10 p.m. EST Wednesday", "9pm", "4 in the morning".</summary>
    private Timex? ClockTime(int i)
    {
        ref readonly var t = ref T(i);
        if (t.Digits > 2 || t.Number > 24) return null;
        int hour = t.Number, minute = 0, last = i;
        bool explicitMeridiem = false, colon = false;
        if (!t.HasSuffix && IsPunct(i + 1, ':') && Touches(i + 1) && IsDigitsAt(i + 2, 2) && Touches(i + 2) && T(i + 2).Number < 60)
        {
            minute = T(i + 2).Number;
            last = i + 2;
            colon = true;
            if (IsPunct(i + 3, ':') && Touches(i + 3) && IsDigitsAt(i + 4, 2)) last = i + 4; // seconds
        }
        else if (!t.HasSuffix && IsPunct(i + 1, '.') && Touches(i + 1) && Touches(i + 2) && Has(i + 2) && T(i + 2).Kind == TokenKind.Number &&
                 T(i + 2).Digits == 2 && T(i + 2).Number < 60 && (T(i + 2).HasSuffix || Is(i + 3, WordClass.Meridiem)))
        {
            minute = T(i + 2).Number; // "10.30 pm", "10.30am"
            last = i + 2;
        }
        ref readonly var lastTok = ref T(last);
        if (lastTok.HasSuffix)
        {
            var s = text.AsSpan(lastTok.SuffixStart, lastTok.End - lastTok.SuffixStart);
            if (s.Equals("pm", StringComparison.OrdinalIgnoreCase)) { explicitMeridiem = true; if (hour < 12) hour += 12; }
            else if (s.Equals("am", StringComparison.OrdinalIgnoreCase)) { explicitMeridiem = true; if (hour == 12) hour = 0; }
            else return null;
        }
        else if (Is(last + 1, WordClass.Meridiem))
        {
            explicitMeridiem = true;
            last++;
            if (Sense(last, WordClass.Meridiem).Number == 12) { if (hour < 12) hour += 12; }
            else if (hour == 12) hour = 0;
        }
        else if (IsWord(last + 1, "in") && IsWord(last + 2, "the") && Is(last + 3, WordClass.PartOfDay))
        {
            var part = Sense(last + 3, WordClass.PartOfDay).Value;
            if (part is "AF" or "EV" or "NI" && hour < 12 && !(part == "NI" && hour < 5)) hour += 12;
            explicitMeridiem = true;
            last += 3;
        }
        if (!explicitMeridiem && !colon) return null;
        if (!explicitMeridiem && (t.Digits != 2 && hour > 12 is false && minute == 0 && T(i + 2).Digits != 2)) return null;
        if (hour > 24 || (explicitMeridiem && t.Number is 0 or > 12)) return null;
        string zone = "";
        if (Is(last + 1, WordClass.Zone)) zone = ZoneSuffix(++last);
        var day = SentenceDay(i);
        // a day named after the clock time: "10 p.m. Wednesday", "5 p.m. EST, Nov. 9", "noon yesterday"
        int after = IsPunct(last + 1, ',') ? last + 2 : last + 1;
        if (DayAfterTime(after, i) is { } dd) { day = dd.Point; last = dd.Last; }
        else if (DayOfTimeAhead(after, i) is { } ahead) day = ahead;
        if (day is not { } dp) return new Timex(i, last, TimeOfDay, $"XXXX-XX-XXT{hour:D2}:{minute:D2}{zone}");
        var p = new TimePoint(dp.Anchor, Grain.Minute, "", hour, minute);
        return new Timex(i, last, TimeOfDay, p.ToString() + zone, p);
    }

    /// <summary>
    /// The day a time of day belongs to when it is named a few words on, outside the time's own
    /// extent: after "local time", an aside ("10:35 a.m. (0735 GMT) Friday", "4 in the morning
    /// (4 a.m. EDT Thursday)") or "on" ("at 9 a.m. on Tuesday"): the words between do not part them.
    /// </summary>
    private TimePoint? DayOfTimeAhead(int j, int time)
    {
        if (IsWord(j, "local") && IsWord(j + 1, "time")) j = IsPunct(j + 2, ',') ? j + 3 : j + 2;
        if (IsPunct(j, '(') && ClosingParenthesis(j) is { } close)
        {
            if (DayAfterTime(close - 1, time) is { Point: { } inside }) return inside;
            j = IsPunct(close + 1, ',') ? close + 2 : close + 1;
        }
        if (IsPunct(j, ')')) j++; // the time was itself the aside: "(0735 GMT) Friday"
        if (IsWord(j, "on")) j++;
        return DayAfterTime(j, time)?.Point;
    }

    /// <summary>The value's zone designator: "Z" for UTC and GMT; local zones stay unmarked, as TimeML writes their clock time.</summary>
    private string ZoneSuffix(int zone) => Sense(zone, WordClass.Zone).Value == "Z" ? "Z" : "";

    /// <summary>Without a named day, a time of day at token i belongs to the day its sentence spoke of, else the reference day.</summary>
    private TimePoint? SentenceDay(int i) =>
        lastPoint is { Grain: >= Grain.Day } lp && lastPointToken >= 0 && SameSentence(lastPointToken, i) ? TimePoint.Day(lp.Anchor)
        : reference is { } r ? TimePoint.Day(r) : null;

    /// <summary>"1345 GMT": a four-digit clock time, recognised only with its time zone.</summary>
    private Timex? MilitaryTime(int i)
    {
        int hour = T(i).Number / 100, minute = T(i).Number % 100;
        string zone = ZoneSuffix(i + 1);
        var day = DayOfTimeAhead(i + 2, i) ?? SentenceDay(i);
        if (day is not { } d) return new Timex(i, i + 1, TimeOfDay, $"XXXX-XX-XXT{hour:D2}:{minute:D2}{zone}");
        var p = new TimePoint(d.Anchor, Grain.Minute, "", hour, minute);
        return new Timex(i, i + 1, TimeOfDay, p.ToString() + zone, p);
    }

    /// <summary>The ")" closing a short aside opened at token <paramref name="open"/>, or null.</summary>
    private int? ClosingParenthesis(int open)
    {
        for (int k = open + 1; k <= open + 8 && Has(k); k++)
            if (IsPunct(k, ')')) return k;
        return null;
    }

    /// <summary>The day named at token j after a time of day that starts at token <paramref name="time"/>.</summary>
    private (TimePoint? Point, int Last)? DayAfterTime(int j, int time)
    {
        if (Is(j, WordClass.Weekday) && !Sense(j, WordClass.Weekday).Plural)
            return (WeekdayPoint(Sense(j, WordClass.Weekday).Number, IsDeadline(time) ? 1 : Tense(j)), j);
        if (Is(j, WordClass.DayWord) && reference is { } r)
            return (TimePoint.Day(r.AddDays(Sense(j, WordClass.DayWord).Number)), j);
        if (Is(j, WordClass.Month) && MonthLed(j) is { } m && m.Point is { Grain: Grain.Day })
            return (m.Point, m.Last);
        if (IsPlainNumber(j) && T(j).Number is >= 1 and <= 31 && DayMonth(j, T(j).Number) is { Point: { Grain: Grain.Day } } dm)
            return (dm.Point, dm.Last); // "3 May"
        return null;
    }

    /// <summary>"3 March", "3rd of March 2025", "25 Dec".</summary>
    private Timex? DayMonth(int i, int day)
    {
        int j = IsWord(i + 1, "of") ? i + 2 : i + 1;
        if (!Is(j, WordClass.Month)) return RangeStart(i, day);
        int month = Sense(j, WordClass.Month).Number;
        if (day > DateTime.DaysInMonth(2000, month)) return null;
        return DayOfMonth(i, j, month, day);
    }

    /// <summary>The first day of a range that names its month once: "between 1 and 5 May", "3-9 June 2024".</summary>
    private Timex? RangeStart(int i, int day)
    {
        if (!(IsWord(i + 1, "and") || IsWord(i + 1, "to") || IsHyphenAt(i + 1)) || !IsPlainNumber(i + 2) || T(i + 2).Number is var second && (second <= day || second > 31))
            return null;
        if (DayMonth(i + 2, second) is not { Point: { Grain: Grain.Day } end }) return null;
        return Dated(i, i, TimePoint.Day(new DateOnly(end.Anchor.Year, end.Anchor.Month, day)));
    }

    /// <summary>Day and month ending at token <paramref name="j"/>, with the year written after them or resolved by tense.</summary>
    private Timex? DayOfMonth(int i, int j, int month, int day)
    {
        if (YearAfter(j + 1) is { } y) return Dated(i, y.Last, TimePoint.Day(SafeDate(y.Year, month, day)), $"XXXX-{month:D2}-{day:D2}");
        return Dated(i, j, MonthDayPoint(month, day, Tense(i)), $"XXXX-{month:D2}-{day:D2}");
    }

    /// <summary>A year written right after a date part: "1998", ", 1998", "of 1998", "nineteen ninety-six".</summary>
    private (int Year, int Last)? YearAfter(int j)
    {
        if (IsPunct(j, ',') && IsDigitsAt(j + 1, 4) && !IsPartOfLargerNumber(j + 1) && T(j + 1).Number >= 1000) return (T(j + 1).Number, j + 1);
        if (IsDigitsAt(j, 4) && !IsPartOfLargerNumber(j) && T(j).Number >= 1000) return (T(j).Number, j);
        if (IsPunct(j, '\'') && IsDigitsAt(j + 1, 2) && Touches(j + 1)) return (1900 + T(j + 1).Number + (T(j + 1).Number < 30 ? 100 : 0), j + 1);
        if (SpelledYear(j) is { } s) return s;
        return null;
    }

    /// <summary>A year named by words after "of": "the year" (the one the text speaks of), "this year", "last year".</summary>
    private (int Year, int Last)? NamedYear(int j)
    {
        if (IsWord(j, "the") && IsWord(j + 1, "year") && Anaphoric(Grain.Year) is { } spoken) return (spoken.YearNumber, j + 1);
        if ((IsWord(j, "this") || IsWord(j, "last") || IsWord(j, "next")) && IsWord(j + 1, "year") && Core(j) is { Point: { Grain: Grain.Year } y })
            return (y.YearNumber, j + 1);
        return null;
    }

    /// <summary>"nineteen ninety-six", "nineteen seventy-nine", "two thousand".</summary>
    private (int Year, int Last)? SpelledYear(int j)
    {
        if (!Is(j, WordClass.Number)) return null;
        int first = Sense(j, WordClass.Number).Number;
        if (first == 2 && IsWord(j + 1, "thousand"))
        {
            int last = j + 1, y = 2000;
            if (IsWord(last + 1, "and") && Is(last + 2, WordClass.Number) && Sense(last + 2, WordClass.Number).Number < 20) { y += Sense(last + 2, WordClass.Number).Number; last += 2; }
            else if (Is(last + 1, WordClass.Number) && Sense(last + 1, WordClass.Number).Number < 20) { y += Sense(last + 1, WordClass.Number).Number; last += 1; }
            return (y, last);
        }
        if (first is < 11 or > 20 || !Is(j + 1, WordClass.Number)) return null;
        int tens = Sense(j + 1, WordClass.Number).Number;
        if (tens is < 10 or > 90 || (tens >= 20 && tens % 10 != 0)) return null;
        int end = j + 1, rest = tens;
        if (tens >= 20)
        {
            int k = IsHyphenAt(j + 2) ? j + 3 : j + 2;
            if (Is(k, WordClass.Number) && Sense(k, WordClass.Number).Number is >= 1 and <= 9) { rest += Sense(k, WordClass.Number).Number; end = k; }
        }
        return (first * 100 + rest, end);
    }

    /// <summary>A bare year ("in 1998"), and "the 1988 period", "the 1988 second quarter".</summary>
    private Timex? YearLed(int i)
    {
        int y = T(i).Number;
        bool signal = Has(i - 1) && toks[i - 1].Kind == TokenKind.Word && InSet(yearSignals, i - 1);
        if (!(y is >= 1900 and <= 2099 || (y is >= 1000 and < 1900 && signal))) return null;
        if (IsDash(i - 1) && Touches(i) && Has(i - 2) && T(i - 2).Kind == TokenKind.Number && T(i - 2).Digits != 4) return null; // "1989-1990" second part is fine, "25-1990" is not a year
        var year = TimePoint.Year(y);
        if (Is(i + 1, WordClass.Ordinal) && (IsWord(i + 2, "quarter") || IsWord(i + 2, "half")))
        {
            var q = Sense(i + 1, WordClass.Ordinal);
            if (q.Number is >= 1 and <= 4)
                return Dated(i, i + 2, IsWord(i + 2, "half") ? TimePoint.HalfYear(y, Math.Min(q.Number, 2)) : TimePoint.Quarter(y, q.Number), article: true);
        }
        if (IsWord(i + 1, "quarter") || IsWord(i + 1, "period"))
        {
            // "the 1988 period": the quarter under discussion, in an earlier year for comparison
            var p = lastQuarter is { } lq ? TimePoint.Quarter(y, lq.QuarterOfYear) : year;
            return Dated(i, i + 1, p, article: true) with { Backdated = true };
        }
        if (IsDash(i - 1) && Touches(i) && IsWord(i - 2, "post")) return Dated(i - 2, i, year);
        return Dated(i, i, year);
    }
}
