using System.Net;
using System.Text.Json;
using Sitrep.Situation;

namespace Sitrep.Report;

/// <summary>
/// A story's events per day as a chart read at a glance: the page embeds the counts per day and
/// <see cref="EventKind"/> as JSON, and Assets/sitrep-timeline.js draws them as stacked bars with
/// d3, the story's main events (its timeline entries most sources report) written over their days.
/// Events dated only to a month or year are counted in the caption, not drawn.
/// </summary>
public static class TimelineChart
{
    /// <summary>Main events labelled on the chart at most; narrow screens label fewer.</summary>
    private const int MainEvents = 6;

    public static void Write(TextWriter w, StoryPicture story)
    {
        var dated = story.Events.Where(e => e.Date is { Precision: >= DatePrecision.Day }).ToList();
        if (dated.Count == 0) return;
        var days = dated.GroupBy(e => e.Date!.Value.DateText()).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new { day = g.Key, counts = EventKind.All.Select(k => g.Count(e => EventKind.Of(e) == k)).ToArray() });
        var main = story.Timeline.Where(t => t.Date.Precision >= DatePrecision.Day)
            .OrderByDescending(t => t.Sources.Count).ThenBy(t => t.Date).Take(MainEvents)
            .Select(t => new { day = t.Date.DateText(), text = t.Text, sources = t.Sources.Count });
        var data = new { story = story.Id, kinds = EventKind.All, days, main };
        int undated = story.Events.Count - dated.Count;
        w.WriteLine($"<figure class=\"chart\" data-story=\"{E(story.Id)}\"><div class=\"chart-view\" role=\"img\" aria-label=\"Events per day by kind\"></div>");
        w.WriteLine($"<script type=\"application/json\" class=\"chart-data\">{JsonSerializer.Serialize(data)}</script>");
        w.WriteLine($"<figcaption>Events per day, by kind; the main events are named over their day." +
                    (undated > 0 ? $" {undated} {(undated == 1 ? "event has" : "events have")} no day and {(undated == 1 ? "is" : "are")} not drawn." : "") + "</figcaption></figure>");
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
