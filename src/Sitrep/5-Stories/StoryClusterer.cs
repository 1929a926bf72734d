namespace Sitrep.Stories;

/// <summary>How a document compares with a story: cosine similarity per space (Miranda et al. 2018), and more.</summary>
/// <remarks>
/// A conflict is 1 when both sides name years (months) and none in common: different events.
/// <see cref="TopNames"/> is the share of the document's three heaviest names the story knows (whom it is about).
/// </remarks>
public readonly record struct SimilarityFeatures(float Body, float Title, float Names, float Dates, float Numbers, float YearConflict, float MonthConflict,
    float TopNames)
{
    public static readonly string[] Labels = ["body", "title", "names", "dates", "numbers", "year_conflict", "month_conflict", "top_names"];

    public float[] ToArray() => [Body, Title, Names, Dates, Numbers, YearConflict, MonthConflict, TopNames];
}

/// <summary>
/// Whether a document belongs to a story: a logistic model over <see cref="SimilarityFeatures"/>
/// (weights fitted on document-story pairs by tools/train-story-decision.sh). A document joins its
/// best story when the log-odds are positive, else it opens a new story. Publication dates do not
/// enter: follow-ups weeks or months later belong to their story (a penalty per day apart lowered
/// B-cubed F1 on ECB+ at every rate tried); different events differ in the years and months they
/// name, and streams retire stories that went quiet.
/// </summary>
public sealed record StoryDecision(float Bias, float[] Weights)
{
    public static StoryDecision Default { get; } = new(-3.39f, [2.99f, 0.88f, 4.30f, 2.73f, 2.39f, -1.11f, -1.26f, 1.40f]);

    public float LogOdds(in SimilarityFeatures f)
    {
        var w = Weights;
        return Bias + w[0] * f.Body + w[1] * f.Title + w[2] * f.Names + w[3] * f.Dates + w[4] * f.Numbers
               + w[5] * f.YearConflict + w[6] * f.MonthConflict + w[7] * f.TopNames;
    }
}

/// <summary>Limits that keep the cost per document and the memory flat however long the stream runs.</summary>
public sealed record ClusteringOptions
{
    /// <summary>A story that no document joined for this many documents is retired.</summary>
    public int QuietDocuments { get; init; } = 20_000;
    /// <summary>A story that no document joined for this many days of publication time is retired.</summary>
    public double QuietDays { get; init; } = 14;
    /// <summary>Stories listed under one index term, most recent kept.</summary>
    public int PostingCapacity { get; init; } = 64;
    /// <summary>Candidates (those sharing most index terms) that are compared in full.</summary>
    public int CandidatesCompared { get; init; } = 16;
    /// <summary>A document's heaviest body terms and names that look up and index stories.</summary>
    public int IndexTerms { get; init; } = 12;
    public int IndexNames { get; init; } = 6;
    /// <summary>Index terms one story may hold.</summary>
    public int StoryIndexCapacity { get; init; } = 256;
}

/// <summary>
/// Single-pass clustering of a document stream into stories. Each document is compared with the
/// stories that share its heaviest terms or names (an inverted index, so the cost does not grow
/// with the number of stories) and joins the most likely one, or opens a new story. Stories that
/// went quiet are retired, which bounds memory.
/// </summary>
public sealed class StoryClusterer(StoryDecision decision, ClusteringOptions options)
{
    private readonly Dictionary<int, Story> active = [];
    private readonly Dictionary<int, List<int>> postings = [];
    private readonly Dictionary<int, int> hits = [];
    private long documents;
    private double? latestPublished;

    public StoryClusterer() : this(StoryDecision.Default, new ClusteringOptions()) { }

    public int ActiveStories => active.Count;
    public int StoriesOpened { get; private set; }
    public int StoriesRetired { get; private set; }

    /// <summary>Puts the document into its story and returns the story's number (0, 1, 2... in order of opening).</summary>
    public int Add(StoryProfile document)
    {
        Story? best = null;
        float bestOdds = 0;
        foreach (var (story, features) in Compare(document))
        {
            float odds = decision.LogOdds(features);
            if (odds > bestOdds) (best, bestOdds) = (story, odds);
        }
        return Join(document, best?.Id);
    }

    /// <summary>The candidate stories with their similarity to the document (for training the decision, and for refinement).</summary>
    public IEnumerable<(int Story, SimilarityFeatures Features)> Candidates(StoryProfile document) =>
        Compare(document).Select(c => (c.Story.Id, c.Features));

    /// <summary>Puts the document into the given story, or a new one when null; returns the story's number.</summary>
    public int Join(StoryProfile document, int? storyId)
    {
        documents++;
        if (document.Published is { } published && (latestPublished == null || published > latestPublished)) latestPublished = published;
        if (storyId is not { } id || !active.TryGetValue(id, out var story))
        {
            story = new Story(StoriesOpened++);
            active[story.Id] = story;
        }
        story.Add(document);
        story.LastDocument = documents;
        Index(story, document);
        if (documents % 1024 == 0) RetireQuietStories();
        return story.Id;
    }

