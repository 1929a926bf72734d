namespace Sitrep.Text;

/// <summary>
/// A page saved instead of its article (a sign-in wall, an e-mail verification notice, a list of
/// videos) shares no word with the headline it was filed under: then the headline is all the document
/// tells of its story. The headline is put before the text and stands as the body; the page's own
/// text stays in the document, outside the body. Only the analysis reads documents so: <c>annotate</c>
/// keeps its offsets into the text as given.
/// </summary>
public sealed class UnrelatedBody : IDocumentStep
{
    /// <summary>A headline with fewer telling words says too little to judge its body by, and so does a body with fewer.</summary>
    private const int FewestHeadlineWords = 3, FewestBodyWords = 12;

    /// <summary>Shorter words are mostly function words; longer ones are compared by their first letters, so "shootings" meets "shooting".</summary>
    private const int ShortestWord = 4, ComparedLetters = 5;

    public void Process(Document document)
    {
        // A headline the text itself gave (its first line) is no headline the page was filed under.
        if (document.Title is not { } title || document.TokensGiven || document.Text.Contains(title.Trim(), StringComparison.Ordinal)) return;
        var headline = new HashSet<string>(StringComparer.Ordinal);
        ForEachWord(title, 0, title.Length, word => { headline.Add(word.ToString()); return true; });
        if (headline.Count < FewestHeadlineWords) return;
        // Most bodies share a headline word within their first lines: look words up without copying them, and stop there.
        var shared = headline.GetAlternateLookup<ReadOnlySpan<char>>();
        var spans = document.Body.Count > 0 ? document.Body : [new TextSpan(0, document.Text.Length)];
        foreach (var span in spans)
            if (!ForEachWord(document.Text, span.Start, span.End, word => !shared.Contains(word))) return;
        var body = new HashSet<string>(StringComparer.Ordinal);
        foreach (var span in spans)
            ForEachWord(document.Text, span.Start, span.End, word => { body.Add(word.ToString()); return body.Count < FewestBodyWords; });
        if (body.Count < FewestBodyWords) return;
        var lead = title.Trim();
        document.Text = lead + "\n\n" + document.Text;
        document.TextIsInput = false;
        document.Body.Clear();
        document.Body.Add(new TextSpan(0, lead.Length));
        document.HeadlineOnly = true;
    }

    private delegate bool WordVisitor(ReadOnlySpan<char> word);

    /// <summary>
    /// Gives each telling word of the text's range (letters only, at least <see cref="ShortestWord"/>,
    /// its first <see cref="ComparedLetters"/> lower-cased, not a function word) until the visitor says
    /// stop; false when it did.
    /// </summary>
    private static bool ForEachWord(string text, int start, int end, WordVisitor visit)
    {
        Span<char> lower = stackalloc char[ComparedLetters];
        for (int i = start; i < end;)
        {
            if (!char.IsLetter(text[i])) { i++; continue; }
            int j = i;
            while (j < end && char.IsLetter(text[j])) j++;
            if (j - i >= ShortestWord)
            {
                int n = text.AsSpan(i, Math.Min(j - i, ComparedLetters)).ToLowerInvariant(lower);
                var word = lower[..n];
                if (!FunctionWords.Contains(word) && !visit(word)) return false;
            }
            i = j;
        }
        return true;
    }

    /// <summary>English function words (Data/function-words.txt) say nothing of a story.</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> FunctionWords =
        new HashSet<string>(DataFiles.Sections("Text", "function-words.txt")["en"].Select(w => w.Length > ComparedLetters ? w[..ComparedLetters] : w), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
}
