using System.Reflection;

namespace Sitrep.Situation;

/// <summary>A trigger phrase of the event lexicon: PLOVER type, mode, and its words.</summary>
public sealed record EventTrigger(string Type, string? Mode, string[] Words);

/// <summary>
/// The event triggers of Data/events.tsv, indexed by first word so a sentence is matched in one pass
/// over its words, longest phrase first.
/// </summary>
public sealed class EventLexicon
{
    private readonly Dictionary<string, List<EventTrigger>> byFirstWord = [];

    public static EventLexicon Default { get; } = Load();

    public EventLexicon(IEnumerable<EventTrigger> triggers)
    {
        foreach (var trigger in triggers)
        {
            if (!byFirstWord.TryGetValue(trigger.Words[0], out var list)) byFirstWord[trigger.Words[0]] = list = [];
            list.Add(trigger);
        }
        foreach (var list in byFirstWord.Values) list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
    }

    /// <summary>The longest trigger starting at word <paramref name="at"/> of <paramref name="words"/> (lower case), if any.</summary>
    public EventTrigger? Match(IReadOnlyList<string> words, int at)
    {
        if (!byFirstWord.TryGetValue(words[at], out var candidates)) return null;
        foreach (var trigger in candidates)
        {
            if (at + trigger.Words.Length > words.Count) continue;
            bool all = true;
            for (int k = 1; k < trigger.Words.Length && all; k++) all = words[at + k] == trigger.Words[k];
            if (all) return trigger;
        }
        return null;
    }

    public static EventLexicon Parse(TextReader reader)
    {
        var triggers = new List<EventTrigger>();
        string? line;
        while ((line = reader.ReadLine()) != null)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var columns = line.Split('\t');
            if (columns.Length != 3) throw new InvalidDataException($"events.tsv: expected 3 tab-separated columns: {line}");
            var mode = columns[1] == "-" ? null : columns[1];
            foreach (var phrase in columns[2].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                triggers.Add(new EventTrigger(columns[0], mode, phrase.Split(' ')));
        }
        return new EventLexicon(triggers);
    }

    private static EventLexicon Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Sitrep.Situation.events.tsv")
                           ?? throw new InvalidOperationException("embedded resource Sitrep.Situation.events.tsv is missing");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }
}
