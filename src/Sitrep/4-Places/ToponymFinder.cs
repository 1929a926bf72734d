namespace Sitrep.Places;

/// <summary>
/// Finds place names in a text: the tagger's LOC mentions when the document has them, and runs of
/// capitalised words the gazetteer knows, read with the cues a reader uses. A first name before a
/// name makes it a person ("Henry Jackson"), an organisation word after it makes it part of an
/// organisation ("Kharkiv Regional Administration"), a street word an address ("Dublin Road").
/// Ordinary words ("Hope", "Mobile") need a locative cue; unknown spellings are tried through
/// their transliteration skeleton and one-letter edits when the place is prominent enough.
/// </summary>
public sealed partial class ToponymFinder(Gazetteer gazetteer, WordLists words)
{
    private const int MaxNameTokens = 6;
    private const int MaxFuzzyLength = 40;

    /// <param name="shared">The text stage's tokens of <paramref name="text"/>, which the finder splits into its words.</param>
    public List<Toponym> Find(string text, IReadOnlyList<Sitrep.Token> shared, IReadOnlyList<EntityMention> entities)
    {
        var tokens = Words(text, shared);
        Memo.Clear();
        var surnames = new HashSet<string>(StringComparer.Ordinal);
        var found = Scan(text, tokens, entities, [], surnames);
        // A name read as a place once is a place name throughout the document ("in Mobile ... Mobile
        // officials"), except where a person's or organisation's name holds it.
        var accepted = found.Where(t => t.Role == ToponymRole.Place && !t.Fuzzy).Select(t => t.Key).ToHashSet();
        // The tagger may take a lone place name it does not know for a person ("El Fashar" in the
        // headline is a place, so it is one in the body too).
        var readAsPlace = found.Where(t => t.Role == ToponymRole.Place).Select(t => t.Key).ToHashSet();
        var persons = entities.Where(e => e.Type == EntityType.Person && e.Start >= 0 && e.End <= text.Length && e.End > e.Start
                                          && readAsPlace.Contains(PlaceNames.Fold(text.AsSpan(e.Start, e.End - e.Start)))).ToHashSet();
        found = Scan(text, tokens, persons.Count == 0 ? entities : entities.Where(e => !persons.Contains(e)).ToList(), accepted, surnames);
        AddAcronyms(text, tokens, found);
        AddNamedFeatures(text, tokens, found);
        AddCountyLists(text, tokens, found);
        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return AttachContainers(text, found);
    }

    private List<Toponym> Scan(string text, List<Token> tokens, IReadOnlyList<EntityMention> entities, HashSet<string> accepted, HashSet<string> surnames)
    {
        var found = new List<Toponym>();
        var taken = new bool[text.Length + 1];
        var unknown = new List<Toponym>();
        foreach (var e in entities)
        {
            if (e.Type != EntityType.Location || e.Start < 0 || e.End > text.Length || e.End <= e.Start) continue;
            var toponym = FromEntity(text, e);
            if (NamesDisease(text, e.End, toponym.Candidates)) continue;
            // A location the gazetteer does not know may hold a name it knows ("North Texas", "the
            // Paris Public Library"): its words are read like any others, and it stays a place of
            // its own only when they hold none.
            if (toponym.Candidates.Count == 0) { unknown.Add(toponym); continue; }
            // One ordinary word or given name ("One man was killed", "Sidney and Lois Eskenazi
            // Hospital") needs the evidence the finder asks of it: the tagger's type alone is not enough.
            if (IsOrdinaryWord(text, e, toponym.Candidates)) continue;
            if (DistrictNouns.Contains(NextWord(text, e.End))) toponym = toponym with { Role = ToponymRole.Feature, District = true };
            found.Add(toponym);
            for (int c = e.Start; c < e.End; c++) taken[c] = true;
        }
        for (int i = 0; i < tokens.Count; i++)
        {
            if (!IsCapitalised(text, tokens[i]) || taken[tokens[i].Start]) continue;
            int runEnd = RunEnd(text, tokens, i);
            var run = new Run(i, runEnd);
            if (LongestMatch(text, tokens, i, runEnd) is not { } whole || whole.EndToken < runEnd)
            {
                if (IsPersonRun(text, tokens, run, surnames))
                {
                    i = runEnd - 1;
                    continue;
                }
            }
            int next = i;
            for (int s = i; s < runEnd; s = next)
            {
                next = s + 1;
                if (!IsCapitalised(text, tokens[s])) continue;
                var match = LongestMatch(text, tokens, s, runEnd);
                if (match is not { } m) continue;
                var toponym = Read(text, tokens, run, m, entities, surnames, accepted);
                if (toponym == null) continue; // a shorter name inside may still be a place
                // The rest of an organisation's name holds no place of its own ("Paris Police Department").
                next = toponym.Role == ToponymRole.Organisation ? NameEnd(text, tokens, m.EndToken, runEnd) : m.EndToken;
                if (!Overlaps(toponym, taken)) found.Add(toponym);
            }
            i = runEnd - 1;
        }
        foreach (var t in unknown)
            if (!found.Any(f => f.Start < t.End && t.Start < f.End)) found.Add(t);
        return found;
    }

