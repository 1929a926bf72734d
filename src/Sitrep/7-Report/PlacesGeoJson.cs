using System.Text.Encodings.Web;
using System.Text.Json;
using Sitrep.Situation;

namespace Sitrep.Report;

/// <summary>Writes <c>places.geojson</c>: a FeatureCollection of the stories' places and located events.</summary>
public static class PlacesGeoJson
{
    public static void Write(SituationPicture picture, Stream output)
    {
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        w.WriteStartArray("features");
        foreach (var story in picture.Stories)
        {
            foreach (var p in story.Places.Where(p => p.Lat != null && p.Lon != null))
                Feature(w, p.Lon!.Value, p.Lat!.Value, () =>
                {
                    w.WriteString("feature", "place");
                    w.WriteString("story", story.Id);
                    w.WriteString("name", p.Name);
                    w.WriteString("country", p.Country);
                    w.WriteString("kind", p.Kind.Name());
                    w.WriteNumber("mentions", p.Mentions);
                    Strings(w, "documents", p.Documents);
                });
            foreach (var e in story.Events.Where(e => e.Lat != null && e.Lon != null))
                Feature(w, e.Lon!.Value, e.Lat!.Value, () =>
                {
                    w.WriteString("feature", "event");
                    w.WriteString("story", story.Id);
                    w.WriteString("id", e.Id);
                    w.WriteString("type", e.Type);
                    w.WriteString("mode", e.Mode);
                    w.WriteString("actor", e.Actor);
                    w.WriteString("target", e.Target);
                    w.WriteString("place", e.Place);
                    w.WriteString("destination", e.Destination?.Name);
                    w.WriteString("date", e.Date?.DateText());
                    w.WriteString("text", e.Text);
                    Strings(w, "sources", e.Sources);
                });
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Feature(Utf8JsonWriter w, double lon, double lat, Action properties)
    {
        w.WriteStartObject();
        w.WriteString("type", "Feature");
        w.WriteStartObject("geometry");
        w.WriteString("type", "Point");
        w.WriteStartArray("coordinates");
        w.WriteNumberValue(Math.Round(lon, 5));
        w.WriteNumberValue(Math.Round(lat, 5));
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartObject("properties");
        properties();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }
}
