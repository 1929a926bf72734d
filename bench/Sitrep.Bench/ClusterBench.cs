using System.Diagnostics;
using System.Text;
using Sitrep;
using Sitrep.Stories;

/// <summary>
/// Story clustering at scale on a synthetic stream: stories with their own topic words, names,
/// places and dates, told by many documents over weeks, mixed with common words. Prints, per stream
/// length, the clustering throughput (whole run and its last 10,000 documents, to show the cost per
/// document stays flat), the time to turn documents into terms, live stories, memory, and B-cubed
/// F1 against the generator's stories. Rates are per second of processor time (the process is
/// single-threaded here), so a busy shared machine does not distort them; wall-clock rates follow.
/// </summary>
static class ClusterBench
{
    public static int Run(IEnumerable<int> sizes)
    {
        Measure(5_000); // warm-up: the first sizes would otherwise pay for compilation
        Console.WriteLine("documents  cluster docs/s  last-10k docs/s  featurize docs/s  live stories  retired  managed MB  B-cubed F1  (wall: cluster docs/s)");
        foreach (var size in sizes) Console.WriteLine(Measure(size));
        return 0;
    }

    private static string Measure(int size)
    {
        GC.Collect();
        var stream = new SyntheticStories(seed: 7);
        var profiler = new StoryProfiler();
        var frequencies = new DocumentFrequencies();
        var clusterer = new StoryClusterer();
        var truth = new int[size];
        var predicted = new int[size];
        var featurize = new ProcessorClock();
        var cluster = new ProcessorClock();
        var lastWindow = new ProcessorClock();
        // Timed in batches: reading the processor clock per document would cost more than clustering it.
        const int Batch = 1_000;
        var terms = new DocumentTerms[Batch];
        for (int first = 0; first < size; first += Batch)
        {
            var batch = Enumerable.Range(0, Math.Min(Batch, size - first)).Select(_ => stream.Next()).ToList();
            featurize.Start();
            for (int j = 0; j < batch.Count; j++) terms[j] = profiler.Count(batch[j].Document);
            featurize.Stop();
            bool last = first >= size - 10_000;
            if (last) lastWindow.Start();
            cluster.Start();
            for (int j = 0; j < batch.Count; j++)
            {
                frequencies.Observe(terms[j]);
                predicted[first + j] = clusterer.Add(terms[j].Weigh(frequencies));
                truth[first + j] = batch[j].Story;
            }
            cluster.Stop();
            if (last) lastWindow.Stop();
        }
        long managed = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(clusterer);
        GC.KeepAlive(frequencies);
        return $"{size,9}  {size / cluster.Seconds,14:F0}  {Math.Min(size, 10_000) / lastWindow.Seconds,15:F0}  " +
                          $"{size / featurize.Seconds,16:F0}  {clusterer.ActiveStories,12}  {clusterer.StoriesRetired,7}  {managed / 1e6,10:F0}  {BCubed(predicted, truth),10:F3}" +
                          $"  ({size / cluster.WallSeconds:F0})";
    }

    private static double BCubed(int[] predicted, int[] truth)
    {
        var pairs = new Dictionary<(int, int), int>();
        var pSize = new Dictionary<int, int>();
        var tSize = new Dictionary<int, int>();
        for (int i = 0; i < predicted.Length; i++)
        {
            pairs[(predicted[i], truth[i])] = pairs.GetValueOrDefault((predicted[i], truth[i])) + 1;
            pSize[predicted[i]] = pSize.GetValueOrDefault(predicted[i]) + 1;
            tSize[truth[i]] = tSize.GetValueOrDefault(truth[i]) + 1;
        }
        double p = 0, r = 0;
        for (int i = 0; i < predicted.Length; i++)
        {
            int both = pairs[(predicted[i], truth[i])];
            p += (double)both / pSize[predicted[i]];
            r += (double)both / tSize[truth[i]];
        }
        p /= predicted.Length;
        r /= predicted.Length;
        return 2 * p * r / (p + r);
    }
}

/// <summary>Accumulates processor time (and wall time) between Start and Stop.</summary>
sealed class ProcessorClock
{
    private readonly Process process = Process.GetCurrentProcess();
    private readonly Stopwatch wall = new();
    private TimeSpan started, total;

