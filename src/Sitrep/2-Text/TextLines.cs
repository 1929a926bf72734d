namespace Sitrep.Text;

/// <summary>One line of a document's text: its trimmed range in <see cref="Document.Text"/> and that text.</summary>
public readonly record struct TextLine(int Start, int End, string Content)
{
    public bool IsBlank => Content.Length == 0;

    public int WordCount
    {
        get
        {
            int words = 0;
            bool inWord = false;
            foreach (var c in Content)
            {
                bool letter = !char.IsWhiteSpace(c);
                if (letter && !inWord) words++;
                inWord = letter;
            }
            return words;
        }
    }
}

public static class TextLines
{
    /// <summary>Splits text at \n, \r\n, \r and U+2028/U+2029; each line trimmed of surrounding white space, offsets exact.</summary>
    public static List<TextLine> Split(string text)
    {
        var lines = new List<TextLine>();
        int start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            bool end = i == text.Length;
            if (!end && text[i] is not ('\n' or '\r' or '\u2028' or '\u2029')) continue;
            lines.Add(Trimmed(text, start, i));
            if (!end && text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            start = i + 1;
        }
        return lines;
    }

    private static TextLine Trimmed(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return new TextLine(start, end, text[start..end]);
    }
}