    /// <summary>
    /// "the M4 motorway", "the Antonivskyi bridge": a named feature with no place name in it. It has
    /// no candidates of its own; the geoparser places it at the nearest place of its sentence.
    /// </summary>
    private static void AddNamedFeatures(string text, List<Token> tokens, List<Toponym> found)
    {
        for (int k = 1; k + 1 < tokens.Count; k++)
        {
            if (!FeatureNouns.Contains(Word(text, tokens[k]))) continue;
            int first = k;
            while (first > 0 && k - first < 3 && IsFeatureName(text, tokens[first - 1]) && tokens[first].Start - tokens[first - 1].End == 1) first--;
            if (first == k || first == 0 || !Word(text, tokens[first - 1]).Equals("the", StringComparison.OrdinalIgnoreCase)) continue;
            var span = new TextSpan(tokens[first].Start, tokens[k].End);
            if (found.Any(t => t.Start < span.End && span.Start < t.End)) continue;
            var surface = text[span.Start..span.End];
            found.Add(new Toponym(span.Start, span.End, surface, PlaceNames.Fold(surface), [], ToponymRole.Feature));
        }
    }

    /// <summary>
    /// "Boone and Henry counties", "Clay, Grant and Otter Tail counties": each name of the list is a
    /// county of that name, whatever else it may name alone (a town, a person).
    /// </summary>
    private void AddCountyLists(string text, List<Token> tokens, List<Toponym> found)
    {
        for (int k = 1; k < tokens.Count; k++)
        {
            var generic = Word(text, tokens[k]).ToLowerInvariant() switch { "counties" => " County", "parishes" => " Parish", _ => null };
            if (generic == null) continue;
            // Walk back over the names, last first, while a comma, "and" or "or" joins them.
            var names = new List<(int First, int End)>();
            int end = k;
            while (end > 0 && IsCapitalised(text, tokens[end - 1]))
            {
                int first = end - 1;
                while (first > 0 && end - first < 3 && IsCapitalised(text, tokens[first - 1]) && tokens[first].Start - tokens[first - 1].End == 1) first--;
                names.Add((first, end));
                if (first == 0) break;
                if (Word(text, tokens[first - 1]) is "and" or "or") end = first - 1;
                else if (text.AsSpan(tokens[first - 1].End, tokens[first].Start - tokens[first - 1].End).Trim() is ",") end = first;
                else break;
            }
            if (names.Count < 2) continue;
            foreach (var (first, last) in names)
            {
                // "Small Hitchcock": the longest county name the words end with.
                for (int f = first; f < last; f++)
                {
                    var span = new TextSpan(tokens[f].Start, tokens[last - 1].End);
                    var surface = text[span.Start..span.End];
                    var key = PlaceNames.Fold(surface + generic);
                    var counties = gazetteer.Find(key).Where(c => c.Entry.Kind == PlaceKind.Admin2).ToList();
                    if (counties.Count == 0) continue;
                    found.RemoveAll(t => t.Start < span.End && span.Start < t.End);
                    found.Add(new Toponym(span.Start, span.End, surface, key, counties, ToponymRole.Place));
                    break;
                }
            }
        }
    }

