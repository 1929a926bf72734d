using System.Text.RegularExpressions;

namespace Sitrep.Situation;

/// <summary>
/// What one article says of the incident it reports beyond its event sentences: whether it calls it
/// an accident, the place it is filed from (its dateline, else the town it names most), the towns and
/// counties on the map it names, the people it names as victims and as suspects, most named first,
/// and every person it names.
/// </summary>
public sealed record ArticleFacts(bool Accidental, PlaceMention? Place, IReadOnlyList<PlaceMention> Towns, IReadOnlyList<string> Victims,
                                  IReadOnlyList<string> Suspects, IReadOnlySet<string> People)
{
    public static readonly ArticleFacts None = new(false, null, [], [], [], new HashSet<string>());

    /// <summary>
    /// Of an article that names no town but in the names of its sources ("the Memphis Police Department
    /// responded"), that town: where its incident is, though too weak a sign to tell incidents apart.
    /// </summary>
    public PlaceMention? SourcePlace { get; init; }
}

/// <summary>Reads every document's <see cref="ArticleFacts"/> (after the actors are merged, so a surname reads as the full name).</summary>
public sealed partial class ArticleReader(IncidentCues cues) : IStoryStep
{
    public ArticleReader() : this(IncidentCues.Default) { }

    public void Process(StoryPicture story)
    {
        foreach (var sentences in story.Sentences.Where(s => !s.InLead).GroupBy(s => s.Document))
            story.Articles[sentences.Key] = Read(story, sentences.Key, sentences.ToList());
    }

    private ArticleFacts Read(StoryPicture story, Document document, List<StorySentence> sentences)
    {
        var victims = new Dictionary<string, int>();
        var suspects = new Dictionary<string, int>();
        bool accidental = Accidental(SentenceWords.LowerWords(document.Title ?? ""));
        foreach (var sentence in sentences)
        {
            var words = new SentenceWords(sentence);
            accidental |= Accidental(words.Lower);
            foreach (var person in sentence.Entities.Where(e => e.Type == EntityType.Person))
                if (RoleOf(words, person) is { } role)
                {
                    var counts = role == "victim" ? victims : suspects;
                    var name = story.ActorName(person);
                    counts[name] = counts.GetValueOrDefault(name) + 1;
                }
        }
        // One person read in both parts ("Smith shot Jones, then was shot by police") keeps the part read more often.
        foreach (var name in victims.Keys.Intersect(suspects.Keys).ToList())
            if (victims[name] >= suspects[name]) suspects.Remove(name);
            else victims.Remove(name);
        var people = sentences.SelectMany(s => s.Entities).Where(e => e.Type == EntityType.Person).Select(story.ActorName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var towns = Towns(document);
        return new ArticleFacts(accidental, PlaceOf(document, towns), towns, Ranked(victims), Ranked(suspects), people)
        {
            SourcePlace = towns.Count == 0 ? PlaceOf(document, Towns(document, PlaceContext.Organisation)) : null,
        };
    }

    private static List<string> Ranked(Dictionary<string, int> counts) =>
        counts.OrderByDescending(c => c.Value).ThenByDescending(c => c.Key.Contains(' ')).Select(c => c.Key).ToList();

    /// <summary>An accident cue that no "not" or "no" right before it denies.</summary>
    private bool Accidental(IReadOnlyList<string> words)
    {
        for (int i = 0; i < words.Count; i++)
            if (cues.StartsAt("accident", "-", words, i) && !(i > 0 && words[i - 1] is "not" or "no" || i > 1 && words[i - 2] is "not" or "no"))
                return true;
        return false;
    }

    /// <summary>The part the words around a person's name give them: "Smith, 25, was shot" a victim, "arrested Smith" a suspect.</summary>
    private string? RoleOf(SentenceWords words, EntityMention person)
    {
        int first = words.WordAt(person.Start), after = words.WordAt(person.End);
        foreach (int next in AfterApposition(words.Lower, after))
            foreach (var role in Roles)
                if (cues.StartsAt(role, "after", words.Lower, next)) return role;
        int before = first;
        // An age, an article or a comma may stand between the cue and the name ("the victim, 25-year-old Ann Lee").
        while (before > 0 && first - before < 3 && (words.Lower[before - 1] is "," or "the" or "a" or "an" || Age().IsMatch(words.Lower[before - 1]))) before--;
        foreach (var role in Roles)
            if (cues.EndsBefore(role, "before", words.Lower, before) || before != first && cues.EndsBefore(role, "before", words.Lower, first))
                return role;
        return null;
    }

    private static readonly string[] Roles = ["victim", "suspect"];

    /// <summary>Where the words about a name may start: right after it, and after each comma of an apposition (", 25, of Dayton,").</summary>
    private static IEnumerable<int> AfterApposition(IReadOnlyList<string> words, int at)
    {
        yield return at;
        if (at >= words.Count || words[at] != ",") yield break;
        for (int k = at + 1; k < Math.Min(words.Count, at + 12); k++)
            if (words[k] == ",") yield return k + 1;
    }

    [GeneratedRegex(@"^\d+(-year-old)?$")]
    private static partial Regex Age();

    /// <summary>
    /// Where the article is filed from: its dateline ("SPRINGFIELD, Ill. —"), else the town its lead
    /// sentence names, else the town it names most (counties when it names no town), in the country
    /// most of its places are in.
    /// </summary>
    private static PlaceMention? PlaceOf(Document document, List<PlaceMention> located)
    {
        if (located.Count == 0) return null;
        if (located.FirstOrDefault(p => IsDateline(document.Text, p)) is { } dateline) return dateline;
        var country = located.GroupBy(p => p.Country).OrderByDescending(g => g.Count()).First().Key;
        // The town the lead sentence names is where the story is, however often others come up later.
        int leadEnd = document.Sentences.Count > 0 ? document.Tokens[document.Sentences[0].EndToken - 1].End : 0;
        if (located.FirstOrDefault(p => p.End <= leadEnd && p.Country == country && p.Kind == PlaceKind.City) is { } lead) return lead;
        return located.Where(p => p.Country == country)
            .GroupBy(p => (p.Lat, p.Lon))
            .OrderByDescending(g => g.First().Kind == PlaceKind.City).ThenByDescending(g => g.Count()).ThenBy(g => g.First().Start)
            .First().First();
    }

    /// <summary>The towns and counties on the map the article names, in order; a name it also gives a person ("Strong" of Donnell Strong) is that person.</summary>
    private static List<PlaceMention> Towns(Document document, PlaceContext? context = null)
    {
        var people = document.Entities.Where(e => e.Type == EntityType.Person).SelectMany(e => e.Text.Split(' ')).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return document.Places.Where(p => p.Context == context && p.Lat != null && p.Kind is PlaceKind.City or PlaceKind.Admin2 && !people.Contains(p.Text)).ToList();
    }

    /// <summary>A place at the start of a line followed by a dash, perhaps after a state ("DAYTON, Ohio —", "PANDORA —").</summary>
    private static bool IsDateline(string text, PlaceMention place)
    {
        int line = place.Start;
        while (line > 0 && text[line - 1] is ' ' or '\t') line--;
        if (line > 0 && text[line - 1] != '\n') return false;
        int end = Math.Min(text.Length, place.End + 40);
        return Dateline().IsMatch(text[place.End..end]);
    }

    [GeneratedRegex(@"^(,\s*[A-Z][A-Za-z.]*(\s[A-Z][A-Za-z.]*)?)?\s*(\([^)]{1,20}\)\s*)?(—|–|--|-)\s")]
    private static partial Regex Dateline();
}
