using System.Text.RegularExpressions;

namespace Sitrep.Situation;

/// <summary>Cuts a document's body into <see cref="StorySentence"/>s and attaches the mentions inside each.</summary>
public static partial class SentenceSplitter
{
    public static List<StorySentence> Split(Document document)
    {
        var sentences = new List<StorySentence>();
        foreach (var span in document.Body)
            foreach (var (start, end) in SentenceSpans(document.Text, span.Start, span.End))
                sentences.Add(new StorySentence
                {
                    Document = document, Start = start, End = end, Index = sentences.Count, Text = document.Text[start..end],
                    Entities = document.Entities.Where(e => e.Start >= start && e.End <= end).ToList(),
                    Places = document.Places.Where(p => p.Start >= start && p.End <= end).ToList(),
                    Times = document.Times.Where(t => t.Start >= start && t.End <= end).ToList(),
                });
        if (!string.IsNullOrWhiteSpace(document.Lead))
            foreach (var (start, end) in SentenceSpans(document.Lead, 0, document.Lead.Length))
                sentences.Add(new StorySentence
                {
                    Document = document, Start = start, End = end, Index = sentences.Count, InLead = true,
                    Text = document.Lead[start..end].TrimStart('-', '*', '•', ' '),
                });
        return sentences;
    }

    /// <summary>Sentence spans in text[from..to): ends at . ! ? before a capitalised word, and at line breaks.</summary>
    public static IEnumerable<(int Start, int End)> SentenceSpans(string text, int from, int to)
    {
        int start = from;
        foreach (Match m in Boundary().Matches(text[..to], from))
        {
            int end = m.Index + m.Length;
            if (m.Value.Contains('\n') || !EndsWithAbbreviation(text, start, m.Index))
            {
                var trimmed = Trim(text, start, end);
                if (trimmed.End > trimmed.Start) yield return trimmed;
                start = end;
            }
        }
        var last = Trim(text, start, to);
        if (last.End > last.Start) yield return last;
    }

    private static (int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return (start, end);
    }

    private static bool EndsWithAbbreviation(string text, int sentenceStart, int period)
    {
        if (period >= text.Length || text[period] != '.') return false;
        int w = period;
        while (w > sentenceStart && (char.IsLetter(text[w - 1]) || text[w - 1] == '.')) w--;
        var word = text[w..period];
        return word.Length == 1 && char.IsUpper(word[0]) || Abbreviations.Contains(word);
    }

    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "Mr", "Mrs", "Ms", "Dr", "Gen", "Col", "Lt", "Maj", "Capt", "Sgt", "Gov", "Sen", "Rep", "Prof", "St", "Jr", "Sr",
        "U.S", "U.N", "U.K", "E.U", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "No", "Co", "Corp", "Inc", "Ltd", "vs", "etc", "approx", "Adm", "Brig", "Cpl", "Pvt", "Rev", "Hon",
    };

    [GeneratedRegex(@"[.!?]+[""'”’)\]]*\s+(?=[""“‘(\[]?[\p{Lu}\d])|\n\s*")]
    private static partial Regex Boundary();
}
