
namespace Sitrep.Time;

/// <summary>What a word can mean to the temporal tagger; one word may carry several classes ("second", "last").</summary>
[Flags]
internal enum WordClass
{
    None = 0,
    Month = 1 << 0, Weekday = 1 << 1, Unit = 1 << 2, UnitAdverb = 1 << 3, Number = 1 << 4, Ordinal = 1 << 5,
    Season = 1 << 6, PartOfDay = 1 << 7, DayWord = 1 << 8, Ref = 1 << 9, Deictic = 1 << 10, Modifier = 1 << 11,
    Approx = 1 << 12, Ago = 1 << 13, Fiscal = 1 << 14, Holiday = 1 << 15, Zone = 1 << 16, Meridiem = 1 << 17,
    Det = 1 << 18, Quantity = 1 << 19, Set = 1 << 20, Half = 1 << 21, DecadeWord = 1 << 22,
}

/// <summary>One reading of a word: its class, its value as text and as a number when it is one.</summary>
internal readonly record struct WordSense(WordClass Class, string Value, int Number, bool Plural, bool Abbreviation, bool NeedsCapital);

/// <summary>All readings of one word.</summary>
internal sealed class WordInfo(WordSense[] senses)
{
    public WordClass Classes { get; } = senses.Aggregate(WordClass.None, (m, s) => m | s.Class);
    public WordSense[] Senses { get; } = senses;

    public bool Is(WordClass c) => (Classes & c) != 0;

    public WordSense Sense(WordClass c)
    {
        foreach (var s in Senses) if (s.Class == c) return s;
        return default;
    }
}

/// <summary>
/// The tagger's word list (Data/time-words.txt, embedded): month and weekday names, units, number
/// words, deictic and vague words. Looked up by span, so scanning allocates no strings.
/// </summary>
internal static class TimeLexicon
{
    private static readonly Dictionary<string, WordInfo> words = Load();
    private static readonly Dictionary<string, WordInfo>.AlternateLookup<ReadOnlySpan<char>> bySpan =
        words.GetAlternateLookup<ReadOnlySpan<char>>();

    public const int LongestWord = 14;

    public static WordInfo? Find(ReadOnlySpan<char> word) =>
        word.Length <= LongestWord && bySpan.TryGetValue(word, out var info) ? info : null;

    private static Dictionary<string, WordInfo> Load()
    {
        using var reader = DataFiles.OpenText("Time", "time-words.txt");
        var senses = new Dictionary<string, List<WordSense>>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var cls = Enum.Parse<WordClass>(f[1], ignoreCase: true);
            var flags = f.Length > 3 ? f[3].Split(',') : [];
            int.TryParse(f[2], out int number);
            var sense = new WordSense(cls, f[2], number, flags.Contains("plural"), flags.Contains("abbr"), flags.Contains("cap"));
            if (!senses.TryGetValue(f[0], out var list)) senses[f[0]] = list = [];
            list.Add(sense);
        }
        return senses.ToDictionary(p => p.Key, p => new WordInfo([.. p.Value]), StringComparer.OrdinalIgnoreCase);
    }
}

/// <summary>A small case-insensitive word list looked up by span (no string per lookup).</summary>
internal sealed class WordSet(IEnumerable<string> words)
{
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> lookup =
        new HashSet<string>(words, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    public bool Contains(ReadOnlySpan<char> word) => lookup.Contains(word);

    private static readonly IReadOnlyDictionary<string, string[]> Lists = DataFiles.Sections("Time", "time-cues.txt");

    /// <summary>A list of Data/time-cues.txt.</summary>
    public static WordSet Named(string list) => new(Lists[list]);
}
