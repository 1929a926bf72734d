using Sitrep.Situation;

namespace Sitrep.Report;

/// <summary>Writes <c>report.md</c>: the brief as Markdown, every line citing its documents in brackets.</summary>
public static class ReportMarkdown
{
    public static void Write(SituationPicture picture, TextWriter w)
    {
        w.WriteLine("# Situation report");
        w.WriteLine();
        w.WriteLine($"{ReportHtml.Count(picture.Documents.Count, "document")}, {ReportHtml.Count(picture.Stories.Count, "story", "stories")}, {ReportHtml.Count(picture.Situations.Count, "situation")}.");
        foreach (var v in picture.Situations.Where(v => v.Stories.Count > 1))
        {
            w.WriteLine();
            w.WriteLine($"## Situation {v.Id}: {Escape(v.Headline)}");
            w.WriteLine();
            w.WriteLine($"Stories {string.Join(", ", v.Stories)}: {ReportHtml.Count(v.Documents.Count, "document")}.");
            Section(w, "Summary", v.Summary, c => $"- {(c.Date is { } day ? day.DateText() + ": " : "")}{Escape(c.Text)} {Cite(c.Sources)}");
            Section(w, "Timeline", v.Timeline, t => $"- {t.Date.DateText()}: {Escape(t.Text)} {Cite(t.Sources)}");
        }
        foreach (var s in picture.Stories)
        {
            w.WriteLine();
            w.WriteLine($"## {Escape(s.Headline)}");
            w.WriteLine();
            w.WriteLine($"Story {s.Id}: {ReportHtml.Count(s.Documents.Count, "document")} ({string.Join(", ", s.Documents.Select(d => d.Id))}).");
            Section(w, "Summary", s.Summary, c => $"- {(c.Date is { } day ? day.DateText() + ": " : "")}{Escape(c.Text)} {Cite(c.Sources)}");
            Section(w, "Events", s.Events, e =>
                $"- **{e.Type}**{(e.Mode != null ? $" ({e.Mode})" : "")} {e.Date?.DateText() ?? "undated"}" +
                $"{(e.Actor != null ? $", actor: {Escape(e.Actor)}" : "")}{(e.Target != null ? $", target: {Escape(e.Target)}" : "")}" +
                $"{(e.Place != null ? $", at {Escape(e.Place)}" : "")}{(e.Destination != null ? $", to {Escape(e.Destination.Name)}" : "")}: {Escape(e.Text)} {Cite(e.Sources)}");
            Section(w, "Timeline", s.Timeline, t => $"- {t.Date.DateText()}: {Escape(t.Text)} {Cite(t.Sources)}");
            Section(w, "Actors", s.Actors, a =>
                $"- **{Escape(a.Name)}** ({a.Type}){(a.Aliases.Count > 0 ? ", also: " + Escape(string.Join(", ", a.Aliases)) : "")}; {ReportHtml.Count(a.Mentions, "mention")} {Cite(a.Documents)}");
            Section(w, "Places", s.Places, p =>
                $"- {Escape(p.Name)}{(p.Country != null ? $" ({p.Country})" : "")}{(p.Lat != null ? $" {p.Lat:0.###}, {p.Lon:0.###}" : ", not located")} {Cite(p.Documents)}");
            Section(w, "Claims", s.Claims.Take(30), c => $"- {Escape(c.Text)} {Cite(c.Sources.Except(c.Derived))} ({c.Support} independent " +
                $"{(c.Support == 1 ? "outlet" : "outlets")}{(c.Derived.Count > 0 ? $"; rewritten by {Cite(c.Derived)}" : "")})");
            if (s.Contradictions.Count == 0) Section(w, "Contradictions", ["No contradictions found."], line => line);
            Section(w, "Contradictions", s.Contradictions, c =>
                $"- {Escape(c.About)}\n" + string.Join("\n", c.Statements.Select(st => $"  - {Escape(st.Value)}: {Escape(st.Text)} {Cite(st.Sources)}")));
            Section(w, "Forecasts", s.Forecasts, f =>
                $"- {Escape(f.Text)}{(f.Condition != null ? $" (condition: {Escape(f.Condition)}; outcome: {Escape(f.Outcome)})" : "")} {Cite(f.Sources)}");
        }
        w.WriteLine();
        w.WriteLine("## Sources");
        w.WriteLine();
        foreach (var d in picture.Documents)
        {
            var derived = picture.DerivedFrom(d);
            w.WriteLine($"- [{d.Id}] {Escape(d.Title ?? "(untitled)")}, {Escape(d.Outlet ?? "unknown outlet")}, " +
                        $"{d.Published?.DateText() ?? "undated"}{(d.PublishedInferred ? " (inferred)" : "")}" +
                        $"{(derived.Count > 0 ? ", derived from " + string.Join(", ", derived) : "")}" +
                        $"{(d.CitedSources.Count > 0 ? ", cites " + Escape(string.Join(", ", d.CitedSources)) : "")}");
        }
    }

    private static void Section<T>(TextWriter w, string title, IEnumerable<T> items, Func<T, string> line)
    {
        var lines = items.Select(line).ToList();
        if (lines.Count == 0) return;
        w.WriteLine();
        w.WriteLine($"### {title}");
        w.WriteLine();
        foreach (var l in lines) w.WriteLine(l);
    }

    private static string Cite(IEnumerable<string> sources) => "[" + string.Join(", ", sources) + "]";

    /// <summary>Article text must not turn into Markdown or HTML when the brief is rendered.</summary>
    private static string Escape(string s) =>
        s.Replace("\\", "\\\\").Replace("<", "&lt;").Replace(">", "&gt;").Replace("[", "\\[").Replace("]", "\\]")
         .Replace("*", "\\*").Replace("_", "\\_").Replace("`", "\\`").Replace("\n", " ");
}
