using System.Globalization;
using System.Text.RegularExpressions;

namespace Sitrep;

/// <summary>
/// The one parser of dates as others write them, for the stages that read them (ingest, text):
/// feed and export values (RFC 822, ISO 8601), page metadata in its many web spellings
/// ("2019-11-19T08:30:00.000+0000", "20191119"), dates in URLs ("/2019/11/19/") and English dates in
/// byline prose ("Nov. 19, 2019", "19 November 2019") and header lines ("Mar. 3rd, 2025 14:05"). <see cref="PartialDate.TryParse"/> reads only
/// the canonical form that <see cref="PartialDate"/> itself writes.
/// </summary>
public static partial class WrittenDates
{
    private static readonly Dictionary<string, int> ZoneHours = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GMT"] = 0, ["UT"] = 0, ["UTC"] = 0, ["Z"] = 0,
        ["EST"] = -5, ["EDT"] = -4, ["CST"] = -6, ["CDT"] = -5, ["MST"] = -7, ["MDT"] = -6, ["PST"] = -8, ["PDT"] = -7,
    };

    /// <summary>
    /// A date a feed or an export gives (RFC 822 in RSS: "Mon, 03 Mar 2025 09:12:00 +0100", often with a
    /// zone name, a two-digit year or no seconds; ISO 8601 in Atom, Dublin Core and JSON), taken as given.
    /// </summary>
    public static bool TryParseGiven(string value, out PartialDate date)
    {
        date = default;
        value = value.Trim();
        var m = Rfc822().Match(value);
        if (!m.Success) return PartialDate.TryParse(value, out date);
        int month = MonthNumber(m.Groups["month"].Value);
        int year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year < 100) year += year < 50 ? 2000 : 1900;
        int day = int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture);
        if (month == 0 || day > DateTime.DaysInMonth(year, month)) return false;
        if (!m.Groups["hour"].Success)
        {
            date = PartialDate.OfDay(new DateOnly(year, month, day));
            return true;
        }
        int hour = int.Parse(m.Groups["hour"].Value, CultureInfo.InvariantCulture);
        int minute = int.Parse(m.Groups["minute"].Value, CultureInfo.InvariantCulture);
        int second = m.Groups["second"].Success ? int.Parse(m.Groups["second"].Value, CultureInfo.InvariantCulture) : 0;
        if (hour > 23 || minute > 59 || second > 60) return false;
        TimeSpan? offset = Offset(m.Groups["zone"].Value);
        var time = new TimeOnly(hour, minute, Math.Min(second, 59));
        date = new PartialDate(year, month, day, DatePrecision.Minute, time, offset);
        return true;
    }

    /// <summary>"+0100", "-05:30" or a zone name; null when the zone is missing or unknown.</summary>
    private static TimeSpan? Offset(string zone)
    {
        if (zone.Length == 0) return null;
        if (ZoneHours.TryGetValue(zone, out var hours)) return TimeSpan.FromHours(hours);
        if (zone[0] is '+' or '-')
        {
            var digits = zone[1..].Replace(":", "");
            if (digits.Length != 4 || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var hhmm)) return null;
            var span = new TimeSpan(hhmm / 100, hhmm % 100, 0);
            return zone[0] == '-' ? -span : span;
        }
        return null;
    }

    [GeneratedRegex(@"^(?:[A-Za-z]{3,9},?\s*)?(?<day>\d{1,2})\s+(?<month>[A-Za-z]{3,9})\.?\s+(?<year>\d{2}|\d{4})(?:\s+(?<hour>\d{1,2}):(?<minute>\d{2})(?::(?<second>\d{2}))?(?:\s*(?<zone>[+-]\d{2}:?\d{2}|[A-Za-z]{1,4}))?)?\s*$")]
    private static partial Regex Rfc822();

    /// <summary>A metadata value: ISO 8601 in its many web spellings.</summary>
    public static PartialDate? FromMachineValue(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        value = value.Trim();
        if (PartialDate.TryParse(value, out var date)) return Plausible(date);
        var m = IsoPrefix().Match(value);
        if (m.Success)
        {
            // offsets written without a colon ("+0000") or fractional seconds the strict parse refused
            var normalized = m.Groups["date"].Value + (m.Groups["time"].Success ? "T" + m.Groups["time"].Value : "")
                             + OffsetWithColon(m.Groups["offset"].Value);
            if (PartialDate.TryParse(normalized, out date) || PartialDate.TryParse(m.Groups["date"].Value, out date))
                return Plausible(date);
        }
        var compact = CompactDate().Match(value);
        if (compact.Success && DateOnly.TryParseExact(compact.Value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return Plausible(PartialDate.OfDay(d));
        return FromProse(value);
    }

    private static string OffsetWithColon(string offset) =>
        offset.Length == 5 && offset[0] is '+' or '-' ? offset[..3] + ":" + offset[3..] : offset;

    /// <summary>A date in a URL path: year/month/day, year-month-day, yyyymmdd, or year/month.</summary>
    public static PartialDate? FromUrl(string? url)
    {
        if (string.IsNullOrEmpty(url)) return null;
        var m = UrlDate().Match(url);
        if (!m.Success) return null;
        int year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        var monthText = m.Groups["m"].Value;
        int month = char.IsAsciiDigit(monthText[0]) ? int.Parse(monthText, CultureInfo.InvariantCulture) : MonthNumber(monthText);
        if (month is < 1 or > 12) return null;
        if (!m.Groups["d"].Success) return Plausible(new PartialDate(year, month, 1, DatePrecision.Month));
        int day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        if (day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        return Plausible(new PartialDate(year, month, day, DatePrecision.Day));
    }

    /// <summary>The first English date written out in prose ("Published Nov. 19, 2019 at 8:30 a.m.").</summary>
    public static PartialDate? FromProse(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var m = ProseDate().Match(text);
        if (m.Success)
        {
            int month = MonthNumber(m.Groups["mon1"].Success ? m.Groups["mon1"].Value : m.Groups["mon2"].Value);
            int day = int.Parse(m.Groups["d1"].Success ? m.Groups["d1"].Value : m.Groups["d2"].Value, CultureInfo.InvariantCulture);
            int year = int.Parse(m.Groups["y1"].Success ? m.Groups["y1"].Value : m.Groups["y2"].Value, CultureInfo.InvariantCulture);
            if (month > 0 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
                return Plausible(new PartialDate(year, month, day, DatePrecision.Day));
        }
        var numeric = NumericDate().Match(text);
        if (numeric.Success)
            return FromUrl($"/{numeric.Groups["y"].Value}/{numeric.Groups["m"].Value.PadLeft(2, '0')}/{numeric.Groups["d"].Value.PadLeft(2, '0')}/");
        // day first with dots ("18.11.2019") is the European order, never the American one
        var dotted = DottedDate().Match(text);
        if (dotted.Success)
            return FromUrl($"/{dotted.Groups["y"].Value}/{dotted.Groups["m"].Value.PadLeft(2, '0')}/{dotted.Groups["d"].Value.PadLeft(2, '0')}/");
        return null;
    }

    private static int MonthNumber(string name) => name[..3].ToLowerInvariant() switch
    {
        "jan" => 1, "feb" => 2, "mar" => 3, "apr" => 4, "may" => 5, "jun" => 6,
        "jul" => 7, "aug" => 8, "sep" => 9, "oct" => 10, "nov" => 11, "dec" => 12, _ => 0,
    };

    private static PartialDate? Plausible(PartialDate date) => date.Year is >= 1990 and <= 2100 ? date : null;

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})(?:[T ](?<time>\d{2}:\d{2}(?::\d{2})?)(?:[.,]\d+)?\s*(?<offset>Z|[+-]\d{2}:?\d{2})?)?")]
    private static partial Regex IsoPrefix();

    [GeneratedRegex(@"^(?:19|20)\d{6}$")]
    private static partial Regex CompactDate();

    [GeneratedRegex(@"/(?<y>(?:19|20)\d{2})(?:(?:/|-|_)?(?<m>[01]\d)|/(?<m>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)(?:(?:/|-|_)?(?<d>[0-3]?\d))?(?:/|-|_|\.|$)", RegexOptions.IgnoreCase)]
    private static partial Regex UrlDate();

    [GeneratedRegex(@"\b(?:(?<mon1>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(?<d1>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?<y1>(?:19|20)\d{2})|(?<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?<mon2>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?\s+(?<y2>(?:19|20)\d{2}))\b", RegexOptions.IgnoreCase)]
    private static partial Regex ProseDate();

    [GeneratedRegex(@"\b(?<y>(?:19|20)\d{2})[/.-](?<m>[01]?\d)[/.-](?<d>[0-3]?\d)\b")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"\b(?<d>[0-3]?\d)\.(?<m>[01]?\d)\.(?<y>(?:19|20)\d{2})\b")]
    private static partial Regex DottedDate();

    /// <summary>
    /// The first date in a header line as news sites print them ("March 3, 2025", "3 March 2025",
    /// "Mar. 3rd, 2025", "2025-03-03", "03.03.2025", "14/03/2025"), with its clock time when one follows
    /// it; false when none or ambiguous (03/04/2025).
    /// </summary>
    public static bool TryFindInLine(string line, out PartialDate date)
    {
        date = default;
        var found = DatePattern().Match(line);
        if (!found.Success) return false;
        int year = Number(found, "y1", "y2", "y3", "y4");
        int month, day;
        if (found.Groups["mname1"].Success || found.Groups["mname2"].Success)
        {
            month = MonthNumber(found.Groups["mname1"].Success ? found.Groups["mname1"].Value : found.Groups["mname2"].Value);
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
    public static bool LineHasDate(string line) => DatePattern().IsMatch(line);

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
