namespace Sitrep.Time;

/// <summary>Patterns led by a calendar word: months, weekdays, ordinals, units, sets, parts of the day, seasons, holidays, fiscal and deictic words.</summary>
internal sealed partial class TimexScanner
{
    private static readonly WordSet monthSignals = WordSet.Named("MonthSignals");

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
        if (month == 5 && IsWord(i - 1, "and") && !Is(i - 2, WordClass.Month)) return null; // "... and May", but "between March and May"
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
        if (IsPlainNumber(j) && DayMonth(j, T(j).Number) is { Point.Grain: Grain.Day } dm)
            return dm with { First = i }; // "Monday 9 May", "Friday, 13 March 2020"
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

    private static readonly WordSet edgeOfSpan = WordSet.Named("EdgeOfSpan");

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
        if (Is(j, WordClass.Weekday))
        {
            // "each Sunday evening": the part of the day belongs to the recurrence
            int weekday = Sense(j, WordClass.Weekday).Number;
            if (Is(j + 1, WordClass.PartOfDay) && Sense(j + 1, WordClass.PartOfDay).Value is var part && !part.StartsWith('T'))
                return new Timex(i, j + 1, SetType, $"XXXX-WXX-{weekday}T{part}");
            return new Timex(i, j, SetType, $"XXXX-WXX-{weekday}");
        }
        if (Is(j, WordClass.Season) && !Sense(j, WordClass.Season).Plural) return new Timex(i, j, SetType, $"XXXX-{Sense(j, WordClass.Season).Value}"); // "every summer"
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
            string zone = Is(i + 1, WordClass.Zone) ? ZoneSuffix(++last) : ""; // "noon GMT"
            if (DayAfterTime(last + 1, i) is { } d) { day = d.Point; last = d.Last; }
            else if (DayOfTimeAhead(last + 1, i) is { } ahead) day = ahead; // "midnight on Friday"
            if (day is not { } dp) return new Timex(i, last, TimeOfDay, $"XXXX-XX-XXT{hour:D2}:00{zone}");
            var p = new TimePoint(dp.Anchor, Grain.Minute, "", hour, 0);
            return new Timex(i, last, TimeOfDay, p.ToString() + zone, p);
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

    private static readonly WordSet holidaysNamedWithDay = WordSet.Named("HolidaysNamedWithDay");

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
        if (IsHyphenAt(i + 1)) return null; // "the now-defunct firm", "soon-to-be": part of an adjective
        if (IsWord(i, "soon") && (IsPastVerb(i + 1) || IsWord(i - 1, "was") || IsWord(i - 1, "were"))) return null; // "that soon became a flood": shortly after, not ahead of now
        if (IsWord(i, "recently") && IsWord(i - 1, "more")) return new Timex(i - 1, i, Date, value);
        if (IsWord(i, "soon") && (IsWord(i - 1, "as") || IsWord(i + 1, "as") || IsWord(i + 1, "after"))) return null;
        if (IsWord(i, "current") && (IsWord(i + 1, "account") || IsWord(i + 1, "accounts"))) return null;
        return new Timex(i, i, Date, value);
    }
}