    /// <summary>
    /// "West Nile virus", "Marburg fever": a disease named after a place happens anywhere. Not a
    /// country's name: "the United States flu season" is the country's.
    /// </summary>
    private static bool NamesDisease(string text, int end, IReadOnlyList<NameMatch> candidates) =>
        DiseaseNouns.Contains(NextWord(text, end)) && !candidates.Any(c => c.Entry.Kind == PlaceKind.Country);

    /// <summary>The word right after <paramref name="end"/> and one space, or "".</summary>
    private static string NextWord(string text, int end)
    {
        if (end + 1 >= text.Length || text[end] != ' ' || !char.IsLetter(text[end + 1])) return "";
        int k = end + 1;
        while (k < text.Length && char.IsLetter(text[k])) k++;
        return text[(end + 1)..k];
    }

    /// <summary>
    /// A lone word the tagger calls a location that the finder reads itself: an ordinary word naming
    /// no major place ("One man was killed", but "Reading was quiet"), a compass point that is not a
    /// region ("West 42nd Street", not "the West"), a given name inside a longer name ("Sidney and
    /// Lois Eskenazi Hospital").
    /// </summary>
    private bool IsOrdinaryWord(string text, EntityMention e, IReadOnlyList<NameMatch> candidates)
    {
        var w = text[e.Start..e.End];
        if (w.AsSpan().ContainsAny(" -.") || IsAllCaps(w)) return false;
        if (Compass.Contains(w)) return !text.AsSpan(0, e.Start).EndsWith("the ", StringComparison.OrdinalIgnoreCase);
        if (words.IsCommonWord(w)) return !IsMajor(candidates);
        if (Titles.Contains(w)) return true; // "the Pope", "the Governor"
        return words.IsFirstName(w) && OrganisationNameFollows(text, e.End);
    }

    /// <summary>"Sidney| and Lois Eskenazi Hospital": the capitalised words after <paramref name="end"/> (joined by "and") end in an organisation word.</summary>
    private static bool OrganisationNameFollows(string text, int end)
    {
        string last = "";
        for (int n = 0; n < MaxNameTokens; n++)
        {
            var next = NextWord(text, end);
            if (next.Length == 0 || !char.IsUpper(next[0]) && next != "and") break;
            if (next != "and") last = next;
            end += 1 + next.Length;
        }
        return OrganisationWords.Contains(last);
    }

    private static bool IsFeatureName(string text, Token t) => char.IsUpper(text[t.Start]) || char.IsDigit(text[t.Start]) && t.End - t.Start <= 4;

    /// <summary>"New South Wales ... NSW": the acronym of a place named in the text names the same place.</summary>
    private static void AddAcronyms(string text, List<Token> tokens, List<Toponym> found)
    {
        var acronyms = new Dictionary<string, Toponym>(StringComparer.Ordinal);
        foreach (var t in found)
        {
            if (t.Role != ToponymRole.Place) continue;
            var initials = string.Concat(t.Text.Split(' ', '-').Where(w => w.Length > 0 && char.IsUpper(w[0])).Select(w => w[0]));
            // Three or more initials stand for the name anywhere in the text ("NSW", "DRC");
            // two only where the text defines them: "Hong Kong (HK)".
            if (initials.Length >= 3) acronyms.TryAdd(initials, t);
            if (t.End + 4 >= text.Length || text[t.End] != ' ' || text[t.End + 1] != '(') continue;
            int close = text.IndexOf(')', t.End + 2);
            if (close < 0 || close - t.End - 2 is < 2 or > 6) continue;
            var acronym = text[(t.End + 2)..close];
            if (acronym == initials) acronyms.TryAdd(acronym, t);
        }
        if (acronyms.Count == 0) return;
        var taken = found.Select(t => (t.Start, t.End)).ToList();
        foreach (var token in tokens)
        {
            if (!acronyms.TryGetValue(text[token.Start..token.End], out var place)) continue;
            if (taken.Any(x => x.Start < token.End && token.Start < x.End)) continue;
            found.Add(place with { Start = token.Start, End = token.End, Text = text[token.Start..token.End], Container = [] });
        }
    }

