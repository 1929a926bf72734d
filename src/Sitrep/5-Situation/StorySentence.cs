namespace Sitrep.Situation;

/// <summary>
/// One body sentence of one document with the annotations that fall inside it. Story steps work on
/// sentences: events, claims, contradictions and forecasts are all sentence-sized facts.
/// </summary>
public sealed class StorySentence
{
    public required Document Document { get; init; }
    public required int Start { get; init; }
    public required int End { get; init; }
    /// <summary>Position among the document's body sentences (0 = its lead sentence).</summary>
    public required int Index { get; init; }
    /// <summary>True for sentences of the analysts' lead block rather than the body.</summary>
    public bool InLead { get; init; }
    public required string Text { get; init; }
    public IReadOnlyList<EntityMention> Entities { get; init; } = [];
    public IReadOnlyList<PlaceMention> Places { get; init; } = [];
    public IReadOnlyList<TimeMention> Times { get; init; } = [];

    /// <summary>The first calendar day the sentence states, if it states one.</summary>
    public PartialDate? ExplicitDate =>
        Times.Where(t => t.Type == "DATE").Select(t => PartialDate.TryParse(t.Value, out var d) ? d : (PartialDate?)null)
             .FirstOrDefault(d => d is { Precision: >= DatePrecision.Day });

    /// <summary>
    /// The day stated nearest to a document offset (a trigger): a date or a time of a named day ("about
    /// 6 p.m. Wednesday"). A day after the publication date is a misreading, not the day of something reported.
    /// </summary>
    public PartialDate? DayNear(int offset) =>
        // A time of one word ("overnight", "tonight") is a part of a day the text does not name.
        Times.Where(t => t.Type == "DATE" || t.Type == "TIME" && t.Text.Contains(' '))
             .Select(t => (Mention: t, Day: PartialDate.TryParse(t.Value.Length > 10 ? t.Value[..10] : t.Value, out var d) && d.Precision >= DatePrecision.Day ? d : (PartialDate?)null))
             .Where(t => t.Day != null && !(Document.Published is { } p && t.Day.Value.FirstDay > p.FirstDay))
             .OrderBy(t => Math.Min(Math.Abs(t.Mention.Start - offset), Math.Abs(t.Mention.End - offset)))
             .Select(t => t.Day).FirstOrDefault();

    /// <summary>The date that governs the sentence: the day it states, else the document's publication date.</summary>
    public PartialDate? Date => ExplicitDate ?? Document.Published;

    /// <summary>The sentence's own text for a span of the document (mentions carry document offsets).</summary>
    public string Slice(int start, int end) => Document.Text[start..end];

    public override string ToString() => Text;
}
