
namespace Sitrep.Situation;

/// <summary>
/// The phrases of Data/incidents.tsv: what the words around a person's name say of the part they took
/// in an incident (victim or suspect), and the words that make a shooting an accident.
/// </summary>
public sealed class IncidentCues
{
    public static IncidentCues Default { get; } = Load();

    private readonly Dictionary<(string Kind, string Where), List<string[]>> phrases = [];

    /// <summary>The words phrases start and end with: most words of a sentence are neither, and are passed at one lookup.</summary>
    private readonly HashSet<string> firstWords = new(StringComparer.Ordinal), lastWords = new(StringComparer.Ordinal);

    public IncidentCues(IEnumerable<(string Kind, string Where, string Phrase)> entries)
    {
        foreach (var (kind, where, phrase) in entries)
        {
            if (!phrases.TryGetValue((kind, where), out var list)) phrases[(kind, where)] = list = [];
            var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0) continue;
            list.Add(words);
            firstWords.Add(words[0]);
            lastWords.Add(words[^1]);
        }
        foreach (var list in phrases.Values) list.Sort((a, b) => b.Length.CompareTo(a.Length));
    }

    /// <summary>A word of a clock time that names no day ("about", "p.m.").</summary>
    public bool IsClockWord(string word) => IsWord("clock", word);

    /// <summary>A word of saying ("said", "told"): a time next to it is when something was said.</summary>
    public bool IsSaying(string word) => IsWord("saying", word);

    private bool IsWord(string kind, string word) => phrases.TryGetValue((kind, "-"), out var list) && list.Any(p => p.Length == 1 && p[0] == word);

    /// <summary>True when a phrase of the kind starts at word <paramref name="at"/>.</summary>
    public bool StartsAt(string kind, string where, IReadOnlyList<string> words, int at)
    {
        // asked for every word of every sentence: loops, no closures
        if (at < 0 || at >= words.Count || !firstWords.Contains(words[at]) || !phrases.TryGetValue((kind, where), out var list)) return false;
        foreach (var p in list) if (Matches(p, words, at)) return true;
        return false;
    }

    /// <summary>True when a phrase of the kind ends right before word <paramref name="at"/>.</summary>
    public bool EndsBefore(string kind, string where, IReadOnlyList<string> words, int at)
    {
        if (at < 1 || at > words.Count || !lastWords.Contains(words[at - 1]) || !phrases.TryGetValue((kind, where), out var list)) return false;
        foreach (var p in list) if (at - p.Length >= 0 && Matches(p, words, at - p.Length)) return true;
        return false;
    }

    private static bool Matches(string[] phrase, IReadOnlyList<string> words, int at)
    {
        if (at < 0 || at + phrase.Length > words.Count) return false;
        for (int k = 0; k < phrase.Length; k++)
            if (words[at + k] != phrase[k]) return false;
        return true;
    }

    public static IncidentCues Parse(TextReader reader)
    {
        var entries = new List<(string, string, string)>();
        string? line;
        while ((line = reader.ReadLine()) != null)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var columns = line.Split('\t');
            if (columns.Length != 3) throw new InvalidDataException($"incidents.tsv: expected 3 tab-separated columns: {line}");
            foreach (var phrase in columns[2].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                entries.Add((columns[0], columns[1], phrase));
        }
        return new IncidentCues(entries);
    }

    /// <summary>The shipped cues and the analyst's additions (SITREP_DATA/incidents.tsv).</summary>
    private static IncidentCues Load() => Parse(new StringReader(string.Join('\n', DataFiles.Lines("Situation", "incidents.tsv"))));
}
