
namespace Sitrep.Situation;

/// <summary>
/// A trigger phrase of the event lexicon: PLOVER type, mode, the condition it needs ("place",
/// "reversed", "alone", "with:CLASS" or none) and its lemmas ("*" = a gap of up to three words).
/// </summary>
public sealed record EventTrigger(string Type, string? Mode, string? Condition, string[] Lemmas);

/// <summary>What a type does in context, from the @ rows of events.tsv.</summary>
public sealed record EventTypeSettings(string Type, IReadOnlyDictionary<string, string> Values)
{
    public string? Get(string key) => Values.GetValueOrDefault(key);
    public bool Is(string key, string value) => Get(key) == value;
}

/// <summary>One trigger found in a sentence: words [First, End).</summary>
public sealed record TriggerMatch(EventTrigger Trigger, int First, int End);

/// <summary>
/// The event lexicon of Data/events.tsv (triggers and type settings) and Data/event-cues.tsv (the
/// context words the coder reads), matched on the syntax stage's lemmas: one lexicon entry "shoot"
/// finds shot and shoots. Triggers are indexed by first lemma so a sentence is matched in one pass.
/// </summary>
public sealed class EventLexicon
{
    public const int GapWords = 3;

    private readonly Dictionary<string, List<EventTrigger>> byFirstLemma = [];
    private readonly Dictionary<string, EventTypeSettings> settings = [];
    private readonly Dictionary<string, Dictionary<string, List<string[]>>> cues = []; // class -> first lemma -> phrases

    private readonly HashSet<string> vocabulary;

    public static EventLexicon Default { get; } = Load();

    /// <summary>True for a lemma some trigger phrase contains.</summary>
    public bool Knows(string lemma) => vocabulary.Contains(lemma);

    public EventLexicon(IEnumerable<EventTrigger> triggers, IEnumerable<EventTypeSettings> types, IEnumerable<(string Class, string[] Lemmas)> cuePhrases)
    {
        foreach (var trigger in triggers)
        {
            if (!byFirstLemma.TryGetValue(trigger.Lemmas[0], out var list)) byFirstLemma[trigger.Lemmas[0]] = list = [];
            list.Add(trigger);
        }
        // Longest phrase first; among equal phrases the conditioned rows first, file order otherwise.
        foreach (var list in byFirstLemma.Values)
        {
            var ordered = list.Select((t, i) => (t, i)).OrderByDescending(p => p.t.Lemmas.Length)
                .ThenBy(p => p.t.Condition is null or "alone").ThenBy(p => p.i).Select(p => p.t).ToList();
            list.Clear();
            list.AddRange(ordered);
        }
        foreach (var type in types) settings[type.Type] = type;
        vocabulary = byFirstLemma.Values.SelectMany(l => l).SelectMany(t => t.Lemmas).ToHashSet();
        foreach (var (cls, lemmas) in cuePhrases)
        {
            if (!cues.TryGetValue(cls, out var byFirst)) cues[cls] = byFirst = [];
            if (!byFirst.TryGetValue(lemmas[0], out var list)) byFirst[lemmas[0]] = list = [];
            list.Add(lemmas);
        }
    }

    /// <summary>The classes of context cues, in file order.</summary>
    public IEnumerable<string> CueClasses => cues.Keys;

    /// <summary>The types (not modes) whose setting <paramref name="key"/> is <paramref name="value"/>.</summary>
    public IEnumerable<string> TypesWhere(string key, string value) =>
        settings.Values.Where(t => !t.Type.Contains('/') && t.Is(key, value)).Select(t => t.Type);

    /// <summary>Every type the lexicon codes.</summary>
    public IEnumerable<string> Types => byFirstLemma.Values.SelectMany(l => l).Select(t => t.Type).Distinct();

    /// <summary>
    /// A type's setting, looked up for "TYPE/mode", then "TYPE", then "*": "map" of ASSAULT/territory-captured is "capture".
    /// </summary>
    public string? Setting(string type, string? mode, string key) =>
        (mode != null ? settings.GetValueOrDefault($"{type}/{mode}")?.Get(key) : null)
        ?? settings.GetValueOrDefault(type)?.Get(key) ?? settings.GetValueOrDefault("*")?.Get(key);

    /// <summary>
    /// The longest trigger starting at lemma <paramref name="at"/> whose condition <paramref name="holds"/>
    /// (given the trigger and its end), if any.
    /// </summary>
    public TriggerMatch? Match(IReadOnlyList<string> lemmas, int at, Func<EventTrigger, int, bool> holds)
    {
        if (!byFirstLemma.TryGetValue(lemmas[at], out var candidates)) return null;
        foreach (var trigger in candidates)
        {
            int end = MatchPhrase(lemmas, at, trigger.Lemmas);
            if (end > 0 && holds(trigger, end)) return new TriggerMatch(trigger, at, end);
        }
        return null;
    }