    // ---- tokens --------------------------------------------------------------------------------

    internal readonly record struct Token(int Start, int End);

    private readonly record struct Run(int First, int End);

    private readonly record struct Match(int StartToken, int EndToken, int End, string Key, IReadOnlyList<NameMatch> Candidates, bool Fuzzy);

    /// <summary>
    /// The words of the shared tokens: letters and digits, joined by inner apostrophes, the dots of
    /// "U.S." or "W.Va." and the hyphen of an Arabic article ("al-Fashir"); other hyphens split a token
    /// ("Fargo-Moorhead"), as gazetteer names are matched word by word.
    /// </summary>
    internal static List<Token> Words(string text, IReadOnlyList<Sitrep.Token> shared)
    {
        var tokens = new List<Token>();
        foreach (var token in shared)
        {
            int i = token.Start, end = token.End;
            while (i < end)
            {
                if (!char.IsLetterOrDigit(text[i])) { i++; continue; }
                int start = i;
                while (i < end)
                {
                    if (char.IsLetterOrDigit(text[i]) || char.GetUnicodeCategory(text[i]) == System.Globalization.UnicodeCategory.NonSpacingMark) i++;
                    else if (text[i] is '-' or '\'' or '’' or '.' && i + 1 < end && char.IsLetter(text[i + 1])
                             && (text[i] != '.' || IsInitialDot(text, start, i)) && (text[i] != '-' || IsArticle(text, start, i))
                             && !IsPossessive(text, i)) i++;
                    else break;
                }
                tokens.Add(new Token(start, i));
            }
        }
        return tokens;
    }

    // Hyphens split words ("Fargo-Moorhead", "R-Marshall") except after an Arabic article ("al-Fashir").
    private static bool IsArticle(string text, int start, int hyphen) =>
        hyphen - start is 2 or 3 && text.AsSpan(start, hyphen - start).ToString().ToLowerInvariant() is "al" or "el" or "ar" or "as" or "ad" or "an" or "at" or "az" or "ash" or "ad" or "ed" or "en" or "es" or "et";

    // "People's" stays whole: it belongs to country names ("People's Republic of China").
    private static bool IsPossessive(string text, int apostrophe) =>
        !(apostrophe >= 6 && text.AsSpan(apostrophe - 6, 6).SequenceEqual("People")) && apostrophe + 1 < text.Length && text[apostrophe] is '\'' or '’' && text[apostrophe + 1] == 's' && (apostrophe + 2 == text.Length || !char.IsLetter(text[apostrophe + 2]));

    // A dot inside a word only in abbreviations written without spaces: "U.S", "W.Va", "N.Y", "N.S.W".
    private static bool IsInitialDot(string text, int start, int dot) =>
        char.IsUpper(text[start]) && char.IsUpper(text[dot + 1])
        && (dot - start <= 2 || IsInitials(text.AsSpan(start, dot - start)) && (dot + 2 == text.Length || !char.IsLetter(text[dot + 2]))); // not "D.C.Peddling"

    // "N.S", "P.E": capitals each followed by a dot but the last.
    private static bool IsInitials(ReadOnlySpan<char> s)
    {
        if (s.Length % 2 == 0) return false;
        for (int i = 0; i < s.Length; i++)
            if (i % 2 == 0 ? !char.IsUpper(s[i]) : s[i] != '.') return false;
        return true;
    }

    private static readonly HashSet<string> Connectors = [.. ToponymWords.List("Connectors")];

    private static bool IsCapitalised(string text, Token t)
    {
        char c = text[t.Start];
        if (char.IsUpper(c)) return true;
        // "al-Fashir", "el-Obeid": a lower-case article joined to a capitalised name.
        int dash = text.IndexOf('-', t.Start, t.End - t.Start);
        return dash > 0 && dash <= t.Start + 3 && dash + 1 < t.End && char.IsUpper(text[dash + 1]);
    }

