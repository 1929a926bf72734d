namespace Sitrep.Time;

/// <summary>Patterns led by a quantity: durations, "two years ago", "a year earlier", "$5 a year".</summary>
internal sealed partial class TimexScanner
{
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
        if (range && (IsWord(r, "to") || IsWord(r, "or") || (IsDash(r) && t.Kind == TokenKind.Number)) && ParseQuantity(r + 1, range: false) is { Article: false } upper && upper.Value is not null &&
            (Is(upper.Last + 1, WordClass.Unit) || IsWord(upper.Last + 1, "more")))
        {
            value = null;
            last = upper.Last;
        }
        return new Quantity(value, last, half, article);
    }

    private static readonly WordSet amountWords = WordSet.Named("AmountWords");

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
        if (q.Article && IsHyphenAt(j + 1)) return null; // "a day-long session", "a year-earlier gain": the unit is part of an adjective
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
        // "later" and "earlier" count from the story's last event, not from the publication: they stay outside the
        // length ("three days later", "a month earlier"); only "ago" and the "a year earlier" of a results report make a date
        if (Is(end + 1, WordClass.Ago) && (IsWord(end + 1, "ago") || IsWord(end + 1, "hence") || (IsWord(end + 1, "earlier") && u.Value is "Y" or "Q")))
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
}
