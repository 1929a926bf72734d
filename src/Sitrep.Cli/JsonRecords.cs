using System.Text.Json;
using Sitrep.Syntax;

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

    /// <summary>
    /// <c>parse</c>: a pre-tokenized record answers one token per input token; raw text answers its
    /// sentences with offsets, the two parts of a split word sharing the written word's span.
    /// </summary>
    public static void Parsed(Utf8JsonWriter w, Document d)
    {
        w.WriteStartObject();
        w.WriteString("id", d.Id);
        if (d.TokensGiven)
        {
            WriteTokens(w, d, d.Sentences.Count > 0 ? d.Sentences[0] : new Sentence(0, 0), offsets: false);
        }
        else
        {
            w.WriteStartArray("sentences");
            foreach (var sentence in d.Sentences)
            {
                w.WriteStartObject();
                w.WriteNumber("start", d.Tokens[sentence.FirstToken].Start);
                w.WriteNumber("end", d.Tokens[sentence.EndToken - 1].End);
                WriteTokens(w, d, sentence, offsets: true);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void WriteTokens(Utf8JsonWriter w, Document d, Sentence sentence, bool offsets)
    {
        var syntax = d.Syntax()!;
        w.WriteStartArray("tokens");
        for (int t = sentence.FirstToken; t < sentence.EndToken; t++)
        {
            var token = d.Tokens[t];
            w.WriteStartObject();
            w.WriteString("form", token.In(d.Text));
            if (offsets)
            {
                var (start, end) = WrittenWord(d, sentence, t);
                w.WriteNumber("start", start);
                w.WriteNumber("end", end);
            }
            w.WriteString("lemma", syntax.Lemmas[t]);
            w.WriteString("upos", syntax.Upos[t].ToString());
            w.WriteString("xpos", syntax.Xpos[t]);
            w.WriteString("feats", syntax.Features[t]);
            w.WriteNumber("head", syntax.Heads[t] < 0 ? 0 : syntax.Heads[t] - sentence.FirstToken + 1);
            w.WriteString("deprel", syntax.Labels[t]);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>The span of the written word a token is part of: "don't" for both "do" and "n't".</summary>
    private static (int Start, int End) WrittenWord(Document d, Sentence sentence, int t)
    {
        var token = d.Tokens[t];
        if (t + 1 < sentence.EndToken && IsClitic(d, t + 1) && d.Tokens[t + 1].Start == token.End) return (token.Start, d.Tokens[t + 1].End);
        if (t > sentence.FirstToken && IsClitic(d, t) && d.Tokens[t - 1].End == token.Start) return (d.Tokens[t - 1].Start, token.End);
        return (token.Start, token.End);
    }

    private static bool IsClitic(Document d, int t)
    {
        var word = d.Tokens[t].In(d.Text);
        return word.Length is >= 2 and <= 3 && (word[0] is '\'' or '’' || word.Length == 3 && word[0] is 'n' or 'N' && word[1] is '\'' or '’')
               && char.IsLetter(word[^1]);
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
