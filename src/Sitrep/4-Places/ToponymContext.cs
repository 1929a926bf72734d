namespace Sitrep.Places;

/// <summary>Reading a gazetteer match in its context: a person, an organisation, an address, a feature, a list of counties, or a place.</summary>
public sealed partial class ToponymFinder
{
    private static readonly HashSet<string> OrganisationWords = [.. ToponymWords.List("OrganisationWords")];

    private static readonly HashSet<string> StreetWords = [.. ToponymWords.List("StreetWords")];

    private static readonly HashSet<string> AdminWords = [.. ToponymWords.List("AdminWords")];

    private static bool IsAdminName(string text, List<Token> tokens, Match m) => m.EndToken - m.StartToken > 1 && AdminWords.Contains(Word(text, tokens[m.EndToken - 1]).TrimEnd('.'));

    private static readonly HashSet<string> FeatureWords = [.. ToponymWords.List("FeatureWords")];

    private static readonly HashSet<string> Compass = [.. ToponymWords.List("Compass")];

    private static readonly HashSet<string> FeatureNouns = [.. ToponymWords.List("FeatureNouns")];

    private static readonly HashSet<string> DistrictNouns = [.. ToponymWords.List("DistrictNouns")];

    private static readonly HashSet<string> Titles = [.. ToponymWords.List("Titles")];

    private static readonly HashSet<string> DiseaseNouns = [.. ToponymWords.List("DiseaseNouns")];

    private static readonly HashSet<string> PlaceNouns = [.. ToponymWords.List("PlaceNouns")];

    private static readonly HashSet<string> CalendarWords = [.. ToponymWords.List("CalendarWords")];