    public double Seconds => total.TotalSeconds;
    public double WallSeconds => wall.Elapsed.TotalSeconds;

    public void Start()
    {
        process.Refresh();
        started = process.TotalProcessorTime;
        wall.Start();
    }

    public void Stop()
    {
        process.Refresh();
        total += process.TotalProcessorTime - started;
        wall.Stop();
    }
}

/// <summary>
/// An endless synthetic news stream. About 300 stories run at once; each has topic words, people,
/// a place and a date of its own, and lasts a few hundred documents. Publication time advances
/// 20,000 documents a day, so quiet stories retire by time as they would in a real feed.
/// </summary>
sealed class SyntheticStories(int seed)
{
    private sealed record Story(int Id, string[] Topic, string[] Names, string Place, DateOnly Date, int Number, int Remaining);

    private const int CommonWords = 20_000, LiveStories = 300, DocumentsPerDay = 20_000;
    private readonly Random random = new(seed);
    private readonly List<Story> live = [];
    private readonly string[] common = Enumerable.Range(0, CommonWords).Select(Word).ToArray();
    private int opened, produced;

    public (Document Document, int Story) Next()
    {
        while (live.Count < LiveStories) live.Add(Open());
        int k = random.Next(live.Count);
        var story = live[k];
        live[k] = story with { Remaining = story.Remaining - 1 };
        if (story.Remaining <= 1) live.RemoveAt(k);
        var published = DateTime.UnixEpoch.AddDays(20_000 + produced / (double)DocumentsPerDay);
        var document = new Document($"d{produced++}", new SourceLocation("synthetic"))
        {
            Text = Text(story),
            TextIsInput = true,
            Published = PartialDate.OfInstant(new DateTimeOffset(published, TimeSpan.Zero)),
        };
        document.Body.Add(new TextSpan(0, document.Text.Length));
        return (document, story.Id);
    }

    private Story Open()
    {
        var today = DateOnly.FromDateTime(DateTime.UnixEpoch.AddDays(20_000 + produced / (double)DocumentsPerDay));
        return new Story(opened++, [.. Enumerable.Range(0, 8).Select(_ => common[random.Next(2_000, CommonWords)])],
            [.. Enumerable.Range(0, 4).Select(_ => Name())], Name(), today.AddDays(-random.Next(3)), random.Next(2, 5_000), random.Next(20, 800));
    }

    private string Text(Story story)
    {
        var text = new StringBuilder(2_400);
        text.Append(Capitalise(story.Topic[random.Next(8)])).Append(' ').Append(story.Names[0]).Append(' ')
            .Append(story.Topic[random.Next(8)]).Append(" in ").Append(story.Place).Append('\n');
        text.Append(story.Date.ToString("MMMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        for (int sentence = 0; sentence < 18; sentence++)
        {
            for (int w = 0; w < 16; w++)
            {
                double u = random.NextDouble();
                string word = u < 0.15 ? story.Topic[random.Next(8)]
                    : u < 0.20 ? story.Names[random.Next(4)]
                    : u < 0.21 ? story.Place
                    : u < 0.215 ? story.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    : common[Zipf()];
                text.Append(w == 0 ? Capitalise(word) : word).Append(w == 15 ? ". " : " ");
            }
        }
        return text.ToString();
    }

    /// <summary>A word rank with a Zipf-like distribution (density ~ 1/rank).</summary>
    private int Zipf() => Math.Min(CommonWords - 1, (int)Math.Exp(random.NextDouble() * Math.Log(CommonWords)) - 1);

    private static string Word(int n)
    {
        const string consonants = "bcdfghklmnprstvz", vowels = "aeiou";
        var word = new StringBuilder();
        do
        {
            word.Append(consonants[n % consonants.Length]).Append(vowels[n / consonants.Length % vowels.Length]);
            n /= consonants.Length * vowels.Length;
        } while (n > 0);
        return word.ToString();
    }

    private string Name() => Capitalise(Word(random.Next(1_000_000)) + Word(random.Next(80))) + " " + Capitalise(Word(random.Next(1_000_000)));

    private static string Capitalise(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
