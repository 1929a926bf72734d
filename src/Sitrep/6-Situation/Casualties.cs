namespace Sitrep.Situation;

/// <summary>
/// How many people one sentence says an event killed, injured and hit (ACLED's fatalities; "1 dead,
/// 4 injured", "Two people died and two were critically injured", "killing three and wounding five",
/// "five people were shot"): each toll word takes the nearest number before it that no other toll word
/// took (a few words back, within its clause), else the number right after it ("killing at least three"). A number that counts
/// something else ("shot five times"), a year or an age ("Smith, 25, died") is no toll.
/// </summary>
public readonly record struct Casualties(int? Killed, int? Injured, int? Hit)
{
    public static readonly Casualties None = default;

    public bool Any => Killed != null || Injured != null || Hit != null;

    /// <summary>Everyone the sentence counts: those hit, else the killed and the injured together.</summary>
    public int? People => Hit ?? (Killed == null && Injured == null ? null : (Killed ?? 0) + (Injured ?? 0));

    /// <summary>
    /// Two tolls of at least two people that are the same: the killed and the injured when both give both,
    /// else everyone counted ("five shot" = "one dead, four injured"). One victim says too little.
    /// </summary>
    public bool SameAs(Casualties other) =>
        Killed != null && Injured != null && other.Killed != null && other.Injured != null
            ? Killed == other.Killed && Injured == other.Injured && Killed + Injured >= 2
            : People is >= 2 and var n && other.People == n;

    /// <summary>Each count as most of the tolls give it (the larger on a tie: a toll rises as the injured die).</summary>
    public static Casualties MostGiven(IEnumerable<Casualties> tolls)
    {
        var list = tolls.Where(t => t.Any).ToList();
        static int? Most(IEnumerable<int?> values) =>
            values.Where(v => v != null).GroupBy(v => v!.Value).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).Select(g => (int?)g.Key).FirstOrDefault();
        return new Casualties(Most(list.Select(t => t.Killed)), Most(list.Select(t => t.Injured)), Most(list.Select(t => t.Hit)));
    }

    /// <summary>Each count from the first toll that gives it (one article's sentences: "Five were shot. Two died.").</summary>
    public static Casualties FirstGiven(IEnumerable<Casualties> tolls)
    {
        int? killed = null, injured = null, hit = null;
        foreach (var t in tolls)
        {
            killed ??= t.Killed;
            injured ??= t.Injured;
            hit ??= t.Hit;
        }
        return new Casualties(killed, injured, hit);
    }

    /// <summary>Words a toll's number may be back from its word ("Five people were shot").</summary>
    private const int MostWordsBack = 4;

    /// <summary>Larger numbers are no tolls of one event of the kinds read here (a year, a case number).</summary>
    private const decimal Largest = 999;

    public static Casualties Of(SentenceWords words)
    {
        // "Four were killed in shootings across the city": a sum over several events is no event's toll.
        for (int i = 0; i < words.Count; i++)
            if (words.Tags[i] == "NNS" && Several.Contains(words.Lemmas[i])) return None;
        int? killed = null, injured = null, hit = null;
        var claimed = new HashSet<int>();
        for (int i = 0; i < words.Count; i++)
        {
            var kind = KindOf(words.Lemmas[i]);
            if (kind == null) continue;
            int at = NumberBefore(words, i, claimed);
            if (at < 0) at = NumberAfter(words, i, claimed);
            if (at < 0 || Value(words, at) is not { } value) continue;
            claimed.Add(at);
            switch (kind)
            {
                case "killed": killed ??= value; break;
                case "injured": injured ??= value; break;
                default: hit ??= value; break;
            }
        }
        return new Casualties(killed, injured, hit);
    }

    private static string? KindOf(string lemma) =>
        Hits.Contains(lemma) ? "hit" : ContradictionFinder.CountKinds.Value.GetValueOrDefault(lemma) is var kind && kind is "killed" or "injured" ? kind : null;

    private static int NumberBefore(SentenceWords words, int toll, HashSet<int> claimed)
    {
        for (int j = toll - 1; j >= Math.Max(0, toll - MostWordsBack); j--)
        {
            if (words.Lower[j] is ";" or ":" || KindOf(words.Lemmas[j]) != null) return -1;
            if (Value(words, j) == null) continue;
            return claimed.Contains(j) || Age(words, j) || !CountsPeople(words, j) ? -1 : j;
        }
        return -1;
    }

    private static int NumberAfter(SentenceWords words, int toll, HashSet<int> claimed)
    {
        for (int j = toll + 1; j < words.Count; j++)
        {
            if (Value(words, j) != null) return claimed.Contains(j) || Age(words, j) || !CountsPeople(words, j) ? -1 : j;
            if (!Between.Contains(words.Lower[j])) return -1;
        }
        return -1;
    }

    /// <summary>The number a word is ("4", "four"), when it is one a toll can be.</summary>
    private static int? Value(SentenceWords words, int i)
    {
        var lower = words.Lower[i];
        if (lower.Length == 0 || !(char.IsDigit(lower[0]) || char.IsLetter(lower[0]))) return null;
        if (i > 0 && words.Lower[i - 1] == "no") return null; // "no one was hurt"
        int k = i;
        if (!FactWords.TryNumber(words.Lower, ref k, out var value) || k != i) return null;
        if (value < 1 || value > Largest || decimal.Truncate(value) != value) return null;
        return (int)value;
    }

    /// <summary>"Smith, 25, died", "ages 4 and 6": a number between commas right after a word, or after "age", is an age.</summary>
    private static bool Age(SentenceWords words, int i) =>
        i > 0 && (i + 1 < words.Count && words.Lower[i - 1] == "," && words.Lower[i + 1] == "," || words.Lemmas[i - 1] is "age" or "aged");

    /// <summary>The noun after the number (past adjectives and adverbs) counts people, or there is none.</summary>
    private static bool CountsPeople(SentenceWords words, int i)
    {
        int j = i + 1;
        while (j < words.Count && words.Tags[j] is "JJ" or "RB") j++;
        return j >= words.Count || !NotPeople.Contains(words.Lemmas[j]) && !NotPeople.Contains(words.Lower[j]);
    }

    private static readonly IReadOnlyDictionary<string, string[]> Lists = DataFiles.Sections("Situation", "casualties.txt");
    private static readonly HashSet<string> Hits = [.. Lists["Hit"]];
    private static readonly HashSet<string> NotPeople = [.. Lists["NotPeople"]];
    private static readonly HashSet<string> Between = [.. Lists["Between"]];
    private static readonly HashSet<string> Several = [.. Lists["Several"]];
}
