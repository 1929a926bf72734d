namespace Sitrep.Situation;

/// <summary>
/// Codes events sentence by sentence: a trigger from the lexicon gives the type and mode; the
/// entities around it give actor and target (passive voice and "fell to" turn them round; "they",
/// "the group" stand for the last organisation named); the place and date come from the sentence.
/// </summary>
public sealed class EventCoder(EventLexicon lexicon) : IStoryStep
{
    public EventCoder() : this(EventLexicon.Default) { }

    public void Process(StoryPicture story)
    {
        foreach (var sentences in story.Sentences.Where(s => !s.InLead).GroupBy(s => s.Document))
        {
            var context = new Context();
            foreach (var sentence in sentences)
            {
                story.EventMentions.AddRange(Code(story, sentence, context));
                foreach (var e in sentence.Entities)
                    if (e.Type == EntityType.Organization) context.LastGroup = story.ActorName(e);
                    else if (e.Type == EntityType.Person) context.LastPerson = story.ActorName(e);
                if (sentence.Places.LastOrDefault(p => p.Kind == PlaceKind.City && p.Lat != null) is { } city) context.LastCity = city;
            }
        }
    }

    /// <summary>What "they", "he" and "the city" stand for: the last organisation, person and city the document named.</summary>
    private sealed class Context
    {
        public string? LastGroup, LastPerson;
        public PlaceMention? LastCity;
    }

    private IEnumerable<EventMention> Code(StoryPicture story, StorySentence sentence, Context context)
    {
        var words = new SentenceWords(sentence);
        var found = new List<EventMention>();
        for (int i = 0; i < words.Count; i++)
        {
            var trigger = lexicon.Match(words.Lower, i);
            if (trigger == null) continue;
            int end = i + trigger.Words.Length;
            if (Hypothetical(words, i) || AccusedOf(words, i, found) || trigger.Mode == "ceasefire" && !NamesTruce(words)
                || trigger.Type == "ASSAULT" && Accident(words, i, end))
            {
                i = end - 1;
                continue;
            }
            var mention = Roles(story, sentence, words, trigger, i, end, context);
            // One event per type and sentence: the first trigger names it, later ones ("killing five") elaborate it.
            if (!found.Any(f => f.Type == mention.Type)) found.Add(mention);
            i = end - 1;
        }
        return found;
    }

    private static EventMention Roles(StoryPicture story, StorySentence sentence, SentenceWords words, EventTrigger trigger,
                                      int first, int end, Context context)
    {
        int triggerStart = words.Starts[first], triggerEnd = words.Ends[end - 1];
        // "according to the Interior Ministry": who reports an event takes no part in it.
        var participants = sentence.Entities.Where(e => e.Type is EntityType.Organization or EntityType.Person or EntityType.Misc or EntityType.Location && !IsAttribution(words, e)).ToList();
        bool passive = first > 0 && IsPassive(words, first);
        bool fellTo = trigger.Words is ["fell", "to"];

        EntityMention? before = participants.Where(e => e.End <= triggerStart && !AfterLocative(words, e.Start) && !AcrossClause(words, e.End, triggerStart))
                                            .LastOrDefault();
        EntityMention? byAgent = participants.FirstOrDefault(e => e.Start >= triggerEnd && PrecededBy(words, e.Start, "by", 4));
        EntityMention? after = participants.FirstOrDefault(e => e.Start >= triggerEnd && e != byAgent && !AcrossClause(words, triggerEnd, e.Start));

        string? actor, target;
        if (passive || fellTo)
        {
            actor = Name(story, fellTo ? after : byAgent);
            target = Name(story, before);
        }
        else
        {
            actor = Name(story, before) ?? Pronoun(words, first, context.LastGroup, context.LastPerson);
            target = TargetPhrase(story, sentence, words, end, after);
        }
        if (trigger.Type == "DISPLACE") target = null; // people flee from or to places; the place says it

        var place = trigger.Type == "DISPLACE" ? Origin(sentence, words, triggerEnd) ?? TheCity(words, triggerEnd, context.LastCity)
                                                : PlaceOf(sentence, words, triggerEnd);
        var destination = trigger.Type == "DISPLACE" ? Destination(sentence, words, triggerEnd, place) : null;
        if (place != null && target == PlaceName(story, place)) target = null; // "took effect in South Kordofan": where, not whom
        return new EventMention(trigger.Type, RefineMode(trigger, words), actor, target, place, sentence, triggerStart, destination);
    }