    /// <summary>The end of a run of capitalised words (with inner connectors) starting at <paramref name="i"/>.</summary>
    private static int RunEnd(string text, List<Token> tokens, int i)
    {
        int end = i + 1;
        while (end < tokens.Count)
        {
            if (PossessiveBeforeAdmin(text, tokens, end)) { end += 2; continue; }
            if (!Adjacent(text, tokens[end - 1], tokens[end])) break;
            if (IsCapitalised(text, tokens[end])) { end++; continue; }
            var word = Word(text, tokens[end]);
            bool hyphenated = text[tokens[end].Start - 1] == '-' && tokens[end].End < text.Length && text[tokens[end].End] == '-';
            if ((Connectors.Contains(word) || hyphenated) && end + 1 < tokens.Count && Adjacent(text, tokens[end], tokens[end + 1])
                && IsCapitalised(text, tokens[end + 1])) { end += 2; continue; }
            break;
        }
        return end;
    }

    /// <summary>"Prince George's County", "St. Mary's County": the possessive "s" at <paramref name="k"/> joins a name to its generic word.</summary>
    private static bool PossessiveBeforeAdmin(string text, List<Token> tokens, int k) =>
        k + 1 < tokens.Count && tokens[k].End - tokens[k].Start == 1 && text[tokens[k].Start] == 's'
        && tokens[k].Start - 1 == tokens[k - 1].End && text[tokens[k - 1].End] is '\'' or '’'
        && Adjacent(text, tokens[k], tokens[k + 1]) && AdminWords.Contains(Word(text, tokens[k + 1]).TrimEnd('.'));

    private static bool Adjacent(string text, Token a, Token b)
    {
        int gap = b.Start - a.End;
        if (gap == 1) return text[a.End] is ' ' or '-';
        // "St. Louis", "Ft. Worth": an abbreviation's dot then a space.
        // "W. Va.", "N. Y.": an initial's dot then a space.
        return gap == 2 && text[a.End] == '.' && text[a.End + 1] == ' '
               && (Word(text, a) is "St" or "Mt" or "Ft" or "Pt" || a.End - a.Start == 1 && char.IsUpper(text[a.Start]) && b.End - b.Start <= 3);
    }

    private static string Word(string text, Token t) => text.Substring(t.Start, t.End - t.Start);

    private static bool IsSentenceStart(string text, Token t)
    {
        for (int k = t.Start - 1; k >= 0; k--)
        {
            char c = text[k];
            if (c is ' ' or '"' or '“' or '‘' or '\'' or '(' or '\t') continue;
            return c is '.' or '!' or '?' or ':' or '\n' or '\r' or '•' or '-' or '—';
        }
        return true;
    }

    // ---- matching ------------------------------------------------------------------------------

    private Match? LongestMatch(string text, List<Token> tokens, int s, int runEnd)
    {
        if (Memo.TryGetValue((s, runEnd), out var known)) return known;
        return Memo[(s, runEnd)] = LongestMatchUncached(text, tokens, s, runEnd);
    }

    // Both passes over a document ask the same questions: the answers are kept for the document.
    [ThreadStatic] private static Dictionary<(int, int), Match?>? memoStore;
    private static Dictionary<(int, int), Match?> Memo => memoStore ??= [];

    // Capitals without inner dots: "NSW", "BC" (not "U.S", "Ga").
    private static bool IsAcronym(string word) => word.Length > 1 && word.All(char.IsAsciiLetterUpper);

