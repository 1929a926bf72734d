using Sitrep.Places;

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
            var mentions = new List<EventMention>();
            foreach (var sentence in sentences)
            {
                foreach (var mention in Code(story, sentence, context))
                    if (!mentions.Any(m => Restates(mention, m))) mentions.Add(mention);
                foreach (var e in sentence.Entities)
                    if (e.Type == EntityType.Organization) context.LastGroup = story.ActorName(e);
                    else if (e.Type == EntityType.Person) context.LastPerson = story.ActorName(e);
                if (sentence.Places.LastOrDefault(p => p.Kind == PlaceKind.City && p.Lat != null) is { } city) context.LastCity = city;
            }
            // "The boy accidentally shot his brother ... The boy was shot in the chest": once the document
            // says an event of a type was an accident, its other mentions of that type are the same accident
            // unless they say another day or place. They stay mentions, so that the reports of one incident
            // still meet; the incident's reports together decide whether it was an accident.
            story.EventMentions.AddRange(mentions.Select(m => context.Accidents.Any(a => a.Type == m.Type && SameOccasion(m, a.Sentence)) ? m with { Accidental = true } : m));
        }
    }

    /// <summary>A mention that can be the accident a sentence of its document reports: no other stated day, no place on the map far from its places.</summary>
    private static bool SameOccasion(EventMention mention, StorySentence accident) =>
        (mention.Sentence.ExplicitDate == null || accident.ExplicitDate == null || mention.Sentence.ExplicitDate == accident.ExplicitDate)
        && (mention.Place is not { Lat: { } la, Lon: { } lo } || !accident.Places.Any(p => p is { Lat: { } pla, Lon: { } plo })
            || accident.Places.Any(p => p is { Lat: { } pla, Lon: { } plo } && PlaceResolver.Kilometres(la, lo, pla, plo) <= SamePlaceKm));

    /// <summary>
    /// A later sentence of the same document telling the same kind of event again ("was shot", then
    /// "the shooting"): same type and mode, no place on the map far from the earlier one's, no other stated day.
    /// </summary>
    private static bool Restates(EventMention later, EventMention earlier) =>
        later.Type == earlier.Type && later.Mode == earlier.Mode
        && !(later.Place is { Lat: { } la, Lon: { } lo } && earlier.Place is { Lat: { } ela, Lon: { } elo} && PlaceResolver.Kilometres(la, lo, ela, elo) > SamePlaceKm)
        && (later.Sentence.ExplicitDate == null || earlier.Sentence.ExplicitDate == null || later.Sentence.ExplicitDate == earlier.Sentence.ExplicitDate);

    private const double SamePlaceKm = 25;

    /// <summary>What "they", "he" and "the city" stand for: the last organisation, person and city the document named.</summary>
    private sealed class Context
    {
        public string? LastGroup, LastPerson;
        public PlaceMention? LastCity;
        /// <summary>The types the document has called an accident or a disaster, and the sentences saying so.</summary>
        public List<(string Type, StorySentence Sentence)> Accidents { get; } = [];
    }

    private IEnumerable<EventMention> Code(StoryPicture story, StorySentence sentence, Context context)
    {
        var words = SentenceWords.Tagged(sentence, lexicon.Knows);
        // "It appears to be accidental": said anywhere, it makes the document an accident report.
        if (lexicon.AnyCue("accident-report", words.Lemmas, 0, words.Count) && !lexicon.AnyCue("negation", words.Lemmas, 0, words.Count))
            context.Accidents.AddRange(lexicon.TypesWhere("veto", "accident").Select(type => (type, sentence)));
        var candidates = Triggers(sentence, words);
        var found = new List<(EventMention Mention, bool Subordinate, bool People)>();
        int frameEnd = -1; // the object of a frame trigger ("accused them of attacking ...") runs to here
        int toldEnd = -1;  // the object of a factive frame ("charged in Friday's shooting ...") runs to here
        Casualties? casualties = null; // read once, for the sentence's first event
        foreach (var match in candidates)
        {
            var (trigger, first, end) = match;
            // "investigating an accidental shooting": the sentence calls the document's event an accident, even in a frame's object.
            if (lexicon.Setting(trigger.Type, trigger.Mode, "veto") == "accident"
                && lexicon.AnyCue("accident", words.Lemmas, Math.Max(0, first - AccidentWindow), Math.Min(words.Count, end + AccidentWindow)))
                context.Accidents.Add((trigger.Type, sentence));
            if (first < frameEnd) continue;
            bool told = first < toldEnd;
            var frame = lexicon.Setting(trigger.Type, trigger.Mode, "frame");
            if (frame == "yes") frameEnd = ClauseEnd(words, end);
            else if (frame == "factive") toldEnd = ClauseEnd(words, end);
            var (type, mode) = Modality(words, trigger, first);
            if (type == null || Past(words, first, end) || Reference(words, first)) continue;
            casualties ??= Casualties.Of(words);
            var mention = Roles(story, sentence, words, trigger with { Type = type, Mode = mode }, first, end, context) with { Referenced = told || sentence.Document.HeadlineOnly, Casualties = casualties.Value };
            // One event per type and sentence: the first trigger names it, later ones ("killing five") elaborate it.
            if (!found.Any(f => f.Mention.Type == mention.Type)) found.Add((mention, Subordinate(words, first), trigger.Condition == "alone"));
        }
        // The main clause's event first: what the sentence reports, then what led to it or goes with it.
        // "Police fired tear gas at protesters": the people a yielding type's event acts on name the sentence's event.
        var yieldedTo = found.Select(f => lexicon.Setting(f.Mention.Type, f.Mention.Mode, "yields-to")).OfType<string>().ToHashSet();
        return found.OrderBy(f => f.Subordinate).ThenBy(f => !(f.People && yieldedTo.Contains(f.Mention.Type)))
                    .Select((f, rank) => f.Mention with { Rank = rank });
    }

    private const int ModalityWindow = 5, PlaceWindow = 7;

    /// <summary>
    /// How far from a trigger an accident word still tells how it happened ("shot while cleaning his
    /// rifle", "floods after torrential rain killed 14"); further away it is about something else ("the
    /// children targeted Saturday often came over to play with hers").
    /// </summary>
    private const int AccidentWindow = 8;

    /// <summary>
    /// The sentence's triggers left to right, longest first at each word; people nouns ("protesters")
    /// only when nothing else is; participles used as adjectives ("the alleged bombers") are none
    /// (names are none either: their lemmas keep their capitals), nor are nouns modifying nouns.
    /// </summary>
    private List<TriggerMatch> Triggers(StorySentence sentence, SentenceWords words)
    {
        var matches = new List<TriggerMatch>();
        for (int i = 0; i < words.Count; i++)
        {
            if (words.Tags[i] == "JJ" && words.Lower[i].EndsWith("ed", StringComparison.Ordinal)) continue;
            if (lexicon.Cue("no-event", words.Lemmas, i, out int skip))
            {
                i = skip - 1;
                continue;
            }
            var match = lexicon.Match(words.Lemmas, i, (t, end) => Holds(t, sentence, words, end));
            if (match == null) continue;
            i = match.End - 1;
            if (NounModifier(words, match)) continue;
            matches.Add(match);
        }
        // People nouns stay beside a type that yields to theirs ("police fired tear gas at demonstrators": a protest met with force).
        var yielding = matches.Select(m => lexicon.Setting(m.Trigger.Type, m.Trigger.Mode, "yields-to")).OfType<string>().ToHashSet();
        if (matches.Any(m => m.Trigger.Condition != "alone"))
            matches.RemoveAll(m => m.Trigger.Condition == "alone" && !yielding.Contains(m.Trigger.Type));
        return matches;
    }

    /// <summary>"border patrol agents", "relief operation": a one-word noun trigger that modifies the noun after it names no event.</summary>
    private static bool NounModifier(SentenceWords words, TriggerMatch match) =>
        match.End == match.First + 1 && match.End < words.Count && words.Tags[match.End] is "NN" or "NNS"
        && (words.Tags[match.First] is "NN" or "NNS" || match.First == 0 && words.Tags[0] == "NNP");

    private bool Holds(EventTrigger trigger, StorySentence sentence, SentenceWords words, int end) => trigger.Condition switch
    {
        "place" => PlaceFollows(sentence, words, end),
        { } c when c.StartsWith("with:", StringComparison.Ordinal) => lexicon.AnyCue(c["with:".Length..], words.Lemmas, 0, words.Count),
        _ => true,
    };

    /// <summary>"seized the town", "captured Hama": a place or territory within a few words after the trigger.</summary>
    private bool PlaceFollows(StorySentence sentence, SentenceWords words, int end)
    {
        for (int k = end; k < Math.Min(words.Count, end + PlaceWindow); k++)
        {
            if (words.Lower[k] is "," or ";") return false;
            if (lexicon.Cue("territory", words.Lemmas, k, out _)) return true;
            if (sentence.Places.Any(p => p.Start == words.Starts[k])
                || sentence.Entities.Any(e => e.Start == words.Starts[k] && e.Type == EntityType.Location)) return true;
        }
        return false;
    }

    /// <summary>
    /// The type a mention takes in context: negated ("would not meet" -> the type's negated= setting),
    /// hypothetical ("if talks collapse": none), promised or planned (its intended= setting, or
    /// ultimatum= when a condition goes with it). The words looked at run back to the clause's start.
    /// </summary>
    private (string? Type, string? Mode) Modality(SentenceWords words, EventTrigger trigger, int first)
    {
        int from = first;
        while (from > 0 && first - from < ModalityWindow && !lexicon.Cue("boundary", words.Lemmas, from - 1, out _)) from--;
        bool Has(string cls) => lexicon.AnyCue(cls, words.Lemmas, from, first);
        if (Has("hypothesis") || HypotheticalClause(words, first)) return (null, null);
        bool negated = Has("negation");
        if (Has("intent"))
        {
            var promised = lexicon.AnyCue("ultimatum", words.Lemmas, 0, words.Count) ? lexicon.Setting(trigger.Type, trigger.Mode, "ultimatum")
                                                                                      : lexicon.Setting(trigger.Type, trigger.Mode, "intended");
            if (negated) return (promised == null ? null : lexicon.Setting(promised, null, "negated"), null);
            return (promised, promised == trigger.Type ? trigger.Mode : null);
        }
        if (negated)
            return (lexicon.Setting(trigger.Type, trigger.Mode, "negated"), null);
        return (trigger.Type, RefineMode(trigger, words));
    }

    /// <summary>"If talks collapse, ...", "or face sanctions": a trigger in a clause a hypothesis or an ultimatum opens.</summary>
    private bool HypotheticalClause(SentenceWords words, int first)
    {
        for (int k = first - 1; k >= 0 && words.Lower[k] is not ("," or ";"); k--)
            if (lexicon.Cue("hypothesis", words.Lemmas, k, out _) || lexicon.Cue("ultimatum", words.Lemmas, k, out _)) return true;
        return false;
    }

    /// <summary>
    /// "teams were handing out blankets after the overnight strike": a definite noun in a background
    /// phrase points back to an event the reader knows, it reports none.
    /// </summary>
    private bool Reference(SentenceWords words, int first)
    {
        if (words.Tags[first] is not ("NN" or "NNS") || !Subordinate(words, first)) return false;
        for (int k = first - 1; k >= 0 && first - k <= 3; k--)
        {
            if (lexicon.Cue("definite", words.Lemmas, k, out _)) return true;
            if (words.Tags[k] is not ("JJ" or "NN" or "NNP" or "VBN" or "CD")) return false;
        }
        return false;
    }

    /// <summary>"died six months ago", "the anniversary of the massacre": history told, not a new event.</summary>
    private bool Past(SentenceWords words, int first, int end) =>
        lexicon.AnyCue("past", words.Lemmas, ClauseStart(words, first), ClauseEnd(words, end));

    /// <summary>A trigger after a subordinating word of its clause ("after clashes", "which killed") or in a fronted phrase ("In a letter ..., ").</summary>
    private bool Subordinate(SentenceWords words, int first)
    {
        for (int k = first - 1; k >= 0; k--)
        {
            if (words.Lower[k] is "," or ";")
                return k > 0 && FrontedPhrase(words, k);
            if (lexicon.Cue("subordinate", words.Lemmas, k, out _)) return true;
        }
        return false;
    }

    /// <summary>"In a letter handed over to the UN, Iraq said ...": the sentence opens with a prepositional phrase ending at the comma.</summary>
    private static bool FrontedPhrase(SentenceWords words, int comma) =>
        words.Lower[0] is "in" or "on" or "at" or "with" or "by" or "for" or "under" or "despite"
        && Enumerable.Range(0, comma).All(k => words.Lower[k] is not ("," or ";"));

    private int ClauseStart(SentenceWords words, int first)
    {
        int k = first;
        while (k > 0 && !lexicon.Cue("boundary", words.Lemmas, k - 1, out _) && !lexicon.Cue("subordinate", words.Lemmas, k - 1, out _)) k--;
        return k;
    }

    /// <summary>Where the clause a trigger opens ends: a semicolon, a subordinating word, ", and", ", but" or a reporting verb.</summary>
    private int ClauseEnd(SentenceWords words, int end)
    {
        for (int k = end; k < words.Count; k++)
        {
            if (words.Lower[k] is ";" || lexicon.Cue("subordinate", words.Lemmas, k, out _)) return k;
            if (words.Lower[k] == "," && k + 1 < words.Count && lexicon.Cue("boundary", words.Lemmas, k + 1, out _)) return k;
        }
        return words.Count;
    }

    private EventMention Roles(StoryPicture story, StorySentence sentence, SentenceWords words, EventTrigger trigger,
                                      int first, int end, Context context)
    {
        int triggerStart = words.Starts[first], triggerEnd = words.Ends[end - 1];
        // "according to the Interior Ministry": who reports an event takes no part in it.
        var participants = sentence.Entities.Where(e => e.Type is EntityType.Organization or EntityType.Person or EntityType.Misc or EntityType.Location && !IsAttribution(words, e)).ToList();
        bool passive = first > 0 && IsPassive(words, first);
        bool fellTo = trigger.Condition == "reversed";

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
        bool movement = lexicon.Setting(trigger.Type, trigger.Mode, "roles") == "movement";
        if (movement) target = null; // people flee from or to places; the place says it

        var place = movement ? Origin(sentence, words, triggerEnd) ?? TheCity(words, triggerEnd, context.LastCity)
                                                : PlaceOf(sentence, words, triggerEnd);
        var destination = movement ? Destination(sentence, words, triggerEnd, place) : null;
        if (place != null && target == PlaceName(story, place)) target = null; // "took effect in South Kordofan": where, not whom
        return new EventMention(trigger.Type, trigger.Mode, actor, target, place, sentence, triggerStart, destination)
        {
            Day = DayNear(sentence, words, first, Anaphoric(words, first)),
            Anaphoric = Anaphoric(words, first),
        };
    }

    /// <summary>"the shooting", "the fatal shooting", "that attack": an event the article has introduced already.</summary>
    private static bool Anaphoric(SentenceWords words, int trigger) =>
        trigger > 0 && words.Lower[trigger - 1] is "the" or "this" or "that"
        || trigger > 1 && words.Lower[trigger - 2] is "the" or "this" or "that" && words.Lower[trigger - 1] is not ("," or ";" or ":");

    /// <summary>Words of two apart at most: a time that close is the event's own ("the shooting Saturday").</summary>
    private const int AdjacentWords = 2;

    /// <summary>
    /// The day the sentence states nearest to a trigger: a date, or a time of a named day ("about 6 p.m.
    /// Wednesday"; "about 6 p.m." alone is a time on the day the time stage assumed). Not the day
    /// something was said ("police said Sunday"), nor a day after the publication date (a misreading).
    /// An event referred back to ("arrested Monday in the shooting") takes only a day right next to it.
    /// </summary>
    private static PartialDate? DayNear(StorySentence sentence, SentenceWords words, int trigger, bool anaphoric)
    {
        int offset = words.Starts[trigger];
        return sentence.Times.Where(t => t.Type == TimeType.Date || t.Type == TimeType.Time && NamesDay(t.Text))
            .Where(t => !SaidOn(words, t) && (!anaphoric || Math.Abs(words.WordAt(t.Start) - trigger) <= AdjacentWords + 1))
            .Select(t => (Mention: t, Day: PartialDate.TryParse(t.Value.Length > 10 ? t.Value[..10] : t.Value, out var d) && d.Precision >= DatePrecision.Day ? d : (PartialDate?)null))
            .Where(t => t.Day != null && !(sentence.Document.Published is { } p && t.Day.Value.FirstDay > p.FirstDay))
            .OrderBy(t => Math.Min(Math.Abs(t.Mention.Start - offset), Math.Abs(t.Mention.End - offset)))
            .Select(t => t.Day).FirstOrDefault();
    }

    /// <summary>A time right after or before a word of saying ("said Sunday", "Sunday said"): when it was said.</summary>
    private static bool SaidOn(SentenceWords words, TimeMention time)
    {
        int first = words.WordAt(time.Start), after = words.WordAt(time.End);
        return first > 0 && IncidentCues.Default.IsSaying(words.Lower[first - 1])
               || after < words.Count && IncidentCues.Default.IsSaying(words.Lower[after]);
    }

    /// <summary>A time expression with a word besides those of a clock time ("overnight" and "tonight" alone name a part of an unnamed day).</summary>
    private static bool NamesDay(string time)
    {
        var words = SentenceWords.LowerWords(time);
        return words.Count > 1 && words.Any(w => w.Any(char.IsLetter) && !IncidentCues.Default.IsClockWord(w));
    }

    /// <summary>An attack without a mode is aerial or shelling when the sentence says with what (the mode:* cues).</summary>
    private string? RefineMode(EventTrigger trigger, SentenceWords words)
    {
        if (trigger.Mode != null || lexicon.Setting(trigger.Type, null, "mode-by-weapon") != "yes") return trigger.Mode;
        foreach (var cls in lexicon.CueClasses.Where(c => c.StartsWith("mode:", StringComparison.Ordinal)))
            if (lexicon.AnyCue(cls, words.Lemmas, 0, words.Count)) return cls["mode:".Length..];
        return trigger.Mode;
    }

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

    /// <summary>The coder's word lists (Data/coder-words.txt), read before the fields below that take theirs.</summary>
    private static readonly IReadOnlyDictionary<string, string[]> Words = DataFiles.Sections("Situation", "coder-words.txt");

    /// <summary>Words that say when, which a target phrase ends before ("fired yesterday").</summary>
    private static readonly HashSet<string> TimeWords = [.. Words["TimeWords"]];

    /// <summary>Prepositions a target phrase does not start with ("attacks from either side").</summary>
    private static readonly HashSet<string> Prepositions = [.. Words["Prepositions"]];

    /// <summary>Prepositions of place: a name after one is where, not who.</summary>
    private static readonly HashSet<string> Locatives = [.. Words["Locatives"]];

    /// <summary>Prepositions of a destination ("fled to", "towards").</summary>
    private static readonly string[] Directions = Words["Directions"];

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
        sentence.Places.FirstOrDefault(p => p.Start >= triggerEnd && !PrecededByAny(words, p.Start, Directions))
        ?? sentence.Places.FirstOrDefault(p => p.Start < triggerEnd);

    /// <summary>Where people fled to: a place after the trigger introduced by "to", "towards", "into" or "for".</summary>
    private static PlaceMention? Destination(StorySentence sentence, SentenceWords words, int triggerEnd, PlaceMention? origin) =>
        sentence.Places.FirstOrDefault(p => p.Start >= triggerEnd && p != origin && PrecededByAny(words, p.Start, Directions));

    private static bool PrecededByAny(SentenceWords words, int offset, string[] any)
    {
        int w = words.WordAt(offset);
        return w > 0 && any.Contains(words.Lower[w - 1]);
    }

    private static string? Name(StoryPicture story, EntityMention? e) => e == null ? null : story.ActorName(e);

    private static string PlaceName(StoryPicture story, PlaceMention place) =>
        story.ActorByAlias.GetValueOrDefault(ActorMerger.Key(place.Text)) ?? place.Name ?? place.Text;
}

/// <summary>An event as one sentence of one document reports it, before event coreference; rank 0 is the sentence's main event.</summary>
public sealed record EventMention(string Type, string? Mode, string? Actor, string? Target, PlaceMention? Place, StorySentence Sentence, int TriggerStart,
                                  PlaceMention? Destination = null, int Rank = 0)
{
    /// <summary>The day the sentence states for the event (the one nearest its trigger), if it states one.</summary>
    public PartialDate? Day { get; init; }

    /// <summary>The trigger refers back to an event named before ("the shooting").</summary>
    public bool Anaphoric { get; init; }

    /// <summary>Its document calls this event an accident or a disaster (the type's veto=accident).</summary>
    public bool Accidental { get; init; }

    /// <summary>How many people the sentence says were killed, injured and hit.</summary>
    public Casualties Casualties { get; init; }

    /// <summary>
    /// Told as the object of a factive frame ("charged in Friday's shooting"): it happened, and it ties its
    /// document to the incident's other reports, but it is no report of its own: told alone, no record.
    /// So is a headline read without its article (a headline alone says too little: an accident, a place).
    /// </summary>
    public bool Referenced { get; init; }
}
