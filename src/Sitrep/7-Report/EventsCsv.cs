using System.Globalization;
using CsvHelper;
using Sitrep.Situation;

namespace Sitrep.Report;

/// <summary>
/// Writes <c>events.csv</c>: one row per event, in ACLED's column names, plus the ids that make it
/// auditable. A text cell that a spreadsheet would run as a formula (it starts with = + - @, a tab or
/// a carriage return) is written with a leading apostrophe, as OWASP advises for CSV injection.
/// </summary>
public static class EventsCsv
{
    public static void Write(SituationPicture picture, TextWriter output)
    {
        using var csv = new CsvWriter(output, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var header in new[] { "event_id", "story_id", "event_date", "event_type", "sub_event_type", "actor1", "actor2",
                                       "country", "admin1", "location", "latitude", "longitude", "source", "source_ids", "notes", "fatalities" })
            csv.WriteField(header);
        csv.NextRecord();
        var outlets = picture.Documents.DistinctBy(d => d.Id).ToDictionary(d => d.Id, d => d.Outlet ?? d.Id);
        foreach (var story in picture.Stories)
            foreach (var e in story.Events)
            {
                csv.WriteField(Inert(e.Id));
                csv.WriteField(Inert(story.Id));
                csv.WriteField(e.Date?.DateText() ?? "");
                csv.WriteField(Inert(e.Type));
                csv.WriteField(Inert(e.Mode ?? ""));
                csv.WriteField(Inert(e.Actor ?? ""));
                csv.WriteField(Inert(e.Target ?? ""));
                csv.WriteField(Inert(e.Country ?? ""));
                csv.WriteField("");
                csv.WriteField(Inert(e.Place ?? ""));
                csv.WriteField(e.Lat?.ToString("0.#####", CultureInfo.InvariantCulture) ?? "");
                csv.WriteField(e.Lon?.ToString("0.#####", CultureInfo.InvariantCulture) ?? "");
                csv.WriteField(Inert(string.Join("; ", e.Sources.Select(id => outlets.GetValueOrDefault(id, id)).Distinct())));
                csv.WriteField(Inert(string.Join(" ", e.Sources)));
                csv.WriteField(Inert(e.Text));
                csv.WriteField(e.Casualties.Killed?.ToString(CultureInfo.InvariantCulture) ?? "");
                csv.NextRecord();
            }
    }

    private static string Inert(string cell) => cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + cell : cell;
}
