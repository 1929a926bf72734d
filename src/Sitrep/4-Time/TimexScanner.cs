namespace Sitrep.Time;

/// <summary>A time expression found by <see cref="TimexScanner"/>: tokens First..Last (inclusive), TIMEX3 type and value.</summary>
internal readonly record struct Timex(int First, int Last, Sitrep.TimeType Type, string Value, TimePoint? Point = null, bool TakesArticle = false, bool Backdated = false);

/// <summary>
/// Finds and resolves the time expressions of one text. The text is tokenized once; matching runs
/// only at tokens the lexicon knows (or digit runs) and looks at a few tokens around them, so the
/// cost is one pass plus a little work per trigger.
/// </summary>
internal sealed partial class TimexScanner
{
    private readonly string text;
    private readonly TimeToken[] toks;
    private readonly int count;
    private readonly DateOnly? reference;
    private TimePoint? lastQuarter;   // the fiscal quarter the text last spoke of ("a year earlier" compares with it)
    private TimePoint? lastPoint;     // the last resolved calendar value, anchor of "the following day"
    private int lastPointToken = -1;  // where it was said

    public TimexScanner(string text, TimeToken[] tokens, int count, PartialDate? reference)
    {
        this.text = text;
        toks = tokens;
        this.count = count;
        this.reference = reference?.FirstDay;
    }

    /// <summary>Finds the expressions; with <paramref name="tenses"/>, also records each one's sentence tense (+1 future, -1 past, 0 unknown).</summary>
    public void Scan(List<TimeMention> output, List<int>? tenses = null)
    {
        int n = count, free = 0; // tokens before `free` belong to an expression already found
        for (int i = 0; i < n;)
        {
            if (toks[i].Info is null && toks[i].Kind != TokenKind.Number) { i++; continue; }
            if (Expression(i) is not { } m || m.First < free || IsTitle(m)) { i++; continue; }
            int start = toks[m.First].Start, end = toks[m.Last].End;
            output.Add(new TimeMention(new TextSpan(start, end), text[start..end], m.Type, m.Value));
            tenses?.Add(Tense(m.First));
            if (m.Point is { } p && m.Type is Date or TimeOfDay && !m.Backdated)
            {
                lastPoint = p;
                lastPointToken = m.Last;
                // a report compares the quarter it reports on: the latest one over (or a fiscal one that
                // "ended Sept. 30" or was "reported"), not an earlier one it looks back on ("after a flat second
                // quarter") nor a forecast one ("through the third quarter of 1990")
                if (p.Grain == Grain.Quarter && (lastQuarter is not { } lq || p.Anchor >= lq.Anchor) &&
                    (reference is not { } r || p.Shift(1).Anchor <= r || (p.Anchor <= r && (IsWord(m.Last + 1, "ended") || Tense(m.First) < 0))))
                    lastQuarter = p;
            }
            i = free = m.Last + 1;
        }
    }

    // ---- token helpers -------------------------------------------------------------------------

    private const WordClass CapitalizedClasses = WordClass.Month | WordClass.Weekday | WordClass.Holiday | WordClass.Zone | WordClass.Meridiem;

    /// <summary>
    /// A name that uses time words: a title-cased word the language writes in lower case, not at the
    /// start of a sentence ("ABC's "This Week"", "CBS's "60 Minutes"", "VOA Today", "High Noon").
    /// </summary>
    private bool IsTitle(Timex m)
    {
        if (OnTitleCasedLine(m.First)) return false; // a headline capitalises every word, its times too
        for (int k = m.First; k <= m.Last; k++)
        {
            ref readonly var t = ref toks[k];
            if (t.Kind != TokenKind.Word || t.Info is not { } info) continue;
            if (info.Is(WordClass.Holiday) || (IsWord(k, "year") && IsWord(k - 1, "new"))) return false; // "New Year's Day", "Christmas Eve"
            if (!t.Capitalized || info.Is(CapitalizedClasses) || IsAllCaps(k)) continue;
            if (k > m.First || !StartsSentence(k)) return true;
        }
        return false;
    }

    /// <summary>Whether most longer words of the token's line are capitalised, as in a Title-Case headline.</summary>
    private bool OnTitleCasedLine(int i)
    {
        int first = i, last = i;
        while (first > 0 && !toks[first].NewlineBefore) first--;
        while (last + 1 < count && !toks[last + 1].NewlineBefore) last++;
        int words = 0, capitalised = 0;
        for (int k = first; k <= last; k++)
        {
            if (toks[k].Kind != TokenKind.Word || toks[k].End - toks[k].Start < 4) continue;
            words++;
            if (toks[k].Capitalized) capitalised++;
        }
        return words >= 3 && capitalised * 4 >= words * 3;
    }

