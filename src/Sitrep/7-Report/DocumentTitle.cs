namespace Sitrep.Report;

/// <summary>What a page calls an article: its title, or for an untitled one its first words, never its hash id.</summary>
public static class DocumentTitle
{
    private const int Words = 10;

    public static string Of(Document d) => d.Title is { Length: > 0 } title ? title : FirstWords(d.Text);

    /// <summary>The text's first words, cut with an ellipsis; "(untitled)" when it has none.</summary>
    public static string FirstWords(string text)
    {
        var words = text.Split((char[]?)null, Words + 1, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return "(untitled)";
        return string.Join(' ', words.Take(Words)) + (words.Length > Words ? " …" : "");
    }
}
