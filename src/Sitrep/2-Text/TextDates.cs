using System.Globalization;
using System.Text.RegularExpressions;

namespace Sitrep.Text;

/// <summary>
/// Finds a calendar date (and a clock time beside it) in a header line as news sites print them:
/// "March 3, 2025", "3 March 2025", "Mar. 3rd, 2025", "2025-03-03", "03.03.2025", "14/03/2025".
/// </summary>
public static partial class TextDates
{
    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    /// <summary>The first date in the line, with its time when one follows it; false when none or ambiguous (03/04/2025).</summary>
    public static bool TryFind(string line, out PartialDate date)
    {
        date = default;
        var found = DatePattern().Match(line);
        if (!found.Success) return false;
        int year = Number(found, "y1", "y2", "y3", "y4");
        int month, day;
        if (found.Groups["mname1"].Success || found.Groups["mname2"].Success)
        {
            month = MonthOf(found.Groups["mname1"].Success ? found.Groups["mname1"].Value : found.Groups["mname2"].Value);
            day = Number(found, "d1", "d2");
        }
        else if (found.Groups["y3"].Success)
        {
            month = Number(found, "m3");
            day = Number(found, "d3");
        }
        else
        {
            int first = Number(found, "a4"), second = Number(found, "b4");
            bool dotted = found.Groups["sep4"].Value == ".";
            if (dotted || first > 12) (day, month) = (first, second);
            else if (second > 12) (month, day) = (first, second);
            else return false; // 03/04/2025: day-month or month-day, the line cannot tell
        }
        if (month is < 1 or > 12 || year is < 1900 or > 2200 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = PartialDate.OfDay(new DateOnly(year, month, day));
        var time = TimePattern().Match(line, found.Index + found.Length);
        if (time.Success && time.Index - (found.Index + found.Length) <= 20)
        {
            int hour = int.Parse(time.Groups["h"].Value, CultureInfo.InvariantCulture);
            var ampm = time.Groups["ampm"].Value.ToLowerInvariant();
            if (ampm.StartsWith('p') && hour < 12) hour += 12;
            if (ampm.StartsWith('a') && hour == 12) hour = 0;
            if (hour < 24)
                date = date with { Precision = DatePrecision.Minute, Time = new TimeOnly(hour, int.Parse(time.Groups["min"].Value, CultureInfo.InvariantCulture)) };
        }
        return true;
    }

    /// <summary>Whether the line holds a date at all (including ones too ambiguous to read).</summary>
    public static bool Contains(string line) => DatePattern().IsMatch(line);

    private static int MonthOf(string name)
    {
        var lower = name.ToLowerInvariant().TrimEnd('.');
        return Array.FindIndex(MonthNames, m => m.StartsWith(lower, StringComparison.Ordinal) && lower.Length >= 3) + 1;
    }

    private static int Number(Match m, params string[] groups)
    {
        foreach (var g in groups)
            if (m.Groups[g].Success) return int.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture);
        return 0;
    }

    private const string Month = @"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";

    [GeneratedRegex(@"\b(?:(?<mname1>" + Month + @")\.?\s+(?<d1>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y1>\d{4})"
                    + @"|(?<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?<mname2>" + Month + @")\.?,?\s+(?<y2>\d{4})"
                    + @"|(?<y3>\d{4})-(?<m3>\d{2})-(?<d3>\d{2})"
                    + @"|(?<a4>\d{1,2})(?<sep4>[./])(?<b4>\d{1,2})\k<sep4>(?<y4>\d{4}))\b", RegexOptions.IgnoreCase)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"\b(?<h>[01]?\d|2[0-3])[:.h](?<min>[0-5]\d)\b(?:\s*(?<ampm>[ap]\.?m\.?))?", RegexOptions.IgnoreCase)]
    private static partial Regex TimePattern();
}