    /// <summary>A generic attack is aerial or shelling when the sentence says with what.</summary>
    private static string? RefineMode(EventTrigger trigger, SentenceWords words)
    {
        if (trigger.Type != "ASSAULT" || trigger.Mode != "attack") return trigger.Mode;
        foreach (var w in words.Lower)
        {
            if (w.StartsWith("drone") || w is "warplane" or "warplanes" or "jets" or "aircraft" or "helicopter" or "helicopters" or "missile" or "missiles" or "airstrike" or "airstrikes")
                return "aerial";
            if (w is "artillery" or "shell" or "shells" or "mortar" or "mortars" or "rockets")
                return "shelling";
        }
        return trigger.Mode;
    }

    /// <summary>"could attack", "did not seize", "threatened to capture": not an event that happened.</summary>
    private static bool Hypothetical(SentenceWords words, int at)
    {
        for (int k = Math.Max(0, at - 3); k < at; k++)
            if (words.Lower[k] is "not" or "never" or "no" or "could" or "would" or "may" or "might" or "will" or "to" or "if" or "unless" or "should" or "can")
                return true;
        return false;
    }

    /// <summary>"accused the RSF of targeting civilians": what someone is accused of is their claim, not an event.</summary>
    private static bool AccusedOf(SentenceWords words, int at, List<EventMention> found)
    {
        int k = at - 1;
        while (k >= 0 && words.Lower[k].EndsWith("ly")) k--; // "of deliberately targeting"
        return k >= 0 && words.Lower[k] is "of" or "for" && found.Any(f => f.Type is "ACCUSE" or "REJECT");
    }

    /// <summary>"killed in a stampede", "floods hit villages": accidents and disasters are no assault.</summary>
    private static bool Accident(SentenceWords words, int trigger, int afterTrigger)
    {
        for (int k = Math.Max(0, trigger - 3); k < Math.Min(words.Count, afterTrigger + 4); k++)
            if (AccidentNouns.Contains(words.Lower[k])) return true;
        return false;
    }

    private static readonly HashSet<string> AccidentNouns =
    [
        "stampede", "crash", "accident", "collision", "derailment", "earthquake", "quake", "flood", "floods", "flooding", "landslide",
        "landslides", "storm", "hurricane", "cyclone", "typhoon", "tornado", "avalanche", "wildfire", "blaze", "collapse", "crush", "heatwave",
    ];

    /// <summary>"took effect" codes a ceasefire only in a sentence about one.</summary>
    private static bool NamesTruce(SentenceWords words) =>
        words.Lower.Any(w => w is "ceasefire" or "cease-fire" or "truce" or "armistice");

    /// <summary>"fled the city": the city the document last named.</summary>
    private static PlaceMention? TheCity(SentenceWords words, int triggerEnd, PlaceMention? lastCity)
    {
        for (int k = words.WordAt(triggerEnd); k + 1 < words.Count && k < words.WordAt(triggerEnd) + 3; k++)
            if (words.Lower[k] == "the" && words.Lower[k + 1] is "city" or "town") return lastCity;
        return null;
    }

    private static bool IsAttribution(SentenceWords words, EntityMention e)
    {
        int w = words.WordAt(e.Start);
        for (int k = w - 1; k >= Math.Max(0, w - 4); k--)
            if (words.Lower[k] == "according" && k + 1 < words.Count && words.Lower[k + 1] == "to") return true;
        return false;
    }

    private static bool IsPassive(SentenceWords words, int at)
    {
        int k = at - 1;
        while (k >= 0 && words.Lower[k].EndsWith("ly")) k--;
        return k >= 0 && words.Lower[k] is "was" or "were" or "been" or "being" or "is" or "are" or "got";
    }

    /// <summary>Words that say when, which a target phrase ends before ("fired yesterday").</summary>
    private static readonly HashSet<string> TimeWords =
    [
        "yesterday", "today", "tonight", "overnight", "last", "this", "earlier", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
    ];

    private static readonly HashSet<string> Prepositions = ["from", "by", "in", "at", "near", "into", "during", "for", "over", "across", "with", "without"];

    private static readonly HashSet<string> Locatives = ["in", "at", "near", "outside", "around", "across", "into", "toward", "towards", "from", "inside", "of", "to", "on"];

    private static bool AfterLocative(SentenceWords words, int offset)
    {
        int w = words.WordAt(offset);
        return w > 0 && Locatives.Contains(words.Lower[w - 1]);
    }

    private static bool PrecededBy(SentenceWords words, int offset, string word, int within)
    {
        int w = words.WordAt(offset);
        for (int k = w - 1; k >= Math.Max(0, w - within); k--)
            if (words.Lower[k] == word) return true;
        return false;
    }

    /// <summary>True when a semicolon or a relative clause separates the two offsets.</summary>
    private static bool AcrossClause(SentenceWords words, int from, int to)
    {
        for (int k = words.WordAt(from); k < words.Count && words.Starts[k] < to; k++)
            if (words.Lower[k] is ";" or "which" or "who" or "while" or "but" or "after" or "before" or "as" or "said" or "since" or "when"
                or "because" or "until" or "although" or "whereas") return true;
        return false;
    }

