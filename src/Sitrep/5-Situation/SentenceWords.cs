using System.Text.RegularExpressions;

namespace Sitrep.Situation;

/// <summary>A sentence's words in lower case, their lemmas and their document offsets, for phrase matching.</summary>
public sealed partial class SentenceWords
{
    public IReadOnlyList<string> Lower { get; }
    /// <summary>The words as written (case tells a name from a common word).</summary>
    public IReadOnlyList<string> Written { get; }
    /// <summary>Lemmas when a lemmatizer was given, else the lower-case words.</summary>
    public IReadOnlyList<string> Lemmas { get; }
    public IReadOnlyList<int> Starts { get; }
    public IReadOnlyList<int> Ends { get; }

    public SentenceWords(StorySentence sentence, Func<string, string>? lemmatize = null)
    {
        var lower = new List<string>();
        var written = new List<string>();
        var starts = new List<int>();
        var ends = new List<int>();
        int offset = sentence.InLead ? 0 : sentence.Start;
        foreach (Match m in Word().Matches(sentence.Text))
        {
            written.Add(m.Value);
            lower.Add(m.Value.ToLowerInvariant().Replace('’', '\''));
            starts.Add(offset + m.Index);
            ends.Add(offset + m.Index + m.Length);
        }
        Lower = lower;
        Written = written;
        Lemmas = lemmatize == null ? lower : lower.Select(lemmatize).ToList();
        Starts = starts;
        Ends = ends;
    }

    public int Count => Lower.Count;

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
