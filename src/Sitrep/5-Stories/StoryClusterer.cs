namespace Sitrep.Stories;

/// <summary>How a document compares with a story: cosine similarity per space (Miranda et al. 2018), and more.</summary>
/// <remarks>
/// A conflict is 1 when both sides name years (months, days) and none in common: different events.
/// <see cref="TopNames"/> is the share of the document's three heaviest names the story knows (whom it is about).
/// <see cref="DaysApart"/> is ln(1 + days) between the document's publication and the mean of the story's
/// (average link: a saga's later chapters are far from its mean however closely each follows the one before);
/// 0 when either is unknown. <see cref="TownConflict"/> is 1 when both name towns and none of the
/// document's is near one of the story's (same-kind local incidents in different towns).
/// </remarks>
public readonly record struct SimilarityFeatures(float Body, float Title, float Names, float Dates, float Numbers, float YearConflict, float MonthConflict,
    float TopNames, float DayConflict = 0, float DaysApart = 0, float TownConflict = 0)
{
    public static readonly string[] Labels = ["body", "title", "names", "dates", "numbers", "year_conflict", "month_conflict", "top_names",
        "day_conflict", "days_apart", "town_conflict"];

    public float[] ToArray() => [Body, Title, Names, Dates, Numbers, YearConflict, MonthConflict, TopNames, DayConflict, DaysApart, TownConflict];
}

/// <summary>
/// Whether a document belongs to a story: a logistic model over <see cref="SimilarityFeatures"/>,
/// fitted on document-story pairs by tools/train-story-decision.sh and shipped as the data file
/// story-decision.tsv (a SITREP_DATA file of that name overrides any of its lines). A document joins
/// its best story when the log-odds are positive, else it opens a new story. The file also holds
/// the thresholds of <see cref="StoryRefinement"/>, fitted with the weights.
/// </summary>
public sealed record StoryDecision(float Bias, float[] Weights, float SplitBelow = StoryDecision.NoSplit, float AbsorbAbove = StoryDecision.NoAbsorb)
{
    public const float NoSplit = float.NegativeInfinity, NoAbsorb = float.PositiveInfinity;
    public const string File = "story-decision.tsv";

    public static StoryDecision Default { get; } = Read(DataFiles.Lines("Stories", File));

    /// <summary>Lines "name TAB value": bias, split_below, absorb_above and one per feature label; a later line wins.</summary>
    public static StoryDecision Read(IEnumerable<string> lines)
    {
        var values = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var fields = line.Split('\t');
            if (fields.Length != 2 || !float.TryParse(fields[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value))
                throw new InvalidDataException($"{File}: '{line}' is not 'name<TAB>number'");
            values[fields[0]] = value;
        }
        float Value(string name) => values.TryGetValue(name, out var v) ? v : throw new InvalidDataException($"{File}: no line for {name}");
        return new StoryDecision(Value("bias"), SimilarityFeatures.Labels.Select(l => values.GetValueOrDefault(l)).ToArray(),
            Value("split_below"), Value("absorb_above"));
    }

    /// <summary>The file's lines for these weights (what the trainer writes).</summary>
    public IEnumerable<string> Lines()
    {
        static string F(float v) => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        yield return $"bias\t{F(Bias)}";
        for (int i = 0; i < Weights.Length; i++) yield return $"{SimilarityFeatures.Labels[i]}\t{F(Weights[i])}";
        yield return $"split_below\t{F(SplitBelow)}";
        yield return $"absorb_above\t{F(AbsorbAbove)}";
    }

    public float LogOdds(in SimilarityFeatures f)
    {
        var w = Weights;
        return Bias + w[0] * f.Body + w[1] * f.Title + w[2] * f.Names + w[3] * f.Dates + w[4] * f.Numbers
               + w[5] * f.YearConflict + w[6] * f.MonthConflict + w[7] * f.TopNames
               + w[8] * f.DayConflict + w[9] * f.DaysApart + w[10] * f.TownConflict;
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

/// <summary>What a story keeps of its documents: centroids per space, the years, months, days and towns they name, and when they were published.</summary>
internal sealed class Story(int id)
{
    /// <summary>Towns this close are one place (a town and the suburb another outlet names instead).</summary>
    private const double SameTownKm = 30;
    /// <summary>Towns a story keeps: its first ones (where it happened), which bounds the comparison.</summary>
    private const int TownCapacity = 16;
    /// <summary>Stated days this close are one event's (a report may date it a day or two off, or by its eve).</summary>
    private const int SameDays = 2;

    public int Id { get; } = id;
    public Centroid Body { get; } = new(160);
    public Centroid Title { get; } = new(32);
    public Centroid Names { get; } = new(64);
    public Centroid Dates { get; } = new(16);
    public Centroid Numbers { get; } = new(32);
    public HashSet<int> Years { get; } = [];
    public HashSet<int> Months { get; } = [];
    public HashSet<int> Days { get; } = [];
    public List<GeoPoint> Towns { get; } = [];
    public HashSet<int> IndexedUnder { get; } = [];
    public int Documents { get; private set; }
    public long LastDocument { get; set; }
    public double? LastPublished { get; private set; }
    private double publishedSum;
    private int publishedCount;

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
        Days.UnionWith(document.Days);
        foreach (var town in document.Towns)
            if (Towns.Count < TownCapacity && !Towns.Any(t => Near(t, town))) Towns.Add(town);
        Documents++;
        if (document.Published is { } p)
        {
            if (LastPublished == null || p > LastPublished) LastPublished = p;
            publishedSum += p;
            publishedCount++;
        }
    }

    public SimilarityFeatures Compare(StoryProfile d)
    {
        return new SimilarityFeatures(Body.Cosine(d.Body), Title.Cosine(d.Title), Names.Cosine(d.Names),
            Dates.Cosine(d.Dates), Numbers.Cosine(d.Numbers), Conflict(d.Years, Years), Conflict(d.Months, Months),
            TopNamesKnown(d.Names), DayConflict(d.Days), DaysApart(d.Published), TownConflict(d.Towns));
    }

    public float TopNamesKnown(SparseVector names)
    {
        int top = Math.Min(3, names.Count);
        if (top == 0) return 0;
        int known = 0;
        for (int i = 0; i < top; i++) if (Names.Contains(names.Terms[i])) known++;
        return (float)known / top;
    }

    private float DaysApart(double? published) =>
        published is { } p && publishedCount > 0 ? (float)Math.Log(1 + Math.Abs(p - publishedSum / publishedCount)) : 0;

    private float DayConflict(int[] days)
    {
        if (days.Length == 0 || Days.Count == 0) return 0;
        foreach (int day in days)
            for (int near = day - SameDays; near <= day + SameDays; near++)
                if (Days.Contains(near)) return 0;
        return 1;
    }

    private float TownConflict(GeoPoint[] towns) =>
        towns.Length > 0 && Towns.Count > 0 && !towns.Any(t => Towns.Any(s => Near(s, t))) ? 1 : 0;

    private static bool Near(GeoPoint a, GeoPoint b) => Sitrep.Places.PlaceResolver.Kilometres(a.Lat, a.Lon, b.Lat, b.Lon) <= SameTownKm;

    private static float Conflict(int[] document, HashSet<int> story) =>
        document.Length > 0 && story.Count > 0 && !document.Any(story.Contains) ? 1 : 0;
}