    private static string? Pronoun(SentenceWords words, int trigger, string? lastGroup, string? lastPerson)
    {
        for (int k = 0; k < trigger; k++)
        {
            var w = words.Lower[k];
            if (w is "they" or "group" or "militia" or "paramilitary" or "paramilitaries" or "rebels" or "fighters" or "forces" or "force" or "army" or "it" or "insurgents" or "militants")
                return lastGroup;
            if (w is "he" or "she") return lastPerson;
        }
        return null;
    }

    /// <summary>What was hit: the named participant after the trigger, with the noun in front of it ("the airport in Port Sudan").</summary>
    private static string? TargetPhrase(StoryPicture story, StorySentence sentence, SentenceWords words, int afterTrigger, EntityMention? named)
    {
        var head = new List<string>();
        int offset = sentence.Start;
        for (int k = afterTrigger; k < words.Count && head.Count < 5; k++)
        {
            if (named != null && words.Starts[k] >= named.Start) break;
            var w = words.Lower[k];
            if (w is "," or ";" or ":" or "on" or "killing" or "leaving" or "and" or "with" or "after" or "as" || TimeWords.Contains(w)) break;
            if (head.Count == 0 && Prepositions.Contains(w)) break; // "attacks from either side": no target named
            head.Add(sentence.Text[(words.Starts[k] - offset)..(words.Ends[k] - offset)]);
        }
        while (head.Count > 0 && head[0].ToLowerInvariant() is "the" or "a" or "an" or "its" or "their") head.RemoveAt(0);
        while (head.Count > 0 && Locatives.Contains(head[^1].ToLowerInvariant()) || head.Count > 0 && head[^1].ToLowerInvariant() is "the" or "a") head.RemoveAt(head.Count - 1);
        var name = Name(story, named);
        if (head.Count == 0) return name;
        var phrase = string.Join(' ', head);
        return name == null ? phrase : $"{phrase} in {name}";
    }

    /// <summary>
    /// Where: a place introduced by a locative word, else the first place of the sentence; towns and
    /// regions on the map first, then features on it ("struck El Fasher, killing 12 at the Saudi
    /// Hospital" happened in El Fasher, as ACLED would record it).
    /// </summary>
    private static PlaceMention? PlaceOf(StorySentence sentence, SentenceWords words, int triggerEnd)
    {
        PlaceMention? Pick(IEnumerable<PlaceMention> places) =>
            places.FirstOrDefault(p => AfterLocative(words, p.Start) && p.Start >= triggerEnd)
            ?? places.FirstOrDefault(p => AfterLocative(words, p.Start))
            ?? places.FirstOrDefault();
        return Pick(sentence.Places.Where(p => p.Lat != null && p.Kind is not (PlaceKind.Region or PlaceKind.Feature))) ?? Pick(sentence.Places.Where(p => p.Lat != null))
               ?? Pick(sentence.Places);
    }

    /// <summary>Where people fled from: the place right after the trigger or after "from", not the one they head to.</summary>
    private static PlaceMention? Origin(StorySentence sentence, SentenceWords words, int triggerEnd) =>
        sentence.Places.FirstOrDefault(p => p.Start >= triggerEnd && !PrecededByAny(words, p.Start, ["to", "towards", "toward", "into", "for"]))
        ?? sentence.Places.FirstOrDefault(p => p.Start < triggerEnd);

    /// <summary>Where people fled to: a place after the trigger introduced by "to", "towards", "into" or "for".</summary>
    private static PlaceMention? Destination(StorySentence sentence, SentenceWords words, int triggerEnd, PlaceMention? origin) =>
        sentence.Places.FirstOrDefault(p => p.Start >= triggerEnd && p != origin && PrecededByAny(words, p.Start, ["to", "towards", "toward", "into", "for"]));

    private static bool PrecededByAny(SentenceWords words, int offset, string[] any)
    {
        int w = words.WordAt(offset);
        return w > 0 && any.Contains(words.Lower[w - 1]);
    }

    private static string? Name(StoryPicture story, EntityMention? e) => e == null ? null : story.ActorName(e);

    private static string PlaceName(StoryPicture story, PlaceMention place) =>
        story.ActorByAlias.GetValueOrDefault(ActorMerger.Key(place.Text)) ?? place.Name ?? place.Text;
}

/// <summary>An event as one sentence of one document reports it, before event coreference.</summary>
public sealed record EventMention(string Type, string? Mode, string? Actor, string? Target, PlaceMention? Place, StorySentence Sentence, int TriggerStart,
                                  PlaceMention? Destination = null);
