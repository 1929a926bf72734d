using System.Text.RegularExpressions;

namespace Sitrep.Situation;

/// <summary>A sentence's words in lower case with their document offsets, for phrase matching.</summary>
public sealed partial class SentenceWords
{
    public IReadOnlyList<string> Lower { get; }
    public IReadOnlyList<int> Starts { get; }
    public IReadOnlyList<int> Ends { get; }

    public SentenceWords(StorySentence sentence)
    {
        var lower = new List<string>();
        var starts = new List<int>();
        var ends = new List<int>();
        int offset = sentence.InLead ? 0 : sentence.Start;
        foreach (Match m in Word().Matches(sentence.Text))
        {
            lower.Add(m.Value.ToLowerInvariant().Replace('’', '\''));
            starts.Add(offset + m.Index);
            ends.Add(offset + m.Index + m.Length);
        }
        Lower = lower;
        Starts = starts;
        Ends = ends;
    }

    public int Count => Lower.Count;

    /// <summary>The words of any text (a headline) in lower case, as a sentence's are.</summary>
    public static IReadOnlyList<string> LowerWords(string text) =>
        Word().Matches(text).Select(m => m.Value.ToLowerInvariant().Replace('’', '\'')).ToList();

    /// <summary>Index of the first word starting at or after a document offset (Count when none).</summary>
    public int WordAt(int offset)
    {
        for (int i = 0; i < Starts.Count; i++)
            if (Starts[i] >= offset) return i;
        return Starts.Count;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*|[,;:]")]
    private static partial Regex Word();
}
