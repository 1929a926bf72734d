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
        var headline = Words(title, 0, title.Length);
        if (headline.Count < FewestHeadlineWords) return;
        var spans = document.Body.Count > 0 ? document.Body : [new TextSpan(0, document.Text.Length)];
        var body = new HashSet<string>(StringComparer.Ordinal);
        foreach (var span in spans) body.UnionWith(Words(document.Text, span.Start, span.End));
        if (body.Count < FewestBodyWords || body.Overlaps(headline)) return;
        var lead = title.Trim();
        document.Text = lead + "\n\n" + document.Text;
        document.TextIsInput = false;
        document.Body.Clear();
        document.Body.Add(new TextSpan(0, lead.Length));
        document.HeadlineOnly = true;
    }

    private static HashSet<string> Words(string text, int start, int end)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        for (int i = start; i < end;)
        {
            if (!char.IsLetter(text[i])) { i++; continue; }
            int j = i;
            while (j < end && char.IsLetter(text[j])) j++;
            if (j - i >= ShortestWord)
            {
                var word = text.Substring(i, Math.Min(j - i, ComparedLetters)).ToLowerInvariant();
                if (!FunctionWords.Contains(word)) words.Add(word);
            }
            i = j;
        }
        return words;
    }

    /// <summary>English function words (Data/function-words.txt) say nothing of a story.</summary>
    private static readonly HashSet<string> FunctionWords =
        [.. DataFiles.Sections("Text", "function-words.txt")["en"].Select(w => w.Length > ComparedLetters ? w[..ComparedLetters] : w)];
}