    private Match? LongestMatchUncached(string text, List<Token> tokens, int s, int runEnd)
    {
        var head = Word(text, tokens[s]);
        if (CalendarWords.Contains(head) || OrganisationWords.Contains(head) || IsContraction(head)) return null;
        int max = Math.Min(MaxNameTokens, runEnd - s);
        for (int n = max; n >= 1; n--)
        {
            var last = tokens[s + n - 1];
            if (!IsCapitalised(text, last)) continue;
            if (n == 1 && Compass.Contains(head)) break; // "East" alone names no place, whatever region bears the name
            int end = last.End;
            var key = PlaceNames.Fold(text.AsSpan(tokens[s].Start, end - tokens[s].Start));
            IReadOnlyList<NameMatch> exact = gazetteer.Find(key);
            if (exact.Count > 0)
            {
                exact = WithProminentVariants(key, exact);
                // Keep the dot of an abbreviation the gazetteer writes with one ("Ga.", "U.S."); "NSW." ends a sentence.
                if (end < text.Length && text[end] == '.' && !IsAcronym(Word(text, last)) && exact.Any(c => c.Alias == AliasKind.Abbreviation || c.Entry.Kind == PlaceKind.Country && key.Length <= 3))
                    end++;
                return new Match(s, s + n, end, key, exact, false);
            }
            // A dictionary word alone is no misspelling of a place ("Republic" / "Republica").
            if ((n > 1 || !words.IsDictionaryWord(Word(text, tokens[s])))
                && Enumerable.Range(s, n).All(k => IsArabicArticle(Word(text, tokens[k])) && k + 1 < s + n
                                               || IsCapitalised(text, tokens[k]) && !words.IsCommonWord(Word(text, tokens[k])) && !words.IsFirstName(Word(text, tokens[k]))))
            {
                var fuzzy = FindFuzzy(key);
                if (fuzzy.Count > 0) return new Match(s, s + n, end, key, fuzzy, true);
            }
        }
        return null;
    }

    /// <summary>
    /// Other spellings of a name not in the gazetteer: the same transliteration skeleton, or one
    /// letter added, dropped, changed or swapped. Only places prominent enough that a writer would
    /// name them without spelling help qualify, the more so the shorter the name.
    /// </summary>
    public IReadOnlyList<NameMatch> FindFuzzy(string key)
    {
        if (key.Length > MaxFuzzyLength) return []; // no place name is that long; spares garbage input
        var result = FindBySkeleton(key);
        if (result.Count > 0 || key.Length < 6) return result;
        foreach (var e in gazetteer.FindWithinOneEdit(key))
            if (!result.Any(r => r.Entry == e)) result.Add(new NameMatch(e, AliasKind.Variant));
        return result;
    }

    private List<NameMatch> FindBySkeleton(string key)
    {
        if (key.Replace(" ", "").Length < 4) return [];
        var skeleton = PlaceNames.Skeleton(key);
        int strength = PlaceNames.Strength(skeleton);
        long floor = strength >= 4 ? 20_000 : strength == 3 ? 100_000 : 500_000;
        var result = new List<NameMatch>();
        // The outline finds candidates; the spelling must still be close for its length.
        double allowed = Math.Max(1, key.Replace(" ", "").Length / 5.0);
        foreach (var e in gazetteer.FindBySkeleton(skeleton))
            if (Prominent(e, floor) && PlaceNames.Distance(key, PlaceNames.Fold(e.Name)) <= allowed) result.Add(new NameMatch(e, AliasKind.Variant));
        return result;
    }

    /// <summary>
    /// "Odessa" is a Texan town by its exact spelling and Ukraine's Odesa by its skeleton: a much
    /// bigger place spelt a little differently joins the candidates, and the document decides.
    /// </summary>
    private IReadOnlyList<NameMatch> WithProminentVariants(string key, IReadOnlyList<NameMatch> exact)
    {
        if (exact.Any(c => c.Entry.Kind is PlaceKind.Country or PlaceKind.Admin1 or PlaceKind.Region)) return exact;
        long biggest = exact.Max(c => c.Entry.Population);
        var variants = FindBySkeleton(key).Where(v => v.Entry.Population >= Math.Max(100_000, 5 * biggest) && exact.All(c => c.Entry != v.Entry)).ToList();
        return variants.Count == 0 ? exact : [.. exact, .. variants];
    }

    private static bool Prominent(GazetteerEntry e, long floor) =>
        e.Kind is PlaceKind.Country or PlaceKind.Admin1 or PlaceKind.Region || e.Population >= floor;
}

/// <summary>The geoparser's word lists (Data/toponym-words.txt), loaded before any list is read whatever file declares it.</summary>
internal static class ToponymWords
{
    private static readonly IReadOnlyDictionary<string, string[]> Lists = DataFiles.Sections("Places", "toponym-words.txt");

    public static string[] List(string name) => Lists[name];
}
