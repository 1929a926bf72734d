namespace Sitrep.Places;

/// <summary>
/// Finds place names in a text: the tagger's LOC mentions when the document has them, and runs of
/// capitalised words the gazetteer knows, read with the cues a reader uses. A first name before a
/// name makes it a person ("Henry Jackson"), an organisation word after it makes it part of an
/// organisation ("Kharkiv Regional Administration"), a street word an address ("Dublin Road").
/// Ordinary words ("Hope", "Mobile") need a locative cue; unknown spellings are tried through
/// their transliteration skeleton and one-letter edits when the place is prominent enough.
/// </summary>
public sealed class ToponymFinder(Gazetteer gazetteer, WordLists words)
{
    private const int MaxNameTokens = 6;
    private const int MaxFuzzyLength = 40;

    public List<Toponym> Find(string text, IReadOnlyList<EntityMention> entities)
    {
        var tokens = Tokenize(text);
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
            // A location the gazetteer does not know may hold a name it knows ("North Texas", "the
            // Paris Public Library"): its words are read like any others, and it stays a place of
            // its own only when they hold none.
            if (toponym.Candidates.Count == 0) { unknown.Add(toponym); continue; }
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

    /// <summary>Words: letters and digits, joined by inner hyphens, apostrophes and the dots of "U.S." or "W.Va.".</summary>
    internal static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i])) { i++; continue; }
            int start = i;
            while (i < text.Length)
            {
                if (char.IsLetterOrDigit(text[i]) || char.GetUnicodeCategory(text[i]) == System.Globalization.UnicodeCategory.NonSpacingMark) i++;
                else if (text[i] is '-' or '\'' or '’' or '.' && i + 1 < text.Length && char.IsLetter(text[i + 1])
                         && (text[i] != '.' || IsInitialDot(text, start, i)) && (text[i] != '-' || IsArticle(text, start, i))
                         && !IsPossessive(text, i)) i++;
                else break;
            }
            tokens.Add(new Token(start, i));
        }
        return tokens;
    }

    // Hyphens split words ("Fargo-Moorhead", "R-Marshall") except after an Arabic article ("al-Fashir").
    private static bool IsArticle(string text, int start, int hyphen) =>
        hyphen - start is 2 or 3 && text.AsSpan(start, hyphen - start).ToString().ToLowerInvariant() is "al" or "el" or "ar" or "as" or "ad" or "an" or "at" or "az" or "ash" or "ad" or "ed" or "en" or "es" or "et";

    // "People's" stays whole: it belongs to country names ("People's Republic of China").
    private static bool IsPossessive(string text, int apostrophe) =>
        !(apostrophe >= 6 && text.AsSpan(apostrophe - 6, 6).SequenceEqual("People")) && apostrophe + 1 < text.Length && text[apostrophe] is '\'' or '’' && text[apostrophe + 1] == 's' && (apostrophe + 2 == text.Length || !char.IsLetter(text[apostrophe + 2]));

    // A dot inside a word only in abbreviations written without spaces: "U.S", "W.Va", "N.Y".
    private static bool IsInitialDot(string text, int start, int dot) =>
        dot - start <= 2 && char.IsUpper(text[start]) && char.IsUpper(text[dot + 1]);

    private static readonly IReadOnlyDictionary<string, string[]> Words = DataFiles.Sections("Places", "toponym-words.txt");

    private static readonly HashSet<string> Connectors = [.. Words["Connectors"]];

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
        while (end < tokens.Count && Adjacent(text, tokens[end - 1], tokens[end]))
        {
            if (IsCapitalised(text, tokens[end])) { end++; continue; }
            var word = Word(text, tokens[end]);
            bool hyphenated = text[tokens[end].Start - 1] == '-' && tokens[end].End < text.Length && text[tokens[end].End] == '-';
            if ((Connectors.Contains(word) || hyphenated) && end + 1 < tokens.Count && Adjacent(text, tokens[end], tokens[end + 1])
                && IsCapitalised(text, tokens[end + 1])) { end += 2; continue; }
            break;
        }
        return end;
    }

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
                // Keep the dot of an abbreviation the gazetteer writes with one ("Ga.", "U.S.").
                if (end < text.Length && text[end] == '.' && exact.Any(c => c.Alias == AliasKind.Abbreviation || c.Entry.Kind == PlaceKind.Country && key.Length <= 3))
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

    // ---- reading a match in its context ----------------------------------------------------------

    private static readonly HashSet<string> OrganisationWords = [.. Words["OrganisationWords"]];

    private static readonly HashSet<string> StreetWords = [.. Words["StreetWords"]];

    private static readonly HashSet<string> AdminWords = [.. Words["AdminWords"]];

    private static bool IsAdminName(string text, List<Token> tokens, Match m) => m.EndToken - m.StartToken > 1 && AdminWords.Contains(Word(text, tokens[m.EndToken - 1]).TrimEnd('.'));

    private static readonly HashSet<string> FeatureWords = [.. Words["FeatureWords"]];

    private static readonly HashSet<string> Compass = [.. Words["Compass"]];

    private static readonly HashSet<string> FeatureNouns = [.. Words["FeatureNouns"]];

    private static readonly HashSet<string> Titles = [.. Words["Titles"]];

    private static readonly HashSet<string> PlaceNouns = [.. Words["PlaceNouns"]];

    private static readonly HashSet<string> CalendarWords = [.. Words["CalendarWords"]];

    private static readonly HashSet<string> Locatives = [.. Words["Locatives"]];

    /// <summary>
    /// A person's name: after a title ("Gov. Beshear"), or two to four capitalised words starting
    /// with a given name or with a word that is neither a place nor an ordinary word ("Mahmoud Abbas").
    /// Its last word is remembered: alone later it is the person, not a town of that name.
    /// </summary>
    private bool IsPersonRun(string text, List<Token> tokens, Run run, HashSet<string> surnames)
    {
        int length = run.End - run.First;
        var last = Word(text, tokens[run.End - 1]);
        bool titled = run.First > 0 && Titles.Contains(Word(text, tokens[run.First - 1]).TrimEnd('.'));
        if (titled && length <= 3)
        {
            surnames.Add(last);
            return true;
        }
        if (length < 2 || length > 4) return false;
        for (int k = run.First; k < run.End; k++)
        {
            var w = Word(text, tokens[k]).TrimEnd('.');
            if (OrganisationWords.Contains(w) || StreetWords.Contains(w) || FeatureWords.Contains(w) || AdminWords.Contains(w) || !IsCapitalised(text, tokens[k]) || IsAllCaps(w)) return false;
        }
        var first = Word(text, tokens[run.First]);
        if (IsArabicArticle(first)) return false;
        bool given = words.IsFirstName(first) || !gazetteer.Contains(PlaceNames.Fold(first)) && !words.IsCommonWord(first);
        // "Georgia Smith" is a person, "Georgia Tech" is not: the second word must not be an ordinary word.
        if (!given || words.IsCommonWord(Word(text, tokens[run.First + 1]))) return false;
        // "North Texas", "Grant County": a compass point or ordinary word before a well-known place.
        if ((Compass.Contains(first) || words.IsCommonWord(first))
            && Enumerable.Range(run.First + 1, length - 1).Any(k => IsMajor(gazetteer.Find(PlaceNames.Fold(Word(text, tokens[k]))))))
            return false;
        surnames.Add(last);
        return true;
    }

    private Toponym? Read(string text, List<Token> tokens, Run run, Match m, IReadOnlyList<EntityMention> entities, HashSet<string> surnames, HashSet<string> accepted)
    {
        var start = tokens[m.StartToken].Start;
        var surface = text[start..m.End];
        foreach (var e in entities)
        {
            if (e.Start >= m.End || e.End <= start) continue;
            // A name the tagger took for a person is a place when the text places it: "in Nokomis",
            // "Louisville, Ky.", "Becker, Clay, Douglas" (a place before it in a list), "R-Elbow Lake".
            // No person's name holds "County": the tagger took "Henry County" for Henry.
            if (e.Type == EntityType.Person && !(e.Start == start && e.End == m.End && PlacedByContext(text, tokens, m)) && !IsAdminName(text, tokens, m)) return null;
            if (e.Type == EntityType.Person) continue;
            if (e.Type == EntityType.Organization) return new Toponym(start, m.End, surface, m.Key, m.Candidates, ToponymRole.Organisation);
            if (e.Type == EntityType.Misc) return new Toponym(start, m.End, surface, m.Key, m.Candidates, ToponymRole.Demonym);
        }
        int n = m.EndToken - m.StartToken;
        var firstWord = Word(text, tokens[m.StartToken]);
        bool single = n == 1;

        if (m.Candidates.All(c => c.Alias == AliasKind.Demonym))
            return new Toponym(start, m.End, surface, m.Key, m.Candidates, ToponymRole.Demonym);
        var candidates = m.Candidates.Where(c => c.Alias != AliasKind.Demonym).ToList();
        if (candidates.All(c => c.Alias == AliasKind.Abbreviation) && !IsDottedAbbreviation(surface) && !AfterCommaPlace(text, tokens, m.StartToken)
            && !AfterParty(text, tokens, m.StartToken)) return null;
        if (IsAllCaps(firstWord) && !candidates.Any(c => c.Entry.Kind is PlaceKind.Country or PlaceKind.Region || c.Alias == AliasKind.Abbreviation)
            && !IsDateline(text, tokens, m)) return null;
        if (single && firstWord.Length <= 2 && !IsAllCaps(firstWord) && m.End == tokens[m.StartToken].End) return null;
        if (single && Titles.Contains(firstWord)) return null; // "Sens.", "General", "Prince"

        // The name the match belongs to: its run of capitalised words, cut at "and" ("United States and Canada").
        int nameStart = m.StartToken, nameEnd = m.EndToken;
        while (nameStart > run.First && !IsListWord(Word(text, tokens[nameStart - 1])) && !AfterParty(text, tokens, nameStart)) nameStart--;
        while (nameEnd < run.End && !IsListWord(Word(text, tokens[nameEnd]))) nameEnd++;

        // What follows inside the same name: an organisation word, a street, a feature.
        for (int k = m.EndToken; k < nameEnd; k++)
        {
            var w = Word(text, tokens[k]).TrimEnd('.');
            // "East Bank Mayor Chuck Blair", "DuPage Sheriff John Zaruba": a title, not an organisation
            // ("the Sheriff's Office" is one).
            if (Titles.Contains(w) && !IsPossessive(text, tokens[k].End)) break;
            if (StreetWords.Contains(w) || k == m.EndToken && m.StartToken > 0 && IsHouseNumber(text, tokens[m.StartToken - 1])) return null;
            if (OrganisationWords.Contains(w)) return new Toponym(start, m.End, surface, m.Key, candidates, ToponymRole.Organisation);
            if (FeatureWords.Contains(w))
                return new Toponym(start, tokens[k].End, text[start..tokens[k].End], m.Key, candidates, ToponymRole.Feature) { Fuzzy = m.Fuzzy };
        }
        // "the Kherson airport": a feature named after the place, written in lower case.
        if (nameEnd == m.EndToken && m.EndToken < tokens.Count && tokens[m.EndToken].Start == m.End + 1
            && FeatureNouns.Contains(Word(text, tokens[m.EndToken])))
        {
            var feature = tokens[m.EndToken];
            return new Toponym(start, feature.End, text[start..feature.End], m.Key, candidates, ToponymRole.Feature) { Fuzzy = m.Fuzzy };
        }
        // "University of Georgia", "Bank of Kharkiv": an organisation word before, in the same run.
        for (int k = nameStart; k < m.StartToken; k++)
            if (OrganisationWords.Contains(Word(text, tokens[k]).TrimEnd('.')))
                return new Toponym(start, m.End, surface, m.Key, candidates, ToponymRole.Organisation);

        if (accepted.Contains(m.Key)) return new Toponym(start, m.End, surface, m.Key, candidates, ToponymRole.Place);
        if (single && surnames.Contains(firstWord) && !candidates.Any(c => c.Entry.Kind is PlaceKind.Country or PlaceKind.Admin1)) return null;
        bool common = Enumerable.Range(m.StartToken, n).All(k => words.IsCommonWord(Word(text, tokens[k])) || Connectors.Contains(Word(text, tokens[k])));
        bool dictionary = Enumerable.Range(m.StartToken, n).All(k => words.IsDictionaryWord(Word(text, tokens[k])) || Connectors.Contains(Word(text, tokens[k])));
        // An ordinary word inside a longer capitalised name is part of that name ("University of ...").
        bool major = IsMajor(candidates);
        if ((common || dictionary && !major) && nameEnd - nameStart > n) return null;
        bool cue = Locative(text, tokens, m.StartToken) || AfterParty(text, tokens, m.StartToken) || AfterCommaPlace(text, tokens, m.StartToken) || ContainerFollows(text, tokens, m.EndToken)
                   || PlaceNounFollows(text, tokens, m.EndToken) || IsAdminName(text, tokens, m);
        if (common && !cue && (!major || IsSentenceStart(text, tokens[m.StartToken]))) return null;
        if (dictionary && !cue && !major) return null;
        // A small place named once, with nothing saying it is a place, is more likely a surname or a word.
        bool small = candidates.All(c => c.Entry.Kind is PlaceKind.City or PlaceKind.Admin2 && c.Entry.Population < 10_000 || c.Alias == AliasKind.Short);
        if (single && small && !cue) return null;
        // A respelling or a given name alone needs a cue unless it names a country or a city
        // ("Saturn" is no spelling of Thailand's Satun province).
        bool prominent = candidates.Any(c => c.Entry.Kind is PlaceKind.Country or PlaceKind.Region
                                             || c.Entry.Kind == PlaceKind.City && c.Entry.Population >= 100_000);
        if (m.Fuzzy && !cue && !prominent) return null;
        if (single && words.IsFirstName(firstWord) && !cue && !prominent && !candidates.Any(c => c.Entry.Kind == PlaceKind.Admin1 || c.Entry.Population >= 100_000)) return null;
        return new Toponym(start, m.End, surface, m.Key, candidates, ToponymRole.Place) { Fuzzy = m.Fuzzy };
    }

    private Toponym FromEntity(string text, EntityMention e)
    {
        var surface = text[e.Start..e.End];
        var key = PlaceNames.Fold(surface);
        if (key.StartsWith("the ")) key = key[4..];
        IReadOnlyList<NameMatch> candidates = gazetteer.Find(key);
        bool fuzzy = false;
        if (candidates.Count == 0)
        {
            candidates = FindFuzzy(key);
            fuzzy = candidates.Count > 0;
        }
        return new Toponym(e.Start, e.End, surface, key, candidates.Where(c => c.Alias != AliasKind.Demonym).ToList(), ToponymRole.Place) { Fuzzy = fuzzy };
    }

    // "We're", "They'll", "Don't": a pronoun or verb, not "Were".
    private static bool IsContraction(string word)
    {
        int a = word.IndexOfAny(['\'', '’']);
        return a > 0 && word.Length - a - 1 is 1 or 2 && word[(a + 1)..].All(char.IsLower) && !word.StartsWith("People");
    }

    // "W.Va.", "S.C.", "D.C.": no word is spelt like these; "Ga.", "Ind." are ("Ind." = independent).
    private static bool IsDottedAbbreviation(string surface) => surface.IndexOf('.') is > 0 and var dot && dot < surface.Length - 1;

    private static bool IsAllCaps(string word) => word.Length > 1 && word.All(c => !char.IsLetter(c) || char.IsUpper(c));

    /// <summary>"CHARLESTON, W.Va. --", "BEIRUT:", "NEWARK  It": a place in capitals before a comma, colon, dash or gap.</summary>
    // "Al Fashir", "El Obeid": written apart, the article is still part of the name.
    private static bool IsArabicArticle(string word) => word is "Al" or "El" or "Ar" or "Ad" or "Az" or "Ash" or "Ath" or "Adh";

    private static int NameEnd(string text, List<Token> tokens, int k, int runEnd)
    {
        while (k < runEnd && !IsListWord(Word(text, tokens[k]))) k++;
        return k;
    }

    private static bool IsListWord(string word) => word is "and" or "or" or "&";

    private static bool IsMajor(IEnumerable<NameMatch> candidates) =>
        candidates.Any(c => c.Alias is AliasKind.Name or AliasKind.Variant && (c.Entry.Kind is PlaceKind.Country or PlaceKind.Admin1 or PlaceKind.Region || c.Entry.Population >= 100_000));

    private static bool IsDateline(string text, List<Token> tokens, Match m)
    {
        if (m.End + 2 >= text.Length) return false;
        if (text[m.End] == ' ' && text[m.End + 1] == ' ') return true; // "NEWARK  It was ..."
        var after = text.AsSpan(m.End).TrimStart(' ');
        return after.Length > 0 && after[0] is ',' or ':' or '-' or '—' or '–';
    }

    /// <summary>"Sen. Bob Casey, D-Pa.", "Rep. Marty Seifert, R-Marshall": a legislator's party and home.</summary>
    private static bool AfterParty(string text, List<Token> tokens, int k) =>
        k > 0 && tokens[k - 1].End == tokens[k].Start - 1 && text[tokens[k - 1].End] == '-' && Word(text, tokens[k - 1]) is "D" or "R" or "I" or "DFL";

    private static bool IsHouseNumber(string text, Token t) => char.IsDigit(text[t.Start]) && t.End + 1 < text.Length;

    private static bool Locative(string text, List<Token> tokens, int k) =>
        k > 0 && tokens[k - 1].End >= tokens[k].Start - 2 && Locatives.Contains(Word(text, tokens[k - 1]).ToLowerInvariant())
        || k > 1 && Word(text, tokens[k - 1]) == "the" && Locatives.Contains(Word(text, tokens[k - 2]).ToLowerInvariant());

    /// <summary>"Gainesville, Ga.": right after a comma that follows a capitalised place name.</summary>
    private bool PlacedByContext(string text, List<Token> tokens, Match m) =>
        Locative(text, tokens, m.StartToken) || ContainerFollows(text, tokens, m.EndToken) || AfterCommaPlace(text, tokens, m.StartToken)
        || AfterParty(text, tokens, m.StartToken) || BeforeCommaPlace(text, tokens, m.EndToken) || PlaceNounFollows(text, tokens, m.EndToken);

    /// <summary>"a Rochester man", "Richmond natives", "Vancouver officials".</summary>
    private static bool PlaceNounFollows(string text, List<Token> tokens, int k) => k < tokens.Count && PlaceNouns.Contains(Word(text, tokens[k]));

    /// <summary>"Becker, Clay": another place name right after a comma (the first of a list).</summary>
    private bool BeforeCommaPlace(string text, List<Token> tokens, int k)
    {
        if (k >= tokens.Count || k == 0 || !text.AsSpan(tokens[k - 1].End, tokens[k].Start - tokens[k - 1].End).Trim().SequenceEqual(",")) return false;
        var after = tokens[k];
        return char.IsUpper(text[after.Start]) && gazetteer.Contains(PlaceNames.Fold(text.AsSpan(after.Start, after.End - after.Start)));
    }

    private bool AfterCommaPlace(string text, List<Token> tokens, int k)
    {
        if (k == 0 || !text.AsSpan(tokens[k - 1].End, tokens[k].Start - tokens[k - 1].End).Trim().SequenceEqual(",")) return false;
        var before = tokens[k - 1];
        return char.IsUpper(text[before.Start]) && gazetteer.Contains(PlaceNames.Fold(text.AsSpan(before.Start, before.End - before.Start)));
    }

    /// <summary>", Texas", ", Ga.", ", Ukraine" right after: a place the name lies in.</summary>
    private bool ContainerFollows(string text, List<Token> tokens, int k)
    {
        if (k >= tokens.Count || k == 0 || !text.AsSpan(tokens[k - 1].End, tokens[k].Start - tokens[k - 1].End).Trim().SequenceEqual(",")) return false;
        for (int n = 1; n <= 2 && k + n <= tokens.Count; n++)
        {
            var key = PlaceNames.Fold(text.AsSpan(tokens[k].Start, tokens[k + n - 1].End - tokens[k].Start));
            if (gazetteer.Find(key).Any(c => c.Alias == AliasKind.Abbreviation || c.Entry.Kind is PlaceKind.Admin1 or PlaceKind.Country)) return true;
        }
        return false;
    }

    private static bool Overlaps(Toponym t, bool[] taken)
    {
        for (int c = t.Start; c < t.End; c++) if (taken[c]) return true;
        return false;
    }

    /// <summary>
    /// "Paris, Texas", "Gainesville, Ga.": the second name contains the first, unless the names
    /// form a list ("Texas, Utah, Washington and Wyoming"), whose members are read as the same kind
    /// of place. "Washington state" and "the state of Washington" name the region too.
    /// </summary>
    private static List<Toponym> AttachContainers(string text, List<Toponym> found)
    {
        for (int i = 0; i < found.Count;)
        {
            int j = i;
            bool conjunction = false;
            // "Gainesville, Ga., and Athens": a state abbreviation closes its town, it starts no list.
            while (j + 1 < found.Count && found[j].Role == ToponymRole.Place && found[j + 1].Role == ToponymRole.Place
                   && !IsAbbreviation(found[j + 1]) && ListSeparator(text, found[j], found[j + 1]) is { } separator)
            {
                conjunction |= separator;
                j++;
            }
            int count = j - i + 1;
            if (count >= 3 || count == 2 && conjunction)
            {
                int regions = Enumerable.Range(i, count).Count(k => IsRegionLike(found[k]));
                for (int k = i; k <= j; k++)
                    if (regions - (IsRegionLike(found[k]) ? 1 : 0) >= 2) found[k] = found[k] with { RegionHint = true };
            }
            else if (count == 2)
                found[i] = found[i] with { Container = found[j].Candidates };
            if (j + 1 < found.Count && IsAbbreviation(found[j + 1]) && ListSeparator(text, found[j], found[j + 1]) == false)
                found[j] = found[j] with { Container = found[j + 1].Candidates };
            i = j + 1;
        }
        for (int i = 0; i < found.Count; i++)
            if (StateWordAround(text, found[i])) found[i] = found[i] with { RegionHint = true };
        // An abbreviation needs its town: "Ga." alone is no place.
        return found.Where((t, i) => t.Role != ToponymRole.Place || t.Candidates.Count == 0 || !t.Candidates.All(c => c.Alias == AliasKind.Abbreviation)
                                      || IsDottedAbbreviation(t.Text) || i > 0 && found[i - 1].Container.Count > 0).ToList();
    }

    /// <summary>What joins two names of a list: null when they are not adjacent in one; true for "and"/"or".</summary>
    private static bool? ListSeparator(string text, Toponym a, Toponym b)
    {
        if (b.Start < a.End) return null;
        var between = text.AsSpan(a.End, b.Start - a.End).Trim();
        if (between is ",") return false;
        return between is "and" or "or" or ", and" or ", or" ? true : null;
    }

    private static bool IsAbbreviation(Toponym t) => t.Candidates.Count > 0 && t.Candidates.Any(c => c.Alias == AliasKind.Abbreviation);

    // Names only a region or country bears ("Utah", "Pennsylvania") mark a list of regions.
    private static bool IsRegionLike(Toponym t) =>
        t.Candidates.Count > 0 && t.Candidates.Where(c => c.Alias == AliasKind.Name).All(c => c.Entry.Kind is PlaceKind.Admin1 or PlaceKind.Country)
        && t.Candidates.Any(c => c.Alias == AliasKind.Name);

    private static bool StateWordAround(string text, Toponym t) =>
        text.AsSpan(t.End).StartsWith(" state", StringComparison.Ordinal) && (t.End + 6 == text.Length || !char.IsLetter(text[t.End + 6]))
        || text.AsSpan(0, t.Start).EndsWith("state of ", StringComparison.Ordinal);
}
