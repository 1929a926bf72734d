namespace Sitrep.Situation;

/// <summary>
/// One story's part of the situation picture: what its documents say, fused and cited.
/// Story steps fill it in order; every entry lists the ids of the documents it comes from.
/// </summary>
public sealed class StoryPicture(string id, IReadOnlyList<Document> documents)
{
    public string Id { get; } = id;
    public IReadOnlyList<Document> Documents { get; } = documents;
    public string Headline { get; set; } = "";
    public List<CitedText> Summary { get; } = [];
    public List<Actor> Actors { get; } = [];
    public List<StoryPlace> Places { get; } = [];
    public List<StoryEvent> Events { get; } = [];
    public List<TimelineEntry> Timeline { get; } = [];
    public List<Claim> Claims { get; } = [];
    public List<Contradiction> Contradictions { get; } = [];
    public List<Forecast> Forecasts { get; } = [];

    /// <summary>Per document, the documents or outlets it reuses.</summary>
    public Dictionary<string, List<string>> DerivedFrom { get; } = [];

    // Working state shared by the story steps.

    /// <summary>Every body and lead sentence of the story's documents, in document order.</summary>
    public List<StorySentence> Sentences { get; } = [];

    /// <summary>What each document says of the incident it reports (see <see cref="ArticleReader"/>).</summary>
    public Dictionary<Document, ArticleFacts> Articles { get; } = [];

    /// <summary>Events as single sentences report them, before coreference merges them.</summary>
    public List<EventMention> EventMentions { get; } = [];

    /// <summary>Sentences of different documents that state the same fact.</summary>
    public List<SentenceGroup> Groups { get; } = [];

    /// <summary>Story-level actor name by normalised alias, filled by <see cref="ActorMerger"/>.</summary>
    public Dictionary<string, string> ActorByAlias { get; } = new(StringComparer.Ordinal);

    private readonly Dictionary<(string?, string), string> actorNames = [];

    /// <summary>The story-level name of the entity a mention refers to (after <see cref="ActorMerger"/>; remembered per spelling).</summary>
    public string ActorName(EntityMention mention)
    {
        if (actorNames.TryGetValue((mention.Canonical, mention.Text), out var name)) return name;
        name = ActorByAlias.GetValueOrDefault(ActorMerger.Key(mention.Canonical ?? mention.Text))
               ?? ActorByAlias.GetValueOrDefault(ActorMerger.Key(mention.Text))
               ?? mention.Canonical ?? mention.Text;
        if (ActorByAlias.Count > 0) actorNames[(mention.Canonical, mention.Text)] = name; // stable once the actors are merged
        return name;
    }
}

/// <summary>Sentences from different documents that state one fact; the first is its wording.</summary>
public sealed class SentenceGroup(StorySentence first, FactWords words)
{
    private readonly List<StorySentence> sentences = [first];
    private readonly HashSet<Document> documents = [first.Document];

    public IReadOnlyList<StorySentence> Sentences => sentences;
    public FactWords Words { get; } = words;
    public StorySentence First => sentences[0];

    public IReadOnlyList<string> Sources => sentences.Select(s => s.Document.Id).Distinct().ToList();

    public void Add(StorySentence sentence)
    {
        sentences.Add(sentence);
        documents.Add(sentence.Document);
    }

    public bool Reports(Document document) => documents.Contains(document);
}

/// <summary>A statement and the documents that make it; <see cref="Date"/>, when known, is the day it happened.</summary>
public sealed record CitedText(string Text, IReadOnlyList<string> Sources)
{
    public PartialDate? Date { get; init; }
}

/// <summary>An actor of the story with every name the documents use for it.</summary>
public sealed record Actor(string Id, string Name, EntityType Type, IReadOnlyList<string> Aliases, IReadOnlyList<string> Documents, int Mentions);

/// <summary>A place the story mentions, with where it is.</summary>
public sealed record StoryPlace(string Name, string? Country, GeoPoint? Point, PlaceKind? Kind, IReadOnlyList<string> Documents, int Mentions)
{
    public double? Lat => Point?.Lat;
    public double? Lon => Point?.Lon;
}

/// <summary>
/// Who did what to whom, where and when. One real-world event reported by several documents is one
/// entry whose <see cref="Sources"/> lists them all. <see cref="Destination"/> is where people fled
/// to, for a displacement whose <see cref="Place"/> is where they fled from.
/// </summary>
public sealed record StoryEvent(
    string Id, string Type, string? Mode, string? Actor, string? Target, string? Place, string? Country,
    double? Lat, double? Lon, PartialDate? Date, string Text, IReadOnlyList<string> Sources, EventPlace? Destination = null)
{
    /// <summary>False when no report states the event's day and <see cref="Date"/> is the earliest publication date.</summary>
    public bool DateStated { get; init; } = true;

    /// <summary>How many people it killed, injured and hit, as most of its reports count them.</summary>
    public Casualties Casualties { get; init; }

    /// <summary>False when no report names where it happened and <see cref="Place"/> is where its article is filed from.</summary>
    public bool PlaceStated { get; init; } = true;
}

/// <summary>A place an event refers to besides where it happened.</summary>
public sealed record EventPlace(string Name, string? Country, double? Lat, double? Lon);

/// <summary>A dated line of the story's timeline.</summary>
public sealed record TimelineEntry(PartialDate Date, string Text, IReadOnlyList<string> Sources);

/// <summary>
/// A factual statement and its corroboration: the documents that state it, those of them that only
/// rewrite another (<see cref="Derived"/>), and <see cref="Support"/>, the distinct outlets that state
/// it independently.
/// </summary>
public sealed record Claim(string Text, IReadOnlyList<string> Sources, IReadOnlyList<string> Derived, int Support)
{
    /// <summary>Position of the first wording in its article (0 = lead), to order claims of equal support.</summary>
    public int Index { get; init; }
}

/// <summary>Documents that give incompatible values for the same fact.</summary>
public sealed record Contradiction(string About, IReadOnlyList<ContradictingStatement> Statements);

/// <summary>One side of a contradiction: what is said, the value it gives, and who says it.</summary>
public sealed record ContradictingStatement(string Text, string Value, IReadOnlyList<string> Sources)
{
    /// <summary>Every sentence that states this version, in its own words.</summary>
    public IReadOnlyList<string> Sentences { get; init; } = [];
}

/// <summary>A statement about what may happen, split into its condition (if any) and outcome.</summary>
public sealed record Forecast(string Text, string? Condition, string Outcome, IReadOnlyList<string> Sources);
