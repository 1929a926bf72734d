using System.Globalization;
using CsvHelper;
using Sitrep.Situation;

namespace Sitrep.Report;

/// <summary>Writes <c>events.csv</c>: one row per event, in ACLED's column names, plus the ids that make it auditable.</summary>
public static class EventsCsv
{
    public static void Write(SituationPicture picture, TextWriter output)
    {
        using var csv = new CsvWriter(output, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var header in new[] { "event_id", "story_id", "event_date", "event_type", "sub_event_type", "actor1", "actor2",
                                       "country", "admin1", "location", "latitude", "longitude", "source", "source_ids", "notes" })
            csv.WriteField(header);
        csv.NextRecord();
        var outlets = picture.Documents.ToDictionary(d => d.Id, d => d.Outlet ?? d.Id);
        foreach (var story in picture.Stories)
            foreach (var e in story.Events)
            {
                csv.WriteField(e.Id);
                csv.WriteField(story.Id);
                csv.WriteField(e.Date?.DateText() ?? "");
                csv.WriteField(e.Type);
                csv.WriteField(e.Mode ?? "");
                csv.WriteField(e.Actor ?? "");
                csv.WriteField(e.Target ?? "");
                csv.WriteField(e.Country ?? "");
                csv.WriteField("");
                csv.WriteField(e.Place ?? "");
                csv.WriteField(e.Lat?.ToString("0.#####", CultureInfo.InvariantCulture) ?? "");
                csv.WriteField(e.Lon?.ToString("0.#####", CultureInfo.InvariantCulture) ?? "");
                csv.WriteField(string.Join("; ", e.Sources.Select(id => outlets.GetValueOrDefault(id, id)).Distinct()));
                csv.WriteField(string.Join(" ", e.Sources));
                csv.WriteField(e.Text);
                csv.NextRecord();
            }
    }
}
