using System.Globalization;
using System.Text.RegularExpressions;

namespace Sitrep.Ingest;

/// <summary>
/// Publication dates as feeds and news exports write them: RFC 822 in RSS ("Mon, 03 Mar 2025
/// 09:12:00 +0100", often with a zone name, a two-digit year or no seconds) and ISO 8601 in Atom,
/// Dublin Core and JSON.
/// </summary>
public static partial class PublicationDates
{
    private static readonly Dictionary<string, int> ZoneHours = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GMT"] = 0, ["UT"] = 0, ["UTC"] = 0, ["Z"] = 0,
        ["EST"] = -5, ["EDT"] = -4, ["CST"] = -6, ["CDT"] = -5, ["MST"] = -7, ["MDT"] = -6, ["PST"] = -8, ["PDT"] = -7,
    };

    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static bool TryParse(string value, out PartialDate date)
    {
        date = default;
        value = value.Trim();
        var m = Rfc822().Match(value);
        if (!m.Success) return PartialDate.TryParse(value, out date);
        int month = Array.IndexOf(Months, m.Groups["month"].Value[..3].ToLowerInvariant()) + 1;
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
}