    private bool IsAllCaps(int i)
    {
        foreach (char c in Word(i)) if (char.IsLower(c)) return false;
        return true;
    }

    /// <summary>The token opens a sentence, a line, a quotation or an aside.</summary>
    private bool StartsSentence(int i) =>
        i == 0 || toks[i].NewlineBefore || (toks[i - 1].Kind == TokenKind.Punct && text[toks[i - 1].Start] is '.' or '!' or '?' or ':' or ';' or '(' or '"' or '`' or '\'' or '\u201C' or '\u2018' or '\u2014' or '_' or '-');

    private bool Has(int i) => i >= 0 && i < count;
    private ref readonly TimeToken T(int i) => ref toks[i];
    private bool Is(int i, WordClass c) => Has(i) && toks[i].Is(c) && (!Sense(i, c).NeedsCapital || toks[i].Capitalized);
    private WordSense Sense(int i, WordClass c) => toks[i].Info!.Sense(c);
    private ReadOnlySpan<char> Word(int i) => text.AsSpan(toks[i].Start, toks[i].End - toks[i].Start);
    private bool IsWord(int i, string w) => Has(i) && toks[i].Kind == TokenKind.Word && Word(i).TrimEnd('.').Equals(w, StringComparison.OrdinalIgnoreCase);
    private bool IsPunct(int i, char c) => Has(i) && toks[i].Kind == TokenKind.Punct && text[toks[i].Start] == c;
    private bool Touches(int i) => Has(i) && !toks[i].SpaceBefore;

    /// <summary>A hyphen (or the en dash of a range) glued to both neighbours: "third-quarter", "mid-January", "two-day", "2010–11".</summary>
    private bool IsHyphenAt(int i) => IsDash(i) && Touches(i) && Touches(i + 1);

    /// <summary>A hyphen, or the en dash ranges are written with ("2009–2011").</summary>
    private bool IsDash(int i) => IsPunct(i, '-') || IsPunct(i, '\u2013');

    private bool IsPlainNumber(int i) => Has(i) && toks[i].Kind == TokenKind.Number && !toks[i].HasSuffix;

    private bool IsDigitsAt(int i, int digits) => IsPlainNumber(i) && toks[i].Digits == digits;

    /// <summary>A number that is part of a larger one ("1,998", "19.98") or an amount ("$1990").</summary>
    private bool IsPartOfLargerNumber(int i)
    {
        if (Has(i - 1) && Touches(i) && (IsPunct(i - 1, ',') || IsPunct(i - 1, '.') || IsPunct(i - 1, '$')) ) return true;
        if (Has(i + 1) && Touches(i + 1) && (IsPunct(i + 1, ',') || IsPunct(i + 1, '.')) && IsPlainNumber(i + 2) && Touches(i + 2) &&
            !(IsPunct(i + 1, '.') && Is(i + 3, WordClass.Meridiem))) return true; // but "10.30 pm" is a clock time
        if (Has(i + 1) && Touches(i + 1) && IsPunct(i + 1, '%')) return true;
        return false;
    }

    /// <summary>True when no sentence end (. ! ? or a line break) lies between tokens from and to.</summary>
    private bool SameSentence(int from, int to)
    {
        for (int k = from + 1; k <= to && k < count; k++)
        {
            if (toks[k].NewlineBefore) return false;
            if (toks[k].Kind == TokenKind.Punct && text[toks[k].Start] is '.' or '!' or '?') return false;
        }
        return true;
    }

    private bool InSet(WordSet set, int i) => Has(i) && set.Contains(Word(i));

    private static readonly WordSet yearSignals = WordSet.Named("YearSignals");

    /// <summary>The candidate covering more tokens; on a tie, the one starting earlier.</summary>
    private static Timex? Longer(Timex? best, Timex? candidate) =>
        candidate is { } c && (best is not { } b || c.Last > b.Last || (c.Last == b.Last && c.First < b.First)) ? c : best;

    // ---- the top level: prefixes (article, approximation, early/late) around a core ---------------

