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
        Times.Where(t => t.Type == TimeType.Date).Select(t => t.Date)
             .FirstOrDefault(d => d is { Precision: >= DatePrecision.Day });

    /// <summary>
    /// The first calendar day the sentence states of its fact, not of its telling: a day inside the
    /// attribution ("..., officials said on Monday") is when it was said (see <see cref="Attribution"/>).
    /// </summary>
    public PartialDate? FactDate
    {
        get
        {
            var attribution = Attribution.Find(Text);
            int offset = InLead ? 0 : Start;
            return Times.Where(t => t.Type == TimeType.Date && t.Date is { Precision: >= DatePrecision.Day }
                                    && !(attribution is { } a && t.Start - offset >= a.Start && t.End - offset <= a.End))
                        .Select(t => t.Date).FirstOrDefault();
        }
    }

    /// <summary>The date that governs the sentence: the day it states, else the document's publication date.</summary>
    public PartialDate? Date => ExplicitDate ?? Document.Published;

    public override string ToString() => Text;
}