    private List<(Story Story, SimilarityFeatures Features)> Compare(StoryProfile document)
    {
        hits.Clear();
        foreach (var term in IndexKeys(document))
            if (postings.TryGetValue(term, out var list))
                foreach (var id in list)
                    hits[id] = hits.GetValueOrDefault(id) + 1;
        // While there are few stories every one is compared: the index keys are a document's rarest
        // terms, and in a small batch the rarest terms are the ones no other document shares.
        if (active.Count <= options.CandidatesCompared)
            foreach (var id in active.Keys) hits.TryAdd(id, 0);
        var compared = new List<(Story, SimilarityFeatures)>();
        foreach (var (id, _) in hits.OrderByDescending(h => h.Value).ThenByDescending(h => h.Key).Take(options.CandidatesCompared))
        {
            var story = active[id];
            compared.Add((story, story.Compare(document)));
        }
        return compared;
    }

    private IEnumerable<int> IndexKeys(StoryProfile d)
    {
        for (int i = 0; i < Math.Min(options.IndexTerms, d.Body.Count); i++) yield return d.Body.Terms[i];
        for (int i = 0; i < Math.Min(options.IndexNames, d.Names.Count); i++) yield return d.Names.Terms[i];
    }

    private void Index(Story story, StoryProfile document)
    {
        foreach (var term in IndexKeys(document))
        {
            if (story.IndexedUnder.Count >= options.StoryIndexCapacity) break;
            if (!story.IndexedUnder.Add(term)) continue;
            if (!postings.TryGetValue(term, out var list)) postings[term] = list = new List<int>(4);
            if (list.Count >= options.PostingCapacity)
            {
                if (active.TryGetValue(list[0], out var dropped)) dropped.IndexedUnder.Remove(term);
                list.RemoveAt(0);
            }
            list.Add(story.Id);
        }
    }

    private void RetireQuietStories()
    {
        var quiet = active.Values.Where(s => documents - s.LastDocument > options.QuietDocuments
            || (latestPublished is { } now && s.LastPublished is { } last && now - last > options.QuietDays)).ToList();
        foreach (var story in quiet)
        {
            active.Remove(story.Id);
            StoriesRetired++;
            foreach (var term in story.IndexedUnder)
            {
                if (!postings.TryGetValue(term, out var list)) continue;
                list.Remove(story.Id);
                if (list.Count == 0) postings.Remove(term);
            }
        }
    }
}

/// <summary>What a story keeps of its documents: centroids per space, the years and months they name, and when it last grew.</summary>
internal sealed class Story(int id)
{
    public int Id { get; } = id;
    public Centroid Body { get; } = new(160);
    public Centroid Title { get; } = new(32);
    public Centroid Names { get; } = new(64);
    public Centroid Dates { get; } = new(16);
    public Centroid Numbers { get; } = new(32);
    public HashSet<int> Years { get; } = [];
    public HashSet<int> Months { get; } = [];
    public HashSet<int> IndexedUnder { get; } = [];
    public int Documents { get; private set; }
    public long LastDocument { get; set; }
    public double? LastPublished { get; private set; }

    public static Story Of(IEnumerable<StoryProfile> documents)
    {
        var story = new Story(0);
        foreach (var d in documents) story.Add(d);
        return story;
    }

    public void Add(StoryProfile document)
    {
        Body.Add(document.Body);
        Title.Add(document.Title);
        Names.Add(document.Names);
        Dates.Add(document.Dates);
        Numbers.Add(document.Numbers);
        Years.UnionWith(document.Years);
        Months.UnionWith(document.Months);
        Documents++;
        if (document.Published is { } p && (LastPublished == null || p > LastPublished)) LastPublished = p;
    }

    public SimilarityFeatures Compare(StoryProfile d)
    {
        return new SimilarityFeatures(Body.Cosine(d.Body), Title.Cosine(d.Title), Names.Cosine(d.Names),
            Dates.Cosine(d.Dates), Numbers.Cosine(d.Numbers), Conflict(d.Years, Years), Conflict(d.Months, Months),
            TopNamesKnown(d.Names));
    }

    public float TopNamesKnown(SparseVector names)
    {
        int top = Math.Min(3, names.Count);
        if (top == 0) return 0;
        int known = 0;
        for (int i = 0; i < top; i++) if (Names.Contains(names.Terms[i])) known++;
        return (float)known / top;
    }

    private static float Conflict(int[] document, HashSet<int> story) =>
        document.Length > 0 && story.Count > 0 && !document.Any(story.Contains) ? 1 : 0;
}