    private Timex? Expression(int i)
    {
        Timex? best = null;

        if (IsWord(i, "the"))
        {
            // "the third quarter", "the past two months", "the weekend", "the future", "the late 1970s"
            if (Core(i + 1) is { TakesArticle: true } m) best = Longer(best, m with { First = i });
            if (Modified(i + 1) is { TakesArticle: true } mm) best = Longer(best, mm with { First = i });
            if (BoundaryPhrase(i) is { } bp) best = Longer(best, bp);
            if (ComparedPeriod(i) is { } cp) best = Longer(best, cp);
        }
        if (Approximation(i) is { } approxEnd && Core(approxEnd) is { } a && ApproximationApplies(a))
            best = Longer(best, a with { First = i });
        if (Modified(i) is { } mod) best = Longer(best, mod);
        best = Longer(best, Core(i));
        return best;
    }

    /// <summary>"about two years", "nearly two years ago", "around 7:15 p.m.", but not "around Wednesday" or "almost daily".</summary>
    private static bool ApproximationApplies(Timex m) => m.Type is Duration or TimeOfDay || (m.Type == Date && m.Backdated);

    /// <summary>The token after an approximation phrase ("about", "at least", "more than", "no more than", "up to"), or null.</summary>
    private int? Approximation(int i)
    {
        if (!Is(i, WordClass.Approx)) return null;
        if (IsWord(i, "at")) return IsWord(i + 1, "least") ? i + 2 : null;
        if (IsWord(i, "within") || IsWord(i, "over") || IsWord(i, "no")) return null; // signals, not part of the expression
        if (IsWord(i, "no") && IsWord(i + 1, "more") && IsWord(i + 2, "than")) return i + 3;
        if ((IsWord(i, "more") || IsWord(i, "less") || IsWord(i, "fewer")) && IsWord(i + 1, "than")) return i + 2;
        if (IsWord(i, "up") && IsWord(i + 1, "to")) return i + 2;
        if (IsWord(i, "least") || IsWord(i, "more") || IsWord(i, "less") || IsWord(i, "up") || IsWord(i, "fewer")) return null;
        if (Is(i, WordClass.Approx)) return i + 1;
        return null;
    }

    /// <summary>"early December", "late last week", "mid-January", "earlier this year", "the end of 1990".</summary>
    private Timex? Modified(int i)
    {
        if (!Is(i, WordClass.Modifier)) return null;
        int next = i + 1;
        if (IsHyphenAt(next)) next++;
        var w = Word(i);
        bool adjective = w.Equals("early", StringComparison.OrdinalIgnoreCase) || w.Equals("late", StringComparison.OrdinalIgnoreCase) ||
                         w.Equals("mid", StringComparison.OrdinalIgnoreCase) || w.Equals("earlier", StringComparison.OrdinalIgnoreCase) ||
                         w.Equals("later", StringComparison.OrdinalIgnoreCase);
        if (!adjective) return null;
        if (IsWord(next, "in") && IsWord(next + 1, "the") && (IsWord(next + 2, "year") || IsWord(next + 2, "month") || IsWord(next + 2, "week") || IsWord(next + 2, "day")))
        {
            // "earlier in the year"
            var unit = Sense(next + 2, WordClass.Unit).Value;
            if (Now(unit) is { } p) return new Timex(i, next + 2, Date, p.ToString(), p);
        }
        if (IsWord(next, "that") && Has(next + 1) && Is(next + 1, WordClass.Unit) && lastPoint is { } lp)
        {
            // "earlier that day", "later that year"
            var g = GrainOf(Sense(next + 1, WordClass.Unit).Value);
            if (g is { } gg && Coarsen(lp, gg) is { } p) return new Timex(i, next + 1, Date, p.ToString(), p);
        }
        if (Core(next) is { } m && m.Type is Date or TimeOfDay && m.Point is not null)
        {
            bool comparative = w.Equals("earlier", StringComparison.OrdinalIgnoreCase) || w.Equals("later", StringComparison.OrdinalIgnoreCase);
            if (comparative && Is(next, WordClass.Weekday)) return null; // "earlier Friday": the day alone
            return m with { First = i };
        }
        if (IsWord(next, "the") && Core(next + 1) is { } d && d.Type == Date && d.TakesArticle)
            return d with { First = i };
        return null;
    }

