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
        else if (IsDigitsAt(i + 2, 2) && IsPunct(i + 1, '.') && Touches(i + 1) && Touches(i + 2) && Is(i + 3, WordClass.Meridiem) && T(i + 2).Number < 60)
        {
            minute = T(i + 2).Number; // "10.30 pm"
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
        if (Is(last + 1, WordClass.Zone)) last++;
        var day = SentenceDay(i);
        // a day named after the clock time: "10 p.m. Wednesday", "5 p.m. EST, Nov. 9", "noon yesterday"
        int after = IsPunct(last + 1, ',') ? last + 2 : last + 1;
        if (DayAfterTime(after, i) is { } dd) { day = dd.Point; last = dd.Last; }
        else if (IsPunct(after, '(') && ClosingParenthesis(after) is { } close &&
                 (DayAfterTime(close + 1, i) ?? DayAfterTime(close - 1, i)) is { Point: { } named })
            day = named; // "10:35 a.m. (0735 GMT) Friday", "4 in the morning (4 a.m. EDT Thursday)": the aside does not part them
        if (day is not { } dp) return new Timex(i, last, TimeOfDay, $"XXXX-XX-XXT{hour:D2}:{minute:D2}");
        var p = new TimePoint(dp.Anchor, Grain.Minute, "", hour, minute);
        return new Timex(i, last, TimeOfDay, p.ToString(), p);
    }

    /// <summary>Without a named day, a time of day at token i belongs to the day its sentence spoke of, else the reference day.</summary>
    private TimePoint? SentenceDay(int i) =>
        lastPoint is { Grain: >= Grain.Day } lp && lastPointToken >= 0 && SameSentence(lastPointToken, i) ? TimePoint.Day(lp.Anchor)
        : reference is { } r ? TimePoint.Day(r) : null;

    /// <summary>"1345 GMT": a four-digit clock time, recognised only with its time zone.</summary>
    private Timex? MilitaryTime(int i)
    {
        int hour = T(i).Number / 100, minute = T(i).Number % 100;
        if (reference is not { } r) return new Timex(i, i + 1, TimeOfDay, $"XXXX-XX-XXT{hour:D2}:{minute:D2}");
        var p = new TimePoint(r, Grain.Minute, "", hour, minute);
        return new Timex(i, i + 1, TimeOfDay, p.ToString(), p);
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
        return null;
    }

    /// <summary>"3 March", "3rd of March 2025", "25 Dec".</summary>
    private Timex? DayMonth(int i, int day)
    {
        int j = IsWord(i + 1, "of") ? i + 2 : i + 1;
        if (!Is(j, WordClass.Month)) return null;
        int month = Sense(j, WordClass.Month).Number;
        if (day > DateTime.DaysInMonth(2000, month)) return null;
        return DayOfMonth(i, j, month, day);
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
        if (IsPunct(i - 1, '-') && Touches(i) && Has(i - 2) && T(i - 2).Kind == TokenKind.Number && T(i - 2).Digits != 4) return null; // "1989-1990" second part is fine, "25-1990" is not a year
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
        if (IsPunct(i - 1, '-') && Touches(i) && IsWord(i - 2, "post")) return Dated(i - 2, i, year);
        return Dated(i, i, year);
    }

    // ---- quantities: durations, "two years ago", "a year earlier", "$5 a year" -------------------

    private readonly record struct Quantity(int? Value, int Last, bool Half, bool Article);

    /// <summary>A count before a unit: "three", "twenty-four", "a", "a few", "several", "2 1/2", "12 to 18".</summary>
    private Quantity? ParseQuantity(int i, bool range = true)
    {
        if (!Has(i)) return null;
        ref readonly var t = ref T(i);
        int? value;
        int last = i;
        bool article = false;
        if (t.Kind == TokenKind.Number)
        {
            if (t.HasSuffix || t.Digits > 5) return null;
            value = t.Number;
        }
        else if (Is(i, WordClass.Number))
        {
            value = Sense(i, WordClass.Number).Number;
            if (value is >= 20 and <= 90)
            {
                int k = IsHyphenAt(i + 1) ? i + 2 : i + 1;
                if (Is(k, WordClass.Number) && Sense(k, WordClass.Number).Number is >= 1 and <= 9) { value += Sense(k, WordClass.Number).Number; last = k; }
            }
            if (value < 100 && IsWord(last + 1, "hundred")) { value *= 100; last++; }
            if (value < 1000 && IsWord(last + 1, "thousand")) { value *= 1000; last++; }
        }
        else if (Is(i, WordClass.Quantity))
        {
            var s = Sense(i, WordClass.Quantity);
            article = IsWord(i, "a") || IsWord(i, "an");
            value = s.Value == "X" ? null : s.Number;
            if (article && IsWord(i + 1, "few")) { value = null; last = i + 1; }
            else if (article && IsWord(i + 1, "couple")) { value = 2; last = i + 1; }
            else if (article && (IsWord(i + 1, "dozen") || IsWord(i + 1, "hundred") || IsWord(i + 1, "thousand"))) { value = Sense(i + 1, WordClass.Number).Number; last = i + 1; }
            if (IsWord(i, "couple") || IsWord(last, "couple")) { if (IsWord(last + 1, "of")) last++; }
            if (IsWord(i, "some") || IsWord(i, "many")) return null;
        }
        else return null;
        bool half = false;
        if ((t.Kind == TokenKind.Number && IsPlainNumber(last + 1) && T(last + 1).Number == 1 && IsPunct(last + 2, '/') && IsDigitsAt(last + 3, 1) && T(last + 3).Number == 2) ||
            (!article && IsWord(last + 1, "and") && IsWord(last + 2, "a") && IsWord(last + 3, "half") && Is(last + 4, WordClass.Unit))) // "2 1/2", "one and a half"
        {
            half = true;
            last += 3;
        }
        // ranges: "12 to 18 months", "two or three days", "10-15 years"
        int r = last + 1;
        if (range && (IsWord(r, "to") || IsWord(r, "or") || (IsPunct(r, '-') && t.Kind == TokenKind.Number)) && ParseQuantity(r + 1, range: false) is { Article: false } upper && upper.Value is not null &&
            (Is(upper.Last + 1, WordClass.Unit) || IsWord(upper.Last + 1, "more")))
        {
            value = null;
            last = upper.Last;
        }
        return new Quantity(value, last, half, article);
    }

    private static readonly WordSet amountWords = new(
    [
        "million", "billion", "trillion", "thousand", "hundred", "percent", "dollars", "cents", "times", "once", "twice", "tons", "barrels", "people",
    ]);

    private Timex? QuantityLed(int i)
    {
        if (SpelledYear(i) is { } spelled && Sense(i, WordClass.Number).Number != 2 && !Is(spelled.Last + 1, WordClass.Unit))
            return Dated(i, spelled.Last, TimePoint.Year(spelled.Year)); // "nineteen ninety-six"
        if (ParseQuantity(i) is not { } q) return null;
        int j = q.Last + 1;
        // adjectives: "two-day", "10-year", "8-month-old", "a three-year period"
        if (IsHyphenAt(j) && Is(j + 1, WordClass.Unit) && !q.Article && !Sense(j + 1, WordClass.Unit).Plural)
        {
            int last = j + 1;
            var unit = Sense(last, WordClass.Unit).Value;
            if (IsHyphenAt(last + 1) && IsWord(last + 2, "old")) return null; // an age, not a time
            return new Timex(i, last, Duration, DurationValue(unit, q.Value, q.Half));
        }
        if (IsWord(j, "more") || IsWord(j, "additional") || IsWord(j, "full") || IsWord(j, "straight") ||
            ((IsWord(j, "trading") || IsWord(j, "business") || IsWord(j, "working")) && (IsWord(j + 1, "days") || IsWord(j + 1, "day")))) j++;
        if (!Is(j, WordClass.Unit)) return null;
        var u = Sense(j, WordClass.Unit);
        if (IsWord(j + 1, "old")) return null; // "52 years old" is an age, as "8-month-old" is
        if (q.Article && IsHyphenAt(j + 1) && IsWord(j + 2, "long")) return null; // "a day-long session": the length is the adjective's
        if (q.Article && q.Last == i && u.Value is "Q" or "S" && !Is(j + 1, WordClass.Ago)) return null; // "a quarter of", "a second time"
        // "a year" after an amount is a rate: "$2 million a year"
        if (q.Article && !u.Plural && !Is(j + 1, WordClass.Ago) && Has(i - 1) && (T(i - 1).Kind == TokenKind.Number || IsPunct(i - 1, '%') ||
            (T(i - 1).Kind == TokenKind.Word && InSet(amountWords, i - 1))))
        {
            // the frequency belongs to the set: "twice a month", "three times a week"
            int first = IsWord(i - 1, "once") || IsWord(i - 1, "twice") ? i - 1
                      : IsWord(i - 1, "times") && (IsPlainNumber(i - 2) || Is(i - 2, WordClass.Number)) ? i - 2 : i;
            return new Timex(first, j, SetType, DurationValue(u.Value, 1));
        }
        if (u.Plural && q.Value == 1 && !q.Half) return null;
        if (!u.Plural && q.Article && q.Value != 1) return null;
        if (!u.Plural && q.Value is not { } count) return null;
        int end = j;
        if (IsWord(end + 1, "or") && IsWord(end + 2, "so")) end += 2;
        else if (IsWord(end + 1, "and") && IsWord(end + 2, "a") && IsWord(end + 3, "half")) { end += 3; }
        bool fractionalHalf = q.Half || IsWord(end, "half");
        // "a year and a half ago" is eighteen months back
        var (shiftUnit, shiftCount) = fractionalHalf && u.Value == "Y" && q.Value is { } whole ? ("M", (int?)(whole * 12 + 6)) : (u.Value, q.Value);
        // "two years ago", "a year earlier", "three days later"
        // "later" and "earlier" stay outside a short length ("three days later"), only "ago" and a year's "earlier" make a date
        if (Is(end + 1, WordClass.Ago) && (IsWord(end + 1, "ago") || IsWord(end + 1, "hence") || (IsWord(end + 1, "earlier") && u.Value is "Y" or "M" or "Q" or "DE")))
        {
            int dir = Sense(end + 1, WordClass.Ago).Number;
            return Shifted(i, end + 1, shiftUnit, shiftCount, dir, IsWord(end + 1, "later"));
        }
        if (IsWord(end + 1, "from") && IsWord(end + 2, "now"))
            return Shifted(i, end + 2, shiftUnit, shiftCount, 1, false);
        return new Timex(i, end, Duration, DurationValue(u.Value, q.Value, fractionalHalf), TakesArticle: true);
    }

    /// <summary>The date n units before or after the reference (or after the last date, for "later").</summary>
    private Timex Shifted(int first, int last, string unit, int? n, int dir, bool fromLastDate)
    {
        if (n is not { } count)
            return new Timex(first, last, Date, dir < 0 ? "PAST_REF" : "FUTURE_REF", Backdated: true);
        // in results season "a year earlier" is the same quarter of the year before
        if (unit == "Y" && count == 1 && dir < 0 && lastQuarter is { } lq)
        {
            return Dated(first, last, lq.Shift(-4)) with { Backdated = true };
        }
        var grain = unit switch { "DE" => Grain.Year, "CE" => Grain.Year, "H" or "TM" or "S" => Grain.Day, _ => GrainOf(unit) ?? Grain.Day };
        int steps = unit switch { "DE" => 10 * count, "CE" => 100 * count, "FN" => 2 * count, "H" or "TM" or "S" => 0, _ => count };
        TimePoint? anchor = fromLastDate ? Anaphoric(grain) : reference is { } r ? At(r, grain) : null;
        var p = anchor?.Shift(dir * steps);
        return Dated(first, last, p, "XXXX") with { Backdated = true };
    }

    // ---- words -------------------------------------------------------------------------------------

    private static readonly WordSet monthSignals = new(
    [
        "in", "since", "until", "till", "by", "last", "next", "this", "early", "late", "mid", "of", "through", "during",
        "from", "before", "after", "between", "and", "or", "to", "on", "-", "every", "each", "throughout", "past", "the",
    ]);

    private bool MonthSignalBefore(int i) =>
        InSet(monthSignals, i - 1);

    /// <summary>"March 3, 2025", "Dec. 5", "July 1997", "January this year", "March".</summary>
    private Timex? MonthLed(int i)
    {
        int month = Sense(i, WordClass.Month).Number;
        int j = i + 1;
        // day of the month: "March 12", "Dec. 5th", "March eighth"
        int day = 0;
        if (Has(j) && T(j).Kind == TokenKind.Number && T(j).Digits <= 2 && T(j).Number is >= 1 and <= 31 && !IsPartOfLargerNumber(j) &&
            (!T(j).HasSuffix || text.AsSpan(T(j).SuffixStart, T(j).End - T(j).SuffixStart) is var sfx && sfx.Length == 2 && !sfx.Equals("am", StringComparison.OrdinalIgnoreCase) && !sfx.Equals("pm", StringComparison.OrdinalIgnoreCase))
            && !(IsPunct(j + 1, ':') && Touches(j + 1) && IsPlainNumber(j + 2) && Touches(j + 2)) && !Is(j + 1, WordClass.Unit))
            day = T(j).Number;
        else if (Is(j, WordClass.Ordinal) && Sense(j, WordClass.Ordinal).Number is >= 1 and <= 31)
            day = Sense(j, WordClass.Ordinal).Number;
        if (day > 0 && day <= DateTime.DaysInMonth(2000, month)) return DayOfMonth(i, j, month, day);
        // "Jan" without its dot and without a day is a name
        if (Sense(i, WordClass.Month).Abbreviation && text[T(i).End - 1] != '.' && YearAfter(j) is null) return null;
        // a word that is a month only in context: "May", "March" at the start of a sentence
        bool ambiguous = month == 5 || (month == 3 && !MonthSignalBefore(i));
        if (YearAfter(j) is { } ya && !IsPunct(j, ','))
            return Dated(i, ya.Last, TimePoint.Month(ya.Year, month));
        if (IsWord(j, "of") && YearAfter(j + 1) is { } yo)
            return Dated(i, yo.Last, TimePoint.Month(yo.Year, month));
        if ((IsWord(j, "this") || IsWord(j, "last") || IsWord(j, "next")) && IsWord(j + 1, "year") && reference is { } r)
        {
            int shift = IsWord(j, "this") ? 0 : IsWord(j, "last") ? -1 : 1;
            return Dated(i, j + 1, TimePoint.Month(r.Year + shift, month));
        }
        if (ambiguous && !MonthSignalBefore(i)) return null;
        if (month == 5 && IsWord(i - 1, "and")) return null;
        return Dated(i, i, MonthPoint(month, 0, PrepositionTense(i) ?? Tense(i)), $"XXXX-{month:D2}");
    }

    /// <summary>"Friday", "Friday, Oct. 23", "Sunday night", "Tuesdays".</summary>
    private Timex? WeekdayLed(int i)
    {
        var s = Sense(i, WordClass.Weekday);
        int wd = s.Number;
        if (s.Plural) return new Timex(i, i, SetType, $"XXXX-WXX-{wd}"); // "on Tuesdays"
        if (IsWord(i - 1, "good") && T(i - 1).Capitalized) return null; // the "Good Friday agreement" (the holiday itself is longer)
        if (Is(i + 1, WordClass.PartOfDay) && Sense(i + 1, WordClass.PartOfDay).Plural) // "Tuesday nights"
            return new Timex(i, i + 1, SetType, $"XXXX-WXX-{wd}T{Sense(i + 1, WordClass.PartOfDay).Value}");
        int j = IsPunct(i + 1, ',') ? i + 2 : i + 1;
        if (Is(j, WordClass.Month) && MonthLed(j) is { } m && m.Point is { Grain: Grain.Day })
            return m with { First = i };
        int last = i;
        var p = WeekdayPoint(wd, IsDeadline(i) ? 1 : Tense(i));
        if (Is(i + 1, WordClass.PartOfDay) && !Sense(i + 1, WordClass.PartOfDay).Plural)
        {
            var part = Sense(i + 1, WordClass.PartOfDay).Value;
            last = i + 1;
            if (p is not { } pd) return new Timex(i, last, TimeOfDay, $"XXXX-WXX-{wd}T{(part.StartsWith('T') ? part[1..] : part)}");
            var tp = part.StartsWith('T') ? new TimePoint(pd.Anchor, Grain.Minute, "", int.Parse(part.AsSpan(1)), 0)
                                          : pd with { Grain = Grain.PartOfDay, Part = part };
            return new Timex(i, last, TimeOfDay, tp.ToString(), tp);
        }
        return Dated(i, last, p, $"XXXX-WXX-{wd}");
    }

    /// <summary>"third-quarter", "the fourth quarter of 1990", "the first half", "the first nine months".</summary>
    private Timex? OrdinalLed(int i, int? year = null, int first = -1)
    {
        if (first < 0) first = i;
        var o = Sense(i, WordClass.Ordinal);
        int n = o.Value == "L" ? 0 : o.Number;
        int j = IsHyphenAt(i + 1) ? i + 2 : i + 1;
        bool quarter = IsWord(j, "quarter"), half = IsWord(j, "half");
        if (quarter || half)
        {
            if (half && n == 0) n = 2;
            if (quarter && n == 0) n = 4;
            if (n < 1 || n > (half ? 2 : 4)) return null;
            var grain = half ? Grain.Half : Grain.Quarter;
            int last = j;
            TimePoint? p;
            var y = IsWord(j + 1, "of") ? YearAfter(j + 2) ?? NamedYear(j + 2) : IsDigitsAt(j + 1, 4) ? YearAfter(j + 1) : null;
            if (y is { } yv)
            {
                p = half ? TimePoint.HalfYear(yv.Year, n) : TimePoint.Quarter(yv.Year, n);
                last = yv.Last;
            }
            else if (year is { } yy) p = half ? TimePoint.HalfYear(yy, n) : TimePoint.Quarter(yy, n);
            else p = PartOfYearPoint(grain, n, Tense(i));
            return Dated(first, last, p, half ? $"XXXX-H{n}" : $"XXXX-Q{n}", article: !IsHyphenAt(i + 1));
        }
        // "the first nine months", "the first two years"
        if (n == 1 && ParseQuantity(i + 1) is { Article: false } q && Is(q.Last + 1, WordClass.Unit) && Sense(q.Last + 1, WordClass.Unit).Plural)
            return new Timex(first, q.Last + 1, Duration, DurationValue(Sense(q.Last + 1, WordClass.Unit).Value, q.Value), TakesArticle: true);
        if (IsWord(j, "century") && n is >= 1 and <= 21)
            return Dated(first, j, TimePoint.Century((n - 1) * 100), article: true);
        return null;
    }

    /// <summary>"year-ago", "the year-earlier quarter", "year-end", "years" after "for".</summary>
    private Timex? UnitLed(int i)
    {
        var u = Sense(i, WordClass.Unit);
        if (u.Value == "Y" && !u.Plural && IsWord(i - 1, "new") && T(i - 1).Capitalized && IsPunct(i + 1, '\'') && IsWord(i + 2, "s") &&
            (IsWord(i + 3, "day") || IsWord(i + 3, "eve")))
        {
            // "New Year's Day", "New Year's Eve": the turn of the year nearest the reference
            if (reference is not { } r) return Dated(i - 1, i + 3, null, IsWord(i + 3, "eve") ? "XXXX-12-31" : "XXXX-01-01");
            int y = r.Month >= 7 ? r.Year + 1 : r.Year;
            var turn = IsWord(i + 3, "eve") ? new DateOnly(y - 1, 12, 31) : new DateOnly(y, 1, 1);
            return Dated(i - 1, i + 3, TimePoint.Day(turn));
        }
        if (u.Value == "Y" && !u.Plural)
        {
            // "year-ago", "year-earlier": the same period a year before
            if (IsHyphenAt(i + 1) && (IsWord(i + 2, "ago") || IsWord(i + 2, "earlier")))
            {
                int last = i + 2;
                TimePoint? p = lastQuarter is { } lq ? lq.Shift(-4) : reference is { } r ? TimePoint.Year(r.Year - 1) : null;
                bool noun = IsWord(last + 1, "quarter") || IsWord(last + 1, "period");
                if (noun) last++;
                else if (Is(last + 1, WordClass.Ordinal) && IsWord(last + 2, "quarter") && reference is { } r2 && Sense(last + 1, WordClass.Ordinal).Number is >= 1 and <= 4)
                {
                    p = TimePoint.Quarter(r2.Year - 1, Sense(last + 1, WordClass.Ordinal).Number);
                    last += 2;
                }
                else if (ParseQuantity(last + 1) is { Article: false } q && Is(q.Last + 1, WordClass.Unit))
                    return new Timex(i, q.Last + 1, Duration, DurationValue(Sense(q.Last + 1, WordClass.Unit).Value, q.Value), TakesArticle: true);
                return Dated(i, last, p, "XXXX", article: noun || last > i + 2) with { Backdated = true };
            }
            // "year-end", "year end", "year's end"
            if ((IsHyphenAt(i + 1) && IsWord(i + 2, "end")) || (IsPunct(i + 1, '\'') && IsWord(i + 2, "s") && IsWord(i + 3, "end")))
                return Dated(i, IsWord(i + 2, "end") ? i + 2 : i + 3, Now("Y"), "XXXX", article: true);
            if (IsWord(i + 1, "end") && !IsWord(i - 1, "the")) return Dated(i, i + 1, Now("Y"), "XXXX");
        }
        // "decades-long", "day-long": a length, as many units as the word says or an unknown many
        if (IsHyphenAt(i + 1) && IsWord(i + 2, "long") && u.Value is not "WE")
            return new Timex(i, i + 2, Duration, DurationValue(u.Value, u.Plural ? null : 1));
        if (u.Plural)
        {
            // "over the years", "in the early years", "the first hours of the war", "the weeks ahead": an unknown many
            if (IsWord(i - 1, "the") && (IsWord(i - 2, "over") || IsWord(i - 2, "through") || IsWord(i - 2, "across")) && u.Value is not "WE")
                return new Timex(i - 1, i, Duration, DurationValue(u.Value, null));
            if (InSet(edgeOfSpan, i - 1) && IsWord(i - 2, "the") && u.Value is not "WE")
                return new Timex(i - 2, i, Duration, DurationValue(u.Value, null));
            if (IsWord(i - 1, "the") && IsWord(i + 1, "ahead")) return new Timex(i - 1, i + 1, Duration, DurationValue(u.Value, null)); // "in the weeks ahead"
            // bare "years", "weeks" as a length: "for years", "in weeks"
            if (Has(i - 1) && (IsWord(i - 1, "for") || IsWord(i - 1, "within") || IsWord(i - 1, "over") || IsWord(i - 1, "after") || IsWord(i - 1, "in") || IsWord(i - 1, "took")) && u.Value is not "WE" && !IsWord(i + 1, "old"))
                return new Timex(i, i, Duration, DurationValue(u.Value, null), TakesArticle: true);
            return null;
        }
        // "the quarter", "the year", "the week", "the weekend": only with the article, and not in a
        // "quarter-to-quarter comparison"
        if (!IsWord(i - 1, "the") || (IsHyphenAt(i + 1) && IsWord(i + 2, "to"))) return null;
        if (u.Value == "Y" && YearAfter(i + 1) is { } named && !IsPunct(i + 1, ','))
            return Dated(i, named.Last, TimePoint.Year(named.Year), article: true); // "the year two thousand"
        if (u.Value == "W" && IsWord(i + 1, "of") && Core(i + 2) is { Point: { Grain: Grain.Day } day } d)
            return Dated(i, d.Last, TimePoint.Week(day.Anchor), article: true); // "the week of March 6"
        // "the year ended March 31" is a twelve-month period, not a calendar year
        bool lengthContext = IsWord(i + 1, "ended") || IsWord(i + 1, "ending");
        return u.Value switch
        {
            "Q" => Dated(i, i, lastQuarter ?? (reference is { } r ? At(r, Grain.Quarter).Shift(-1) : null), "XXXX-QX", article: true),
            "Y" when lengthContext => new Timex(i, i, Duration, "P1Y", TakesArticle: true),
            "Y" => Dated(i, i, Now("Y"), "XXXX", article: true),
            "W" => Dated(i, i, Now("W"), "XXXX-WXX", article: true),
            "WE" => Dated(i, i, reference is { } r ? TimePoint.Weekend(Tense(i) > 0 || IsoWeekday(r) >= 6 ? r : r.AddDays(-7)) : null, "XXXX-WXX-WE", article: true),
            _ => null,
        };
    }

    private static readonly WordSet edgeOfSpan = new(["early", "first", "final", "last", "closing", "opening"]);

    private Timex? SetAdverb(int i)
    {
        var unit = Sense(i, WordClass.UnitAdverb).Value;
        if (unit is "Q" or "HY") return null; // "quarterly results" names a report, not a recurrence
        return new Timex(i, i, SetType, unit == "NI" ? "P1D" : DurationValue(unit, 1));
    }

    /// <summary>"every week", "each Thursday", "each July", "every two years", "per day".</summary>
    private Timex? SetLed(int i)
    {
        int j = i + 1;
        if (IsWord(j, "other")) j++;
        int? n = 1;
        if (ParseQuantity(j) is { Article: false } q && Is(q.Last + 1, WordClass.Unit)) { n = q.Value; j = q.Last + 1; }
        if (Is(j, WordClass.Unit)) return new Timex(i, j, SetType, DurationValue(Sense(j, WordClass.Unit).Value, IsWord(i + 1, "other") ? 2 : n));
        if (IsWord(i, "per")) return null;
        if (Is(j, WordClass.Weekday)) return new Timex(i, j, SetType, $"XXXX-WXX-{Sense(j, WordClass.Weekday).Number}");
        if (Is(j, WordClass.Month)) return new Timex(i, j, SetType, $"XXXX-{Sense(j, WordClass.Month).Number:D2}");
        if (Is(j, WordClass.PartOfDay) && !Sense(j, WordClass.PartOfDay).Value.StartsWith('T'))
            return new Timex(i, j, SetType, $"XXXX-XX-XXT{Sense(j, WordClass.PartOfDay).Value}");
        return null;
    }

    /// <summary>"today", "yesterday afternoon", "tonight".</summary>
    private Timex? DayWordLed(int i)
    {
        int shift = Sense(i, WordClass.DayWord).Number;
        TimePoint? day = reference is { } r ? TimePoint.Day(r.AddDays(shift)) : null;
        if (IsWord(i, "tonight"))
            return new Timex(i, i, TimeOfDay, day is { } d ? (d with { Grain = Grain.PartOfDay, Part = "NI" }).ToString() : "XXXX-XX-XXTNI", day);
        if (Is(i + 1, WordClass.PartOfDay) && !Sense(i + 1, WordClass.PartOfDay).Plural && day is { } dp)
        {
            var part = Sense(i + 1, WordClass.PartOfDay).Value;
            var p = part.StartsWith('T') ? new TimePoint(dp.Anchor, Grain.Minute, "", int.Parse(part.AsSpan(1)), 0) : dp with { Grain = Grain.PartOfDay, Part = part };
            return new Timex(i, i + 1, TimeOfDay, p.ToString(), p);
        }
        if (day is null) return new Timex(i, i, Date, shift == 0 ? "PRESENT_REF" : shift < 0 ? "PAST_REF" : "FUTURE_REF");
        return Dated(i, i, day);
    }

    /// <summary>"noon", "midnight Friday", "overnight", "the morning".</summary>
    private Timex? PartOfDayLed(int i)
    {
        var part = Sense(i, WordClass.PartOfDay).Value;
        if (part.StartsWith('T'))
        {
            int hour = int.Parse(part.AsSpan(1));
            TimePoint? day = reference is { } r ? TimePoint.Day(r) : null;
            int last = i;
            if (DayAfterTime(i + 1, i) is { } d) { day = d.Point; last = d.Last; }
            if (day is not { } dp) return new Timex(i, last, TimeOfDay, $"XXXX-XX-XXT{hour:D2}:00");
            var p = new TimePoint(dp.Anchor, Grain.Minute, "", hour, 0);
            return new Timex(i, last, TimeOfDay, p.ToString(), p);
        }
        if (IsWord(i, "overnight") && reference is { } rr)
        {
            var p = new TimePoint(rr.AddDays(-1), Grain.PartOfDay, "NI");
            return new Timex(i, i, TimeOfDay, p.ToString(), p);
        }
        // "mid-afternoon yesterday", "by mid afternoon", "orders placed in the morning": a part of the day the sentence speaks of
        bool mid = IsWord(i - 1, "mid") || (IsHyphenAt(i - 1) && IsWord(i - 2, "mid"));
        bool inThe = IsWord(i - 1, "the") && (IsWord(i - 2, "in") || IsWord(i - 2, "during") || IsWord(i - 2, "by"));
        if (!(mid || inThe) || Sense(i, WordClass.PartOfDay).Plural || IsWord(i + 1, "of")) return null;
        int end = i;
        var dayOf = SentenceDay(i);
        if (DayAfterTime(i + 1, i) is { } named) { dayOf = named.Point; end = named.Last; }
        if (dayOf is not { } dd) return new Timex(i, end, TimeOfDay, "XXXX-XX-XXT" + part, TakesArticle: true);
        var tp = new TimePoint(dd.Anchor, Grain.PartOfDay, part);
        return new Timex(i, end, TimeOfDay, tp.ToString(), tp, TakesArticle: true);
    }

    /// <summary>"the summer", "summer 1998", "the winter of nineteen ninety-four".</summary>
    private Timex? SeasonLed(int i)
    {
        var s = Sense(i, WordClass.Season);
        if (s.Plural) return null;
        if (YearAfter(i + 1) is { } y && !IsPunct(i + 1, ',')) return Dated(i, y.Last, TimePoint.Season(y.Year, s.Value), article: true);
        if (IsWord(i + 1, "of")) return YearAfter(i + 2) is { } yo ? Dated(i, yo.Last, TimePoint.Season(yo.Year, s.Value), article: true) : null; // "the fall of Baghdad"
        bool signal = IsWord(i - 1, "the") || IsWord(i - 1, "in") || IsWord(i - 1, "during") || IsWord(i - 1, "until") ||
                      IsWord(i - 1, "since") || IsWord(i - 1, "by") || IsWord(i - 1, "early") || IsWord(i - 1, "late") || IsWord(i - 1, "this");
        if (!signal) return null;
        return Dated(i, i, SeasonPoint(s.Value, 0, Tense(i)), "XXXX-" + s.Value, article: true);
    }

    /// <summary>"Christmas", "Thanksgiving Day", "Easter week", "Election Day".</summary>
    private Timex? HolidayLed(int i, int shift = 0, int first = -1)
    {
        if (first < 0) first = i;
        var code = Sense(i, WordClass.Holiday).Value;
        int last = i;
        bool eve = false, week = false;
        int day = IsPunct(i + 1, '\'') && IsWord(i + 2, "s") ? i + 3 : i + 1; // "Valentine's Day", "St. Patrick's Day"
        if (code == "GOODFRIDAY")
        {
            // "Good Friday", but not the "Good Friday agreement"
            if (!IsWord(i + 1, "friday") || IsWord(i + 2, "agreement") || IsWord(i + 2, "accord")) return null;
            last++;
        }
        else if (IsWord(day, "day")) last = day;
        else if (IsWord(i + 1, "eve")) { last++; eve = true; }
        else if (IsWord(i + 1, "week")) { last++; week = true; }
        else if (InSet(holidaysNamedWithDay, i)) return null; // "Labor Party", "independence"
        if (first == i && IsWord(i - 1, "saint")) first = i - 1;
        else if (first == i && IsPunct(i - 1, '.') && IsWord(i - 2, "st")) first = i - 2;
        if (reference is not { } r) return Dated(first, last, null, "XXXX-XX-XX");
        int dir = Tense(i);
        DateOnly For(int y) => Holiday(code, y).AddDays(eve ? -1 : 0);
        int year = r.Year;
        if (shift < 0) { if (For(year) >= r) year--; }
        else if (shift > 0) { if (For(year) <= r) year++; }
        else if (dir > 0 && For(year) < r.AddDays(-1)) year++;
        else if (dir <= 0 && For(year) > r.AddDays(31)) year--;
        var d = For(year);
        return Dated(first, last, week ? TimePoint.Week(d) : TimePoint.Day(d));
    }

    private static readonly WordSet holidaysNamedWithDay = new(["election", "labor", "memorial", "independence", "veterans", "valentine", "patrick"]);

    private static DateOnly Holiday(string code, int y)
    {
        y = Math.Clamp(y, 1, 9998);
        switch (code)
        {
            case "THANKSGIVING":
                var nov1 = new DateOnly(y, 11, 1);
                return nov1.AddDays((4 - IsoWeekday(nov1) + 7) % 7 + 21);
            case "ELECTION":
                var n1 = new DateOnly(y, 11, 1);
                return n1.AddDays((1 - IsoWeekday(n1) + 7) % 7 + 1);
            case "LABOR": // the first Monday of September
                var sep1 = new DateOnly(y, 9, 1);
                return sep1.AddDays((1 - IsoWeekday(sep1) + 7) % 7);
            case "MEMORIAL": // the last Monday of May
                var may31 = new DateOnly(y, 5, 31);
                return may31.AddDays(-((IsoWeekday(may31) - 1 + 7) % 7));
            case "GOODFRIDAY":
                return Holiday("EASTER", y).AddDays(-2);
            case "EASTER":
                int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3,
                    h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7,
                    m = (a + 11 * h + 22 * l) / 451, month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
                return new DateOnly(y, month, day);
            default: // a fixed day, "MM-DD"
                return new DateOnly(y, int.Parse(code.AsSpan(0, 2), provider: Inv), int.Parse(code.AsSpan(3, 2), provider: Inv));
        }
    }

    /// <summary>"fiscal 1989", "fiscal second-quarter", "the fiscal year".</summary>
    private Timex? FiscalLed(int i)
    {
        int j = i + 1;
        if (IsDigitsAt(j, 4) && !IsPartOfLargerNumber(j) && T(j).Number is >= 1900 and <= 2099)
        {
            int y = T(j).Number;
            if (IsPunct(j + 1, '\'') && IsWord(j + 2, "s") && Is(j + 3, WordClass.Ordinal) && OrdinalLed(j + 3, y, i) is { } q) return q;
            return Dated(i, j, TimePoint.Year(y));
        }
        if (IsHyphenAt(j)) j++;
        if (Is(j, WordClass.Ordinal) && OrdinalLed(j, null, i) is { } o) return o;
        if (IsWord(j, "year") && !IsWord(i - 1, "a")) return new Timex(i, j, Duration, "P1Y", TakesArticle: true); // "a fiscal year" is any one
        return null;
    }

    /// <summary>"the nineties".</summary>
    private Timex? DecadeWordLed(int i)
    {
        if (!IsWord(i - 1, "the") && !Is(i - 1, WordClass.Modifier) && !IsHyphenAt(i - 1)) return null;
        int decade = Sense(i, WordClass.DecadeWord).Number;
        return Dated(i, i, TimePoint.Decade(decade * 10), article: true);
    }

    /// <summary>"now", "currently", "recently", "the past", "the near future", "soon".</summary>
    private Timex? RefLed(int i)
    {
        var value = Sense(i, WordClass.Ref).Value;
        if (IsWord(i, "once") || IsWord(i, "previously") || IsWord(i, "formerly")) return null;
        if (IsWord(i, "term")) // "in the near term", "over the short term"
            return (IsWord(i - 1, "near") || IsWord(i - 1, "short")) && IsWord(i - 2, "the") && !IsHyphenAt(i - 1) && !IsHyphenAt(i + 1)
                ? new Timex(i - 2, i, Date, value) : null;
        if (IsWord(i, "recent")) return null; // the adjective alone ("recent attacks") is rarely a time
        if (IsWord(i, "past"))
            return IsWord(i - 1, "the") && !Is(i + 1, WordClass.Unit) && !Is(i + 1, WordClass.Number) && !Is(i + 1, WordClass.Quantity) && !IsDigitsAt(i + 1, T(i + 1).Digits)
                ? new Timex(i, i, Date, value, TakesArticle: true) : null;
        if (IsWord(i, "future"))
        {
            int first = i;
            if (IsWord(i - 1, "near") || IsWord(i - 1, "distant") || IsWord(i - 1, "foreseeable"))
                first = IsWord(i - 2, "the") ? i - 2 : i - 1;
            else if (!IsWord(i - 1, "the") && !IsWord(i - 1, "in")) return null; // "future growth"
            return new Timex(first, i, Date, value, TakesArticle: true);
        }
        if (IsWord(i, "now") && IsWord(i - 1, "right")) return new Timex(i - 1, i, Date, value);
        if ((IsWord(i, "now") || IsWord(i, "currently")) && IsPunct(i + 1, ',') && StartsSentence(i)) return null; // "Now, he says, ...": a discourse marker
        if (IsWord(i, "soon") && (IsPastVerb(i + 1) || IsWord(i - 1, "was") || IsWord(i - 1, "were"))) return null; // "that soon became a flood": shortly after, not ahead of now
        if (IsWord(i, "recently") && IsWord(i - 1, "more")) return new Timex(i - 1, i, Date, value);
        if (IsWord(i, "soon") && (IsWord(i - 1, "as") || IsWord(i + 1, "as") || IsWord(i + 1, "after"))) return null;
        if (IsWord(i, "current") && (IsWord(i + 1, "account") || IsWord(i + 1, "accounts"))) return null;
        return new Timex(i, i, Date, value);
    }
}
