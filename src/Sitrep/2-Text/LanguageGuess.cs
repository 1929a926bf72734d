namespace Sitrep.Text;

/// <summary>
/// A light guess of a text's language when the page does not declare one: the writing system for
/// scripts that (nearly) belong to one language, else the most frequent function words of a few
/// Latin-script languages. Returns null when nothing is convincing.
/// </summary>
internal static class LanguageGuess
{
    /// <summary>Each language's most frequent function words (Data/function-words.txt).</summary>
    private static readonly (string Language, HashSet<string> Words)[] FunctionWords =
        [.. DataFiles.Sections("Text", "function-words.txt").Select(list => (list.Key, list.Value.ToHashSet(StringComparer.Ordinal)))];

    public static string? Guess(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, 5000));
        var script = ByScript(sample);
        if (script != null) return script;
        var counts = new int[FunctionWords.Length];
        int words = 0;
        foreach (var range in sample.Split(' '))
        {
            var word = sample[range].Trim(".,;:!?\"'()«»“”\n").ToString().ToLowerInvariant();
            if (word.Length == 0) continue;
            words++;
            for (int i = 0; i < FunctionWords.Length; i++)
                if (FunctionWords[i].Words.Contains(word)) counts[i]++;
        }
        int best = Array.IndexOf(counts, counts.Max());
        return words >= 20 && counts[best] * 10 >= words ? FunctionWords[best].Language : null;
    }

    private static string? ByScript(ReadOnlySpan<char> sample)
    {
        int letters = 0, cyrillic = 0, arabic = 0, hebrew = 0, greek = 0, kana = 0, hangul = 0, han = 0, thai = 0, devanagari = 0;
        foreach (char c in sample)
        {
            if (!char.IsLetter(c)) continue;
            letters++;
            switch (c)
            {
                case >= '\u0400' and <= '\u04FF': cyrillic++; break;
                case >= '\u0600' and <= '\u06FF': arabic++; break;
                case >= '\u0590' and <= '\u05FF': hebrew++; break;
                case >= '\u0370' and <= '\u03FF': greek++; break;
                case >= '\u3040' and <= '\u30FF': kana++; break;
                case >= '\uAC00' and <= '\uD7AF': hangul++; break;
                case >= '\u4E00' and <= '\u9FFF': han++; break;
                case >= '\u0E00' and <= '\u0E7F': thai++; break;
                case >= '\u0900' and <= '\u097F': devanagari++; break;
            }
        }
        if (letters == 0) return null;
        if (kana * 10 > letters) return "ja";
        (int Count, string Language)[] scripts =
            [(cyrillic, "ru"), (arabic, "ar"), (hebrew, "he"), (greek, "el"), (hangul, "ko"), (han, "zh"), (thai, "th"), (devanagari, "hi")];
        foreach (var (count, language) in scripts)
            if (count * 2 > letters) return language;
        return null;
    }
}