    /// <summary>"the end of the year", "the beginning of October", "the middle of 1990".</summary>
    private Timex? BoundaryPhrase(int the)
    {
        int i = the + 1;
        if (!Is(i, WordClass.Modifier) || !IsWord(i + 1, "of")) return null;
        int j = i + 2;
        if (IsWord(j, "the") && Has(j + 1) && Is(j + 1, WordClass.Unit) && !Sense(j + 1, WordClass.Unit).Plural)
        {
            var p = Now(Sense(j + 1, WordClass.Unit).Value);
            if (p is { } pp) return new Timex(the, j + 1, Date, pp.ToString(), pp);
        }
        if (IsWord(j, "this") || IsWord(j, "next") || IsWord(j, "last") || IsWord(j, "that"))
        {
            if (Core(j) is { Type: Date } m) return m with { First = the };
        }
        if (Core(j) is { Type: Date } c && c.Point is not null) return c with { First = the };
        return null;
    }

    /// <summary>
    /// "the quarter a year ago", "the corresponding period last year", "the same month of 2010": the
    /// period the text speaks of, as finely as it spoke of it (a quarter, half, season or month), a year
    /// back or in the year named.
    /// </summary>
    private Timex? ComparedPeriod(int the)
    {
        int j = the + 1;
        bool same = IsWord(j, "same") || IsWord(j, "corresponding") || IsWord(j, "comparable");
        if (same) j++;
        bool period = IsWord(j, "period"), month = IsWord(j, "month");
        if (!IsWord(j, "quarter") && !period && !(same && month)) return null;
        int last;
        int? year = null;
        if (IsWord(j + 1, "last") && IsWord(j + 2, "year")) last = j + 2;
        else if (IsWord(j + 1, "a") && IsWord(j + 2, "year") && (IsWord(j + 3, "ago") || IsWord(j + 3, "earlier"))) last = j + 3;
        else if (same && IsWord(j + 1, "of") && YearAfter(j + 2) is { } named) { last = named.Last; year = named.Year; }
        else return null;
        TimePoint? spoken = month ? (lastPoint is { Grain: >= Grain.Month } lp ? At(lp.Anchor, Grain.Month) : null)
                          : lastQuarter ?? (period && lastPoint is { Grain: Grain.Half or Grain.Quarter or Grain.Season or Grain.Month } lp2 ? lp2 : null);
        TimePoint? p = spoken is { } sp ? sp.Shift(year is { } y ? YearsInUnits(sp.Grain) * (y - sp.YearNumber) : -YearsInUnits(sp.Grain))
                     : year is { } y2 ? TimePoint.Year(y2) : reference is { } r ? TimePoint.Year(r.Year - 1) : null;
        return Dated(the, last, p, "XXXX") with { Backdated = true };
    }

    /// <summary>How many of the grain's own units make a year (a season shifts by whole years).</summary>
    private static int YearsInUnits(Grain g) => g switch { Grain.Half => 2, Grain.Quarter => 4, Grain.Month => 12, _ => 1 };

    // ---- cores ------------------------------------------------------------------------------------

    private Timex? Core(int i)
    {
        if (!Has(i)) return null;
        ref readonly var t = ref T(i);
        if (t.Kind == TokenKind.Number) return NumberLed(i);
        if (t.Kind != TokenKind.Word || t.Info is null) return null;
        Timex? best = null;
        if (Is(i, WordClass.Month)) best = Longer(best, MonthLed(i));
        if (Is(i, WordClass.Weekday)) best = Longer(best, WeekdayLed(i));
        if (Is(i, WordClass.Number) || Is(i, WordClass.Quantity)) best = Longer(best, QuantityLed(i));
        if (Is(i, WordClass.Ordinal)) best = Longer(best, OrdinalLed(i));
        if (Is(i, WordClass.Unit)) best = Longer(best, UnitLed(i));
        if (Is(i, WordClass.UnitAdverb)) best = Longer(best, SetAdverb(i));
        if (Is(i, WordClass.Set)) best = Longer(best, SetLed(i));
        if (Is(i, WordClass.Deictic)) best = Longer(best, DeicticLed(i));
        if (Is(i, WordClass.DayWord)) best = Longer(best, DayWordLed(i));
        if (Is(i, WordClass.PartOfDay)) best = Longer(best, PartOfDayLed(i));
        if (Is(i, WordClass.Season)) best = Longer(best, SeasonLed(i));
        if (Is(i, WordClass.Holiday)) best = Longer(best, HolidayLed(i));
        if (Is(i, WordClass.Fiscal)) best = Longer(best, FiscalLed(i));
        if (Is(i, WordClass.DecadeWord)) best = Longer(best, DecadeWordLed(i));
        if (Is(i, WordClass.Ref)) best = Longer(best, RefLed(i));
        return best;
    }
}
