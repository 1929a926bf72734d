namespace Sitrep.Time;

/// <summary>Expressions led by a deictic word: "last week", "the past two months", "next Friday", "this morning", "the following day".</summary>
internal sealed partial class TimexScanner
{
    private Timex? DeicticLed(int i)
    {
        var s = Sense(i, WordClass.Deictic);
        int j = i + 1;
        int dir = s.Value == "A" ? 0 : s.Number;
        bool anaphoric = s.Value == "A" || IsWord(i, "following") || IsWord(i, "previous") || IsWord(i, "preceding") ||
                         IsWord(i, "prior") || IsWord(i, "same") || (IsWord(i, "next") && IsWord(i - 1, "the"));
        if (IsWord(i, "this") && (IsWord(j, "past") || IsWord(j, "coming"))) { dir = IsWord(j, "past") ? -1 : 1; j++; }
        bool latest = IsWord(i, "latest"), recent = IsWord(i, "recent");
        if (IsWord(i, "these") && IsWord(j, "days")) return new Timex(i, j, Date, "PRESENT_REF");
        if (IsWord(i, "these") || IsWord(i, "those")) return null;
        if (IsWord(j, "fiscal")) j++;

        // lengths: "the past two months", "last five years", "the next few days", "the latest nine months"
        if ((dir != 0 || latest) && ParseQuantity(j) is { Article: false } q && Is(q.Last + 1, WordClass.Unit) &&
            (Sense(q.Last + 1, WordClass.Unit).Plural || q.Value == 1))
        {
            int last = q.Last + 1;
            if (IsWord(last + 1, "or") && IsWord(last + 2, "so")) last += 2;
            return new Timex(i, last, Duration, DurationValue(Sense(q.Last + 1, WordClass.Unit).Value, q.Value), TakesArticle: true);
        }
        if (!Has(j)) return null;

        if (Is(j, WordClass.Unit))
        {
            var unitSense = Sense(j, WordClass.Unit);
            var unit = unitSense.Value;
            if (unitSense.Plural)
            {
                // "recent years", "the coming weeks", "past years"
                if (recent || IsWord(i, "past"))
                    return unit == "Y" ? new Timex(i, j, Date, "PAST_REF", TakesArticle: true)
                                       : new Timex(i, j, Duration, DurationValue(unit, null), TakesArticle: true);
                if (dir > 0) return new Timex(i, j, Date, "FUTURE_REF", TakesArticle: true); // "in the coming days"
                return null;
            }
            if (recent || GrainOf(unit) is not { } grain) return null;
            if (unit == "D" && !anaphoric) return null;
            // "over the past decade": the ten years up to now, not the previous calendar decade
            if (IsWord(i, "past") && unit is "DE" or "CE") return new Timex(i, j, Duration, DurationValue(unit, 1), TakesArticle: true);
            TimePoint? p;
            if (latest) p = unit == "Q" ? LatestQuarter() : Now(unit);
            else if (anaphoric) p = Anaphoric(grain)?.Shift(dir);
            else p = Now(unit)?.Shift(dir);
            // "this year's third quarter", "last year's quarter"
            if (unit == "Y" && IsPunct(j + 1, '\'') && IsWord(j + 2, "s") && p is { } py)
            {
                if (Is(j + 3, WordClass.Ordinal) && OrdinalLed(j + 3, py.YearNumber, i) is { } o) return o;
                if (IsWord(j + 3, "quarter") || IsWord(j + 3, "period"))
                    return Dated(i, j + 3, lastQuarter is { } lq ? TimePoint.Quarter(py.YearNumber, lq.QuarterOfYear) : py, article: true);
            }
            return Dated(i, j, p, unit == "W" ? "XXXX-WXX" : "XXXX", article: true);
        }
        if (latest && IsWord(j, "period")) return Dated(i, j, LatestQuarter(), "XXXX-QX", article: true);

        if (Is(j, WordClass.Weekday) && !Sense(j, WordClass.Weekday).Plural)
        {
            int wd = Sense(j, WordClass.Weekday).Number;
            TimePoint? p;
            if (anaphoric && lastPoint is { Grain: >= Grain.Day } lp && s.Value != "A")
            {
                int rw = IsoWeekday(lp.Anchor);
                int delta = dir > 0 ? (wd - rw + 7) % 7 : -((rw - wd + 7) % 7);
                if (delta == 0) delta = dir > 0 ? 7 : -7;
                p = TimePoint.Day(lp.Anchor.AddDays(delta));
            }
            else if (dir == 0) p = WeekdayPoint(wd, Tense(i));
            else p = WeekdayPoint(wd, dir, strict: true);
            int k = IsPunct(j + 1, ',') ? j + 2 : j + 1;
            if (Is(k, WordClass.Month) && MonthLed(k) is { Point.Grain: Grain.Day } m) return m with { First = i };
            int last = j;
            if (Is(j + 1, WordClass.PartOfDay) && !Sense(j + 1, WordClass.PartOfDay).Value.StartsWith('T')) last++;
            return Dated(i, last, p, $"XXXX-WXX-{wd}", article: anaphoric);
        }
        if (Is(j, WordClass.Month) && MonthLed(j) is { Point: { Grain: Grain.Day } monthDay } dated)
        {
            // "last Oct. 23": that day before the reference, "next March 3" after it
            var d = monthDay.Anchor;
            if (reference is { } r && (dir < 0 ? d >= r : dir > 0 && d <= r)) d = SafeDate(d.Year + dir, d.Month, d.Day);
            return dated with { First = i, Value = TimePoint.Day(d).ToString(), Point = TimePoint.Day(d) };
        }
        if (Is(j, WordClass.Month))
        {
            int month = Sense(j, WordClass.Month).Number;
            // "this September" is the reference year's, whichever side of the reference it falls
            var p = IsWord(i, "this") && reference is { } r ? TimePoint.Month(r.Year, month) : MonthPoint(month, dir);
            return Dated(i, j, p, $"XXXX-{month:D2}");
        }
        if (Is(j, WordClass.Season) && !Sense(j, WordClass.Season).Plural)
        {
            var code = Sense(j, WordClass.Season).Value;
            // "this summer" is the reference year's, "last fall" the year before's
            TimePoint? p = reference is { } r && (IsWord(i, "this") && dir == 0 || IsWord(i, "last") || IsWord(i, "next"))
                ? TimePoint.Season(r.Year + (IsWord(i, "this") ? 0 : dir), code) : SeasonPoint(code, dir, Tense(i));
            return Dated(i, j, p, "XXXX-" + code, article: true);
        }
        if (Is(j, WordClass.Holiday) && dir != 0) return HolidayLed(j, dir, i);
        if (Is(j, WordClass.PartOfDay) && !Sense(j, WordClass.PartOfDay).Plural)
        {
            var part = Sense(j, WordClass.PartOfDay).Value;
            if (part.StartsWith('T')) return null;
            if (anaphoric)
            {
                var day = Anaphoric(Grain.Day)?.Shift(dir);
                return Dated(i, j, day, article: true);
            }
            if (reference is not { } r) return new Timex(i, j, TimeOfDay, "XXXX-XX-XXT" + part);
            var d = dir < 0 ? r.AddDays(-1) : dir > 0 ? r.AddDays(1) : r;
            if (dir < 0 && part != "NI") return null; // "last morning" is not a phrase
            var tp = new TimePoint(d, Grain.PartOfDay, part);
            return new Timex(i, j, TimeOfDay, tp.ToString(), tp);
        }
        return null;
    }
}