    /// <summary>True when a cue phrase of <paramref name="cls"/> starts at lemma <paramref name="at"/>; its end in <paramref name="end"/>.</summary>
    public bool Cue(string cls, IReadOnlyList<string> lemmas, int at, out int end)
    {
        end = 0;
        if (!cues.TryGetValue(cls, out var byFirst) || !byFirst.TryGetValue(lemmas[at], out var phrases)) return false;
        foreach (var phrase in phrases)
            if ((end = MatchPhrase(lemmas, at, phrase)) > 0) return true;
        return false;
    }

    /// <summary>True when a cue of <paramref name="cls"/> starts anywhere in lemmas [from, to).</summary>
    public bool AnyCue(string cls, IReadOnlyList<string> lemmas, int from, int to)
    {
        for (int k = Math.Max(0, from); k < Math.Min(to, lemmas.Count); k++)
            if (Cue(cls, lemmas, k, out _)) return true;
        return false;
    }

    /// <summary>The end (exclusive) of <paramref name="phrase"/> matched at <paramref name="at"/>, or 0.</summary>
    private static int MatchPhrase(IReadOnlyList<string> lemmas, int at, string[] phrase)
    {
        int k = at;
        for (int p = 0; p < phrase.Length; p++)
        {
            if (phrase[p] == "*")
            {
                // The shortest gap after which the rest matches, never across a comma.
                for (int gap = 0; gap <= GapWords && k + gap < lemmas.Count; gap++)
                {
                    if (gap > 0 && lemmas[k + gap - 1] is "," or ";") break;
                    int rest = MatchPhrase(lemmas, k + gap, phrase[(p + 1)..]);
                    if (rest > 0) return rest;
                }
                return 0;
            }
            if (k >= lemmas.Count || lemmas[k] != phrase[p]) return 0;
            k++;
        }
        return k;
    }

    public static EventLexicon Parse(TextReader events, TextReader eventCues)
    {
        var triggers = new List<EventTrigger>();
        var types = new List<EventTypeSettings>();
        foreach (var (line, number) in Lines(events))
        {
            var columns = line.Split('\t');
            if (line[0] == '@')
            {
                var values = new Dictionary<string, string>();
                foreach (var setting in columns.Skip(1))
                {
                    int eq = setting.IndexOf('=');
                    if (eq <= 0) throw new InvalidDataException($"events.tsv:{number}: a setting is key=value: {setting}");
                    values[setting[..eq]] = setting[(eq + 1)..];
                }
                types.Add(new EventTypeSettings(columns[0][1..], values));
                continue;
            }
            if (columns.Length != 4) throw new InvalidDataException($"events.tsv:{number}: expected 4 tab-separated columns (type, mode, condition, phrases)");
            var mode = columns[1] == "-" ? null : columns[1];
            var condition = columns[2] == "-" ? null : columns[2];
            if (condition is not (null or "place" or "reversed" or "alone") && condition?.StartsWith("with:", StringComparison.Ordinal) != true)
                throw new InvalidDataException($"events.tsv:{number}: unknown condition '{condition}'");
            foreach (var phrase in Phrases(columns[3]))
                triggers.Add(new EventTrigger(columns[0], mode, condition, phrase));
        }
        var cuePhrases = new List<(string, string[])>();
        foreach (var (line, number) in Lines(eventCues))
        {
            var columns = line.Split('\t');
            if (columns.Length != 2) throw new InvalidDataException($"event-cues.tsv:{number}: expected 2 tab-separated columns (class, phrases)");
            cuePhrases.AddRange(Phrases(columns[1]).Select(p => (columns[0], p)));
        }
        return new EventLexicon(triggers, types, cuePhrases);
    }

    private static IEnumerable<string[]> Phrases(string column) =>
        column.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static IEnumerable<(string Line, int Number)> Lines(TextReader reader)
    {
        string? line;
        int number = 0;
        while ((line = reader.ReadLine()) != null)
        {
            number++;
            if (line.Length > 0 && line[0] != '#') yield return (line, number);
        }
    }

    private static EventLexicon Load()
    {
        using var events = Resource("events.tsv");
        using var cues = Resource("event-cues.tsv");
        return Parse(events, cues);
    }

    /// <summary>The shipped table and the analyst's additions (SITREP_DATA/NAME).</summary>
    private static StringReader Resource(string name) => new(string.Join('\n', DataFiles.Lines("Situation", name)));
}
