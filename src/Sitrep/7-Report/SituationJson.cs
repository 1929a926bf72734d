using System.Text.Encodings.Web;
using System.Text.Json;
using Sitrep.Situation;

namespace Sitrep.Report;

/// <summary>Writes <c>situation.json</c> (CONTRACT.md): documents with provenance, and each story's fused picture.</summary>
public static class SituationJson
{
    public static void Write(SituationPicture picture, Stream output)
    {
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteStartArray("documents");
        foreach (var d in picture.Documents)
        {
            w.WriteStartObject();
            w.WriteString("id", d.Id);
            w.WriteString("title", d.Title);
            w.WriteString("outlet", d.Outlet);
            w.WriteString("url", d.Url);
            w.WriteString("published", d.Published?.ToString());
            w.WriteBoolean("published_inferred", d.PublishedInferred);
            w.WriteString("original_source", d.OriginalSource);
            Strings(w, "cited_sources", d.CitedSources);
            Strings(w, "derived_from", picture.DerivedFrom(d));
            w.WriteString("text", d.BodyText());
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("stories");
        foreach (var story in picture.Stories) Story(w, story);
        w.WriteEndArray();
        Array(w, "situations", picture.Situations, v =>
        {
            w.WriteString("id", v.Id);
            w.WriteString("headline", v.Headline);
            Strings(w, "stories", v.Stories);
            Strings(w, "documents", v.Documents);
            Array(w, "summary", v.Summary, c => Cited(w, c));
            Array(w, "timeline", v.Timeline, t => Dated(w, t));
        });
        w.WriteEndObject();
    }

    private static void Story(Utf8JsonWriter w, StoryPicture s)
    {
        w.WriteStartObject();
        w.WriteString("id", s.Id);
        w.WriteString("headline", s.Headline);
        Strings(w, "documents", s.Documents.Select(d => d.Id));
        Array(w, "summary", s.Summary, c => Cited(w, c));
        Array(w, "entities", s.Actors, a =>
        {
            w.WriteString("id", a.Id);
            w.WriteString("name", a.Name);
            w.WriteString("type", a.Type.Code());
            Strings(w, "aliases", a.Aliases);
            Strings(w, "documents", a.Documents);
            w.WriteNumber("mentions", a.Mentions);
        });
        Array(w, "places", s.Places, p =>
        {
            w.WriteString("name", p.Name);
            w.WriteString("country", p.Country);
            Number(w, "lat", p.Lat);
            Number(w, "lon", p.Lon);
            w.WriteString("kind", p.Kind.Name());
            Strings(w, "documents", p.Documents);
            w.WriteNumber("mentions", p.Mentions);
        });
        Array(w, "events", s.Events, e =>
        {
            w.WriteString("id", e.Id);
            w.WriteString("type", e.Type);
            w.WriteString("mode", e.Mode);
            w.WriteString("actor", e.Actor);
            w.WriteString("target", e.Target);
            w.WriteString("place", e.Place);
            w.WriteString("country", e.Country);
            Number(w, "lat", e.Lat);
            Number(w, "lon", e.Lon);
            w.WriteString("date", e.Date?.DateText());
            w.WriteString("date_source", e.Date == null ? null : e.DateStated ? "stated" : "published");
            w.WriteString("place_source", e.Place == null ? null : e.PlaceStated ? "event" : "article");
            Number(w, "fatalities", e.Casualties.Killed);
            Number(w, "injured", e.Casualties.Injured);
            Number(w, "hit", e.Casualties.Hit);
            w.WriteString("text", e.Text);
            Strings(w, "sources", e.Sources);
            if (e.Destination is { } to)
            {
                w.WriteStartObject("destination");
                w.WriteString("name", to.Name);
                Number(w, "lat", to.Lat);
                Number(w, "lon", to.Lon);
                w.WriteEndObject();
            }
        });
        Array(w, "timeline", s.Timeline, t => Dated(w, t));
        Array(w, "claims", s.Claims, c =>
        {
            w.WriteString("text", c.Text);
            Strings(w, "sources", c.Sources);
            Strings(w, "derived", c.Derived);
            w.WriteNumber("support", c.Support);
        });
        Array(w, "contradictions", s.Contradictions, c =>
        {
            w.WriteString("about", c.About);
            Array(w, "statements", c.Statements, st => { w.WriteString("text", st.Text); w.WriteString("value", st.Value); Strings(w, "sources", st.Sources); });
        });
        Array(w, "forecasts", s.Forecasts, f =>
        {
            w.WriteString("text", f.Text);
            w.WriteString("condition", f.Condition);
            w.WriteString("outcome", f.Outcome);
            Strings(w, "sources", f.Sources);
        });
        w.WriteEndObject();
    }

    private static void Dated(Utf8JsonWriter w, TimelineEntry t)
    {
        w.WriteString("date", t.Date.DateText());
        w.WriteString("text", t.Text);
        Strings(w, "sources", t.Sources);
    }

    private static void Cited(Utf8JsonWriter w, CitedText c)
    {
        w.WriteString("text", c.Text);
        w.WriteString("date", c.Date?.DateText());
        Strings(w, "sources", c.Sources);
    }

    private static void Array<T>(Utf8JsonWriter w, string name, IEnumerable<T> items, Action<T> fields)
    {
        w.WriteStartArray(name);
        foreach (var item in items)
        {
            w.WriteStartObject();
            fields(item);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v) w.WriteNumber(name, Math.Round(v, 5));
        else w.WriteNull(name);
    }
}
