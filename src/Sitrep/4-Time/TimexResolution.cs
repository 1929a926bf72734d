using System.Globalization;

namespace Sitrep.Time;

/// <summary>Calendar arithmetic against the reference time, and the tense that decides which way a bare weekday points.</summary>
internal sealed partial class TimexScanner
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static Grain? GrainOf(string unit) => unit switch
    {
        "Y" => Grain.Year, "M" => Grain.Month, "W" => Grain.Week, "D" => Grain.Day, "Q" => Grain.Quarter,
        "WE" => Grain.Weekend, "DE" => Grain.Decade, "CE" => Grain.Century, _ => null,
    };

    /// <summary>The value of the given grain that contains day d.</summary>
    private static TimePoint At(DateOnly d, Grain g) => g switch
    {
        Grain.Century => TimePoint.Century(d.Year / 100 * 100),
        Grain.Decade => TimePoint.Decade(d.Year / 10 * 10),
        Grain.Year => TimePoint.Year(d.Year),
        Grain.Half => TimePoint.HalfYear(d.Year, d.Month <= 6 ? 1 : 2),
        Grain.Quarter => TimePoint.Quarter(d.Year, (d.Month - 1) / 3 + 1),
        Grain.Month => TimePoint.Month(d.Year, d.Month),
        Grain.Week => TimePoint.Week(d),
        Grain.Weekend => TimePoint.Weekend(d),
        _ => TimePoint.Day(d),
    };

    /// <summary>The unit's value containing the reference time ("this week", "the current quarter").</summary>
    private TimePoint? Now(string unit) => reference is { } r && GrainOf(unit) is { } g ? At(r, g) : null;

    /// <summary>"The latest quarter": the one the report spoke of, else the last one completed before the reference.</summary>
    private TimePoint? LatestQuarter() => lastQuarter ?? Now("Q")?.Shift(-1);

    /// <summary>An earlier value seen at a coarser grain ("that year" after "March 3, 1998" is 1998).</summary>
    private static TimePoint? Coarsen(TimePoint p, Grain g) => p.Grain >= g || (p.Grain == Grain.Season && g == Grain.Year) ? At(p.Anchor, g) : null;

    /// <summary>The anchor for "the following day", "that year": the last value the text gave, else the reference.</summary>
    private TimePoint? Anaphoric(Grain g)
    {
        if (lastPoint is { } p && Coarsen(p, g) is { } c) return c;
        return reference is { } r ? At(r, g) : null;
    }

    /// <summary>Duration letters: (ISO letter, multiplier, needs the T designator).</summary>
    private static (string Letter, int Factor, bool Time) DurationUnit(string unit) => unit switch
    {
        "S" => ("S", 1, true), "TM" => ("M", 1, true), "H" => ("H", 1, true),
        "D" => ("D", 1, false), "W" => ("W", 1, false), "WE" => ("D", 2, false), "FN" => ("W", 2, false),
        "M" => ("M", 1, false), "Q" => ("Q", 1, false), "Y" => ("Y", 1, false),
        "DE" => ("Y", 10, false), "CE" => ("Y", 100, false), "ML" => ("Y", 1000, false), "HY" => ("M", 6, false),
        "NI" => ("D", 1, false),
        _ => ("D", 1, false),
    };

    /// <summary>"P3Y", "PT2H", "PXM"; half adds half a unit ("2 1/2 years" is P2Y6M).</summary>
    private static string DurationValue(string unit, int? amount, bool half = false)
    {
        var (letter, factor, time) = DurationUnit(unit);
        string p = time ? "PT" : "P";
        if (amount is not { } n) return p + "X" + (unit == "CE" ? "C" : letter);
        if (half)
        {
            string? extra = unit switch { "Y" => "6M", "H" => "30M", "D" => "T12H", "TM" => "30S", _ => null };
            if (extra is not null) return p + (n * factor).ToString(Inv) + letter + extra;
        }
        return p + (n * factor).ToString(Inv) + letter;
    }

    private static int IsoWeekday(DateOnly d) => ((int)d.DayOfWeek + 6) % 7 + 1;

    /// <summary>
    /// The weekday nearest the reference in the given direction: back (0 to 6 days before, the news
    /// default), forward (0 to 6 days after); strict excludes the reference day itself ("last Friday").
    /// </summary>
    private TimePoint? WeekdayPoint(int weekday, int direction, bool strict = false)
    {
        if (reference is not { } r) return null;
        int rw = IsoWeekday(r);
        int delta = direction > 0 ? (weekday - rw + 7) % 7 : -((rw - weekday + 7) % 7);
        if (strict && delta == 0) delta = direction > 0 ? 7 : -7;
        return TimePoint.Day(r.AddDays(delta));
    }

    /// <summary>
    /// A month without a year: "last" / "next" month names strictly before / after the reference
    /// month. A bare one follows the sentence's tense: in a past sentence it is not well after the
    /// reference month, in a future one not well before it (the month next to the reference is
    /// often the current one's neighbour on either side); without a tense it is the nearest.
    /// </summary>
    private TimePoint? MonthPoint(int month, int shift, int direction = 0)
    {
        if (reference is not { } r) return null;
        int y = r.Year;
        if (shift > 0) { if (month <= r.Month) y++; }
        else if (shift < 0) { if (month >= r.Month) y--; }
        else if (direction < 0) { if (month > r.Month + 1) y--; }
        else if (direction > 0) { if (month < r.Month - 1) y++; }
        else if (month - r.Month > 6) y--;
        else if (r.Month - month > 6) y++;
        return TimePoint.Month(y, month);
    }

    /// <summary>A day of the year without a year: in the reference year unless that puts it well ahead of the reference (then the year before) or far behind (the year after).</summary>
    private TimePoint? MonthDayPoint(int month, int day, int direction)
    {
        if (reference is not { } r) return null;
        if (day > DateTime.DaysInMonth(r.Year == 0 ? 2000 : r.Year, month) && !(month == 2 && day == 29)) return null;
        int y = r.Year;
        var d = SafeDate(y, month, day);
        // News dates a day of the month mostly within the past months or the weeks ahead; the tense
        // of the sentence is too weak a cue to move it across a year.
        if (d > r.AddDays(direction > 0 ? 183 : 61)) y--;
        else if (d < r.AddDays(-240)) y++;
        return TimePoint.Day(SafeDate(y, month, day));
    }

    private static DateOnly SafeDate(int y, int m, int d)
    {
        y = Math.Clamp(y, 1, 9999);
        return new(y, m, Math.Min(d, DateTime.DaysInMonth(y, m)));
    }

    /// <summary>A quarter or half of the reference year, or of the year before when it has not begun yet and the tense looks back.</summary>
    private TimePoint? PartOfYearPoint(Grain grain, int index, int direction)
    {
        if (reference is not { } r) return null;
        var p = grain == Grain.Half ? TimePoint.HalfYear(r.Year, index) : TimePoint.Quarter(r.Year, index);
        if (direction <= 0 && p.Anchor > r) p = p.Shift(grain == Grain.Half ? -2 : -4);
        return p;
    }

    private static readonly Dictionary<string, int> seasonStart = new() { ["SP"] = 3, ["SU"] = 6, ["FA"] = 9, ["WI"] = 12 };

    /// <summary>A season without a year; shift -1 / +1 is "last" / "next", 0 the nearest by tense.</summary>
    private TimePoint? SeasonPoint(string code, int shift, int direction)
    {
        if (reference is not { } r) return null;
        int start = seasonStart[code], m = r.Month;
        bool inIt = code == "WI" ? m is 12 or 1 or 2 : m >= start && m < start + 3;
        int y = r.Year;
        if (code == "WI" && m <= 2) y--;
        if (shift < 0) { if (inIt || start > m) y--; }
        else if (shift > 0) { if (inIt || start <= m) y++; }
        else if (!inIt && (direction > 0 ? start < m : start > m)) y += direction > 0 ? 1 : -1;
        return TimePoint.Season(y, code);
    }

    // ---- tense ---------------------------------------------------------------------------------

    private static readonly WordSet deadlineWords = WordSet.Named("DeadlineWords");

    /// <summary>
    /// "extended until Tuesday", "given until 9 a.m. Friday": a deadline lies ahead whatever the verb's
    /// tense; a sentence that opens with "Until Thursday, ..." tells a past state instead.
    /// </summary>
    private bool IsDeadline(int i) => IsWord(i - 1, "until") && !StartsSentence(i - 1);

    /// <summary>
    /// The direction a preposition gives the expression at token i, whatever the verb: "since March"
    /// lies behind, "by March", "until March" ahead (skipping "early", "late", "mid-"); null without one.
    /// </summary>
    private int? PrepositionTense(int i)
    {
        int k = i - 1;
        if (IsHyphenAt(k)) k--;
        if (Is(k, WordClass.Modifier)) k--;
        if (IsWord(k, "since")) return -1;
        if (InSet(deadlineWords, k)) return 1;
        return null;
    }

    private static readonly WordSet futureCues = WordSet.Named("FutureCues");

    private static readonly WordSet pastCues = WordSet.Named("PastCues");

    /// <summary>A word that tells the past: "said", "was", an "-ed" verb.</summary>
    private bool IsPastVerb(int j)
    {
        if (!Has(j) || toks[j].Kind != TokenKind.Word) return false;
        var w = Word(j);
        return pastCues.Contains(w) || (w.Length >= 5 && w.EndsWith("ed", StringComparison.OrdinalIgnoreCase) && char.IsLower(w[0]));
    }

    /// <summary>
    /// +1 when the nearest tense cue of the sentence looks forward ("will", "is scheduled to"), -1
    /// when it looks back ("said", "-ed" verbs), 0 when there is none; cues across a comma count less.
    /// </summary>
    private int Tense(int at)
    {
        if (IsWord(at - 1, "as") && IsWord(at - 3, "as") && (IsWord(at - 2, "soon") || IsWord(at - 2, "early"))) return 1; // "as early as Tuesday"
        int best = int.MaxValue, tense = 0;
        for (int dir = -1; dir <= 1; dir += 2)
        {
            int penalty = 0;
            for (int k = 1, j = at + dir; k <= 14 && Has(j); k++, j += dir)
            {
                ref readonly var t = ref toks[j];
                if (t.Kind == TokenKind.Punct)
                {
                    char c = text[t.Start];
                    if (c is '.' or '!' or '?' or ';' or '"') break;
                    if (c is ',' or '(' or ')') penalty += 5;
                    continue;
                }
                if (dir < 0 ? toks[j + 1].NewlineBefore : t.NewlineBefore) break;
                if (t.Kind != TokenKind.Word) continue;
                int score = k + penalty;
                if (score >= best) break;
                var w = Word(j);
                int cue = 0;
                if (futureCues.Contains(w))
                {
                    // "to" and "set" look forward only as "is to", "set to"
                    if (w.Equals("to", StringComparison.OrdinalIgnoreCase)) cue = IsWord(j - 1, "is") || IsWord(j - 1, "are") ? 1 : 0;
                    else if (w.Equals("set", StringComparison.OrdinalIgnoreCase)) cue = IsWord(j + 1, "to") || IsWord(j + 1, "for") ? 1 : 0;
                    else cue = 1;
                    // "had been scheduled to", "had planned": a plan told as past
                    if (IsWord(j - 1, "had") || (IsWord(j - 1, "been") && IsWord(j - 2, "had"))) cue = -1;
                }
                else if (IsWord(j - 1, "be") || IsWord(j - 1, "been") || IsWord(j - 1, "being") || IsWord(j - 1, "to") ||
                         IsWord(j - 1, "is") || IsWord(j - 1, "are"))
                    cue = 0; // "would be restored", "to be held", "when the case is heard": a participle, not a past tense
                else if (IsPastVerb(j))
                    cue = Has(j + 1) && toks[j + 1].Kind == TokenKind.Word && futureCues.Contains(Word(j + 1)) && !IsWord(j + 1, "to") ? 1 : -1; // "were planning"
                if (cue != 0) { best = score; tense = cue; break; }
            }
        }
        return tense;
    }
}
