namespace Sitrep.Stories;

/// <summary>A document's raw term counts in each space, before they are weighted by IDF.</summary>
public sealed class DocumentTerms
{
    /// <summary>Words of headline and body, stemmed, without stopwords.</summary>
    public Dictionary<int, int> Body { get; } = [];
    /// <summary>Words of the headline alone.</summary>
    public Dictionary<int, int> Title { get; } = [];
    public Dictionary<int, int> Names { get; } = [];
    public Dictionary<int, int> Dates { get; } = [];
    public Dictionary<int, int> Numbers { get; } = [];

    /// <summary>The calendar years the document names: one event rarely spans two.</summary>
    public int[] Years { get; set; } = [];

    /// <summary>The months of the year (1-12) its dates name, with or without a year.</summary>
    public int[] Months { get; set; } = [];

    /// <summary>The days (day numbers) its full dates name: what its events' stated days are.</summary>
    public int[] Days { get; set; } = [];

    /// <summary>The first towns it places on the map (its dateline and lead come first): where it happened.</summary>
    public GeoPoint[] Towns { get; set; } = [];

    /// <summary>Publication time in days (fractional), when the input gave one; null when unknown or inferred.</summary>
    public double? Published { get; init; }

    /// <summary>The spaces that share the document-frequency table (headline words are body words too).</summary>
    public IEnumerable<Dictionary<int, int>> Spaces => [Body, Names, Dates, Numbers];

    public StoryProfile Weigh(DocumentFrequencies frequencies) => new(
        SparseVector.Weigh(Body, frequencies), SparseVector.Weigh(Title, frequencies), SparseVector.Weigh(Names, frequencies),
        SparseVector.Weigh(Dates, frequencies), SparseVector.Weigh(Numbers, frequencies), Years, Months, Days, Towns, Published);
}

/// <summary>A document as the clusterer compares it: unit TF-IDF vectors per space, years, months, days, towns and publication time.</summary>
public sealed record StoryProfile(SparseVector Body, SparseVector Title, SparseVector Names, SparseVector Dates, SparseVector Numbers,
    int[] Years, int[] Months, int[] Days, GeoPoint[] Towns, double? Published);

/// <summary>
/// Turns a document into <see cref="DocumentTerms"/>: words of headline and body, and the cues
/// (names, dates, numbers) of an <see cref="ICueSource"/>. The headline is the document's title,
/// or else a short first line followed by more text.
/// </summary>
public sealed class StoryProfiler(ICueSource cues)
{
    private const int MaxTitleWords = 25;
    /// <summary>Names in the headline and first sentences count this many times: they say whom the story is about.</summary>
    private const int LeadWords = 50, LeadNameWeight = 3;
    /// <summary>Towns kept per document: the first few, where it happened (later ones are often where victims were taken, or background).</summary>
    private const int MaxTowns = 3;

    public StoryProfiler() : this(new AnnotatedCues(new ScannedCues())) { }

    public DocumentTerms Count(Document document)
    {
        var text = document.Text;
        var (start, end) = BodyRange(document);
        var words = Words.Scan(text, start, end);
        var titleSpan = document.Title == null ? FirstLineTitle(text, words) : default;

        var found = new DocumentCues();
        cues.Collect(document, words, titleSpan, found);
        SortedSet<int> years = [], months = [], days = [];
        var terms = new DocumentTerms { Published = PublishedDays(document) };
        foreach (var w in words)
        {
            var span = w.In(text);
            if (Stopwords.Contains(span) || span.Length < 2) continue;
            int term = TermHash.OfWord(span);
            Increment(terms.Body, term);
            if (titleSpan.Length > 0 && w.Start < titleSpan.End) Increment(terms.Title, term);
        }
        if (document.Title != null)
            foreach (var w in Words.Scan(document.Title))
            {
                var span = w.In(document.Title);
                if (Stopwords.Contains(span) || span.Length < 2) continue;
                int term = TermHash.OfWord(span);
                Increment(terms.Title, term);
                Increment(terms.Body, term);
            }
        int leadEnd = words.Count > LeadWords ? words[LeadWords].Start : text.Length;
        foreach (var (name, at) in found.Names) AddName(terms.Names, name, at < leadEnd ? LeadNameWeight : 1);
        foreach (var date in found.Dates) AddDate(terms.Dates, date, years, months, days);
        foreach (var number in found.Numbers) Increment(terms.Numbers, TermHash.Of(TermKind.Number, number));
        terms.Years = [.. years];
        terms.Months = [.. months];
        terms.Days = [.. days];
        terms.Towns = Towns(document);
        return terms;
    }

    private static GeoPoint[] Towns(Document document)
    {
        var towns = new List<GeoPoint>(MaxTowns);
        foreach (var p in document.Places)
            if (p is { Kind: PlaceKind.City, Point: { } point, Context: null } && !towns.Contains(point))
            {
                towns.Add(point);
                if (towns.Count == MaxTowns) break;
            }
        return [.. towns];
    }

    private static (int Start, int End) BodyRange(Document document) =>
        document.Body.Count == 0 ? (0, document.Text.Length) : (document.Body[0].Start, document.Body[^1].End);

    private static TextSpan FirstLineTitle(string text, List<Word> words)
    {
        if (words.Count == 0) return default;
        int lineEnd = text.IndexOf('\n', words[0].Start);
        if (lineEnd < 0) return default;
        int count = 0;
        while (count < words.Count && words[count].Start < lineEnd) count++;
        return count <= MaxTitleWords && count < words.Count ? new TextSpan(words[0].Start, lineEnd) : default;
    }

    private static double? PublishedDays(Document document)
    {
        if (document.PublishedInferred || document.Published is not { } p) return null;
        return p.FirstDay.DayNumber + (p.Precision == DatePrecision.Minute ? p.Time.ToTimeSpan().TotalDays : 0);
    }

    /// <summary>A name and each of its words: "Lindsay Lohan" also meets a later bare "Lohan".</summary>
    private static void AddName(Dictionary<int, int> names, string name, int count)
    {
        Increment(names, TermHash.Of(TermKind.Name, name), count);
        if (name.IndexOf(' ') < 0) return;
        foreach (var part in name.Split(' '))
            if (part.Length > 2 && !Stopwords.Contains(part)) Increment(names, TermHash.Of(TermKind.Name, part), count);
    }

    /// <summary>A date at its own precision and every coarser one, with and without its year.</summary>
    private static void AddDate(Dictionary<int, int> dates, string value, SortedSet<int> years, SortedSet<int> months, SortedSet<int> days)
    {
        Increment(dates, TermHash.Of(TermKind.Date, value));
        int year = 0;
        bool hasYear = value.Length >= 4 && int.TryParse(value.AsSpan(0, 4), out year);
        if (hasYear) years.Add(year);
        if (hasYear && value.Length == 10 && DateOnly.TryParseExact(value, "yyyy-MM-dd", out var day)) days.Add(day.DayNumber);
        if (value.Length >= 7 && value[4] == '-' && value[5] != 'W')
        {
            if (int.TryParse(value.AsSpan(5, 2), out var month)) months.Add(month);
            if (value.Length >= 10) Increment(dates, TermHash.Of(TermKind.Date, value.AsSpan(0, 7)));
            if (hasYear)
            {
                Increment(dates, TermHash.Of(TermKind.Date, value.AsSpan(0, 4)));
                Increment(dates, TermHash.Of(TermKind.Date, "XXXX" + value[4..Math.Min(value.Length, 10)]));
            }
        }
    }

    private static void Increment(Dictionary<int, int> counts, int term, int count = 1) =>
        System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, term, out _) += count;
}
