using Sitrep.Text;

namespace Sitrep.Time;

/// <summary>
/// Stage 3, Time: finds the time expressions of a document and resolves them to TIMEX3 values
/// against the publication time. When the input gives no publication time, one is inferred from
/// a dateline or the first full date in the text and marked as inferred.
/// </summary>
public sealed class TemporalTagger : IDocumentStep
{
    [ThreadStatic] private static TimeToken[]? tokenBuffer;

    public void Process(Document document)
    {
        var tokens = tokenBuffer ?? new TimeToken[256];
        // The document's tokens when they cover its whole text; a page's cover only its body, and dates
        // stand in its header too.
        var shared = document.Body.Count == 0 && document.Tokens.Count > 0 ? document.Tokens : Tokenizer.Tokenize(document.Text);
        int count = TimeTokens.Split(document.Text, shared, ref tokens);
        if (document.Published is null && PublicationDateInference.Infer(document.Text, tokens, count) is { } inferred)
            document.SetPublished(inferred, DateProvenance.InferredFromText);
        // a reference at the very ends of the calendar would push arithmetic out of range
        var reference = document.Published is { Year: > 1 and < 9999 } p ? p : (PartialDate?)null;
        new TimexScanner(document.Text, tokens, count, reference).Scan(document.Times);
        tokenBuffer = tokens.Length > 1 << 16 ? null : tokens; // do not keep a huge document's buffer alive
    }

    /// <summary>
    /// Resolves against a publication date learnt after this stage ran (a story step infers it) the
    /// expressions that needed one: every mention already resolved stays as it is; one left unresolved
    /// ("Sunday" as XXXX-WXX-7) gives way to the new pass's mention there, and expressions this stage
    /// could not place at all without a date are added.
    /// </summary>
    public void Anchor(Document document)
    {
        var scratch = new Document(document.Id, document.Source) { Text = document.Text, Published = document.Published };
        Process(scratch);
        var kept = document.Times.Where(t => !t.Value.Contains('X')).ToList();
        var added = scratch.Times.Where(t => !kept.Any(k => k.Start < t.End && t.Start < k.End));
        var merged = kept.Concat(added).OrderBy(t => t.Start).ToList();
        document.Times.Clear();
        document.Times.AddRange(merged);
    }

    /// <summary>Tags a text against a reference time (tests, tools).</summary>
    public static List<TimeMention> Tag(string text, PartialDate? reference)
    {
        var document = new Document("text", new SourceLocation("text")) { Text = text, Published = reference };
        new TemporalTagger().Process(document);
        return document.Times;
    }
}