    private static readonly HashSet<string> Locatives = [.. ToponymWords.List("Locatives")];

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
        // "Logan-Rogersville": names joined by a hyphen are places or a double surname, never a given name and a surname.
        if (text[tokens[run.First].End] == '-') return false;
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
        // A street named after a place ("N. Kenwood Avenue") says little of where the story is:
        // streets are named after far places as often as near ones.
        bool street = m.EndToken < run.End && StreetWords.Contains(Word(text, tokens[m.EndToken]).TrimEnd('.'));
        foreach (var e in entities)
        {
            if (e.Start >= m.End || e.End <= start) continue;
            // A name the tagger took for a person is a place when the text places it: "in Nokomis",
            // "Louisville, Ky.", "Becker, Clay, Douglas" (a place before it in a list), "R-Elbow Lake".
            // No person's name holds "County": the tagger took "Henry County" for Henry.
            if (e.Type == EntityType.Person && !(e.Start == start && e.End == m.End && PlacedByContext(text, tokens, m)) && !IsAdminName(text, tokens, m)) return null;
            if (e.Type == EntityType.Person) continue;
            var word = Word(text, tokens[m.StartToken]);
            // "the Holy See", "Independence Day": an ordinary word inside a longer name is part of that
            // name, not a place of its own ("US" in capitals is no ordinary word).
            if (m.EndToken - m.StartToken == 1 && (e.Start < start || e.End > m.End) && words.IsCommonWord(word) && !IsAllCaps(word)) return null;
            // "NATO", "SWAT", "HIV": an organisation or other name written in capitals is named after no
            // place, unless it opens a dateline ("CINCINNATI (AP) --").
            if (e.Type is EntityType.Organization or EntityType.Misc && e.Start == start && e.End == m.End && IsAllCaps(word) && !IsDateline(text, tokens, m)
                && !m.Candidates.Any(c => c.Entry.Kind is PlaceKind.Country or PlaceKind.Region || c.Alias == AliasKind.Abbreviation)) return null;
            // A respelling is for places: "Korean" is no spelling of Kerian.
            if (e.Type == EntityType.Misc && m.Fuzzy) return null;
            // "Valerie Jones ... the Jones family": a surname of the text in a name names no place.
            if (e.Type == EntityType.Organization && IsSurname(text, tokens, m, surnames)) return null;
            if (e.Type == EntityType.Organization) return new Toponym(start, m.End, surface, m.Key, m.Candidates, ToponymRole.Organisation) { Weak = street };
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
        if (NamesDisease(text, m.End, candidates)) return null;

        // The name the match belongs to: its run of capitalised words, cut at "and" ("United States and Canada").
        int nameStart = m.StartToken, nameEnd = m.EndToken;
        while (nameStart > run.First && !IsListWord(Word(text, tokens[nameStart - 1])) && !AfterParty(text, tokens, nameStart)) nameStart--;
        while (nameEnd < run.End && !IsListWord(Word(text, tokens[nameEnd]))) nameEnd++;
        // "Sidney and Lois Eskenazi Hospital": a given name joined to an organisation's name is part of it.
        if (single && words.IsFirstName(firstWord) && OrganisationNameFollows(text, m.End))
            return new Toponym(start, m.End, surface, m.Key, candidates, ToponymRole.Organisation);

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
        // "the Austin neighborhood": a part of a town, placed by the text's other places.
        if (nameEnd == m.EndToken && m.EndToken < tokens.Count && tokens[m.EndToken].Start == m.End + 1
            && DistrictNouns.Contains(Word(text, tokens[m.EndToken])))
            return new Toponym(start, m.End, surface, m.Key, candidates, ToponymRole.Feature) { Fuzzy = m.Fuzzy, District = true };
        // "University of Georgia", "Bank of Kharkiv": an organisation word before, in the same run.
        for (int k = nameStart; k < m.StartToken; k++)
            if (OrganisationWords.Contains(Word(text, tokens[k]).TrimEnd('.')))
                return new Toponym(start, m.End, surface, m.Key, candidates, ToponymRole.Organisation);

        if (accepted.Contains(m.Key)) return new Toponym(start, m.End, surface, m.Key, candidates, ToponymRole.Place);
        if (IsSurname(text, tokens, m, surnames)) return null;
        bool common = Enumerable.Range(m.StartToken, n).All(k => words.IsCommonWord(Word(text, tokens[k])) || Connectors.Contains(Word(text, tokens[k])));
        bool dictionary = Enumerable.Range(m.StartToken, n).All(k => words.IsDictionaryWord(Word(text, tokens[k])) || Connectors.Contains(Word(text, tokens[k])));
        // An ordinary word inside a longer capitalised name is part of that name ("University of ...").
        bool major = IsMajor(candidates);
        if ((common || dictionary && !major) && nameEnd - nameStart > n) return null;
        // "a Mobile man" is from Mobile; "One man" is not from anywhere: an ordinary word needs its article.
        bool cue = Locative(text, tokens, m.StartToken) || AfterParty(text, tokens, m.StartToken) || AfterCommaPlace(text, tokens, m.StartToken) || ContainerFollows(text, tokens, m.EndToken)
                   || PlaceNounFollows(text, tokens, m.EndToken) && (!common || AfterArticle(text, tokens, m.StartToken)) || IsAdminName(text, tokens, m);
        if (common && !cue && (!major || IsSentenceStart(text, tokens[m.StartToken]))) return null;
        // "the Park", "the Lake": an ordinary word is no county named without its generic word.
        if (common && candidates.All(c => c.Alias == AliasKind.Short)) return null;
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

    /// <summary>"CHARLESTON, W.Va. --", "BEIRUT:", "NEWARK  It", "CINCINNATI (AP)": a place in capitals before a comma, colon, dash, bracket or gap.</summary>
    private static bool IsDateline(string text, List<Token> tokens, Match m)
    {
        if (m.End + 2 >= text.Length) return false;
        if (text[m.End] == ' ' && text[m.End + 1] == ' ') return true; // "NEWARK  It was ..."
        var after = text.AsSpan(m.End).TrimStart(' ');
        return after.Length > 0 && after[0] is ',' or ':' or '-' or '—' or '–' or '(';
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

    private static bool IsSurname(string text, List<Token> tokens, Match m, HashSet<string> surnames) =>
        m.EndToken - m.StartToken == 1 && surnames.Contains(Word(text, tokens[m.StartToken]))
        && !m.Candidates.Any(c => c.Entry.Kind is PlaceKind.Country or PlaceKind.Admin1);

    private static bool AfterArticle(string text, List<Token> tokens, int k) =>
        k > 0 && Word(text, tokens[k - 1]).ToLowerInvariant() is "a" or "an" or "the";

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
