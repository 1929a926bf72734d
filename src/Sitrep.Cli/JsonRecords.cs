using System.Text.Json;

namespace Sitrep.Cli;

/// <summary>The JSON records of CONTRACT.md, written field by field (no reflection, so start-up stays fast).</summary>
public static class JsonRecords
{
    /// <summary><c>extract</c>: the article body and its metadata.</summary>
    public static void Extracted(Utf8JsonWriter w, Document d)
    {
        w.WriteStartObject();
        w.WriteString("id", d.Id);
        w.WriteString("title", d.Title);
        w.WriteString("text", d.BodyText());
        WritePublished(w, d);
        WriteStrings(w, "authors", d.Authors);
        w.WriteString("outlet", d.Outlet);
        w.WriteString("language", d.Language);
        w.WriteString("url", d.Url);
        w.WriteString("original_source", d.OriginalSource);
        WriteStrings(w, "cited_sources", d.CitedSources);
        w.WriteString("lead", d.Lead);
        w.WriteEndObject();
    }

    /// <summary><c>annotate</c>: entities, places and times with offsets into the text.</summary>
    public static void Annotated(Utf8JsonWriter w, Document d)
    {
        w.WriteStartObject();
        w.WriteString("id", d.Id);
        if (!d.TextIsInput) w.WriteString("text", d.Text);
        WritePublished(w, d);
        w.WriteStartArray("entities");
        foreach (var e in d.Entities)
        {
            w.WriteStartObject();
            WriteSpan(w, e.Start, e.End, e.Text);
            w.WriteString("type", e.Type.Code());
            w.WriteString("canonical", e.Canonical ?? e.Text);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("places");
        foreach (var p in d.Places)
        {
            w.WriteStartObject();
            WriteSpan(w, p.Start, p.End, p.Text);
            w.WriteString("name", p.Name);
            w.WriteString("country", p.Country);
            WriteNumber(w, "lat", p.Lat);
            WriteNumber(w, "lon", p.Lon);
            w.WriteString("kind", p.Kind.Name());
            if (p.Context is { } context) w.WriteString("context", context.Name());
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("times");
        foreach (var t in d.Times)
        {
            w.WriteStartObject();
            WriteSpan(w, t.Start, t.End, t.Text);
            w.WriteString("type", t.Type.Name());
            w.WriteString("value", t.Value);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WritePublished(Utf8JsonWriter w, Document d)
    {
        w.WriteString("published", d.Published?.ToString());
        w.WriteBoolean("published_inferred", d.PublishedInferred);
    }

    private static void WriteSpan(Utf8JsonWriter w, int start, int end, string text)
    {
        w.WriteNumber("start", start);
        w.WriteNumber("end", end);
        w.WriteString("text", text);
    }

    private static void WriteNumber(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v) w.WriteNumber(name, Math.Round(v, 5));
        else w.WriteNull(name);
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }
}
