using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Sitrep;
using Sitrep.Store;
using Sitrep.Web;

/// <summary>
/// <c>sitrep serve</c>'s pages over a large store, as an analyst opens them: the story list, its
/// later pages and filter, search, and the page of one story of <c>storySize</c> articles (cold: its
/// picture analysed for the request; warm: analysed already). The store is synthetic so that it is
/// made in seconds: <c>articles</c> generated articles (a few templated sentences of invented towns,
/// forces and numbers) are stored as ingest stores them, and are assigned to stories directly in the
/// store (the first <c>storySize</c> articles to one story, the rest to stories of 1 to 20) instead
/// of being read by the pipeline, which would take most of an hour for 100,000 articles on two cores.
/// Only the big story's articles are ever analysed, by its page.
/// </summary>
internal static class PagesBench
{
    private static readonly string[] Towns = ["Kalvara", "Dunmere", "Osterby", "Velika Brda", "Port Amsel", "Tarsin", "Mirovo", "Belcastro", "Qasr Hamid", "Nyanza Falls"];
    private static readonly string[] Forces = ["the Northern Front", "government troops", "the Coastal Brigade", "militia fighters", "the Liberation Army", "police units"];
    private static readonly string[] Acts = ["shelled", "captured", "attacked", "withdrew from", "blockaded", "entered"];
    private static readonly string[] Outlets = ["Harbour Courier", "Plains Gazette", "Ridge Wire", "Delta Monitor", "Valley Post"];

    public static int Run(int articles, int storySize)
    {
        string folder = Directory.CreateTempSubdirectory("sitrep-pages-").FullName;
        string database = Path.Combine(folder, "sitrep.db");
        var clock = Stopwatch.StartNew();
        using (var store = ArticleStore.Open(database))
            store.Add(Enumerable.Range(0, articles).Select(Article), new ProblemList());
        Console.WriteLine($"pages: {articles:N0} synthetic articles stored in {clock.Elapsed.TotalSeconds:F1} s");
        int stories = AssignStories(database, articles, storySize);
        Console.WriteLine($"pages: assigned to {stories:N0} stories (one of {storySize:N0} articles) directly in the store");

        clock.Restart();
        using var server = StoryServer.Open(database);
        var app = server.Build(port: 0);
        app.StartAsync().Wait();
        Console.WriteLine($"pages: listening after {clock.Elapsed.TotalSeconds:F1} s");
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(10) };
        // The server analyses the biggest story first, from the start: a page asked for at once waits for that analysis.
        Measure(http, "/stories/s1 (cold)", _ => "/stories/s1", rounds: 1, warmUp: 0);
        Measure(http, "/stories/s1 (warm)", _ => "/stories/s1", rounds: 20);
        Measure(http, "/", _ => "/");
        Measure(http, "/?page=N", i => $"/?page={2 + i % 100}");
        Measure(http, "/?sort=new", _ => "/?sort=new");
        Measure(http, "/?filter=", i => $"/?filter={Uri.EscapeDataString(Towns[i % Towns.Length])}");
        Measure(http, "/api/stories?limit=100", i => $"/api/stories?offset={i * 100}&limit=100");
        Measure(http, "/search?q=", i => $"/search?q={Uri.EscapeDataString(Towns[i % Towns.Length])}");
        Measure(http, "/articles/ID", i => $"/articles/a{(i * 7919) % articles}");
        app.StopAsync().Wait();
        Directory.Delete(folder, recursive: true);
        return 0;
    }

    /// <summary>The n-th synthetic article: the big story's are one offensive on one town; the others vary town, force, act and day.</summary>
    private static Document Article(int n)
    {
        var random = new Random(n);
        string town = Towns[random.Next(Towns.Length)], other = Towns[random.Next(Towns.Length)], force = Forces[random.Next(Forces.Length)];
        string act = Acts[random.Next(Acts.Length)];
        int killed = random.Next(2, 60), fled = random.Next(1, 40) * 100;
        var day = new DateOnly(2026, 1, 1).AddDays(n % 120);
        string text = $"{char.ToUpperInvariant(force[0])}{force[1..]} {act} {town} on {day:dddd}, killing {killed} people, officials said.\n\n" +
                      $"About {fled:N0} residents fled {town} towards {other}, aid workers said, and the road between the two towns was closed.\n\n" +
                      $"Talks on a ceasefire round {town} are due to resume next week, mediators said. Report {n}.";
        return new Document($"a{n}", new SourceLocation("synthetic.jsonl", n + 1))
        {
            Text = text,
            TextIsInput = true,
            Title = $"{char.ToUpperInvariant(force[0])}{force[1..]} {act} {town}",
            Outlet = Outlets[n % Outlets.Length],
            Published = PartialDate.OfDay(day),
        };
    }

    /// <summary>Empties the queue and records a reading per article: the first <paramref name="storySize"/> in story 0, the rest in stories of 1 to 20 in turn.</summary>
    private static int AssignStories(string database, int articles, int storySize)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=false");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using (var clear = new SqliteCommand("DELETE FROM queue", connection, transaction)) clear.ExecuteNonQuery();
        using var insert = new SqliteCommand("INSERT INTO readings (article_id, worker, story, terms, problem, read_at) VALUES (@id, 'bench', @story, NULL, NULL, '2026-01-01T00:00:00Z')", connection, transaction);
        var id = insert.Parameters.Add("@id", SqliteType.Text);
        var story = insert.Parameters.Add("@story", SqliteType.Integer);
        int current = 0, left = storySize;
        for (int n = 0; n < articles; n++)
        {
            if (left == 0) (current, left) = (current + 1, 1 + current % 20);
            id.Value = $"a{n}";
            story.Value = current;
            insert.ExecuteNonQuery();
            left--;
        }
        transaction.Commit();
        return current + 1;
    }

    private static void Measure(HttpClient http, string name, Func<int, string> path, int rounds = 50, int warmUp = 5)
    {
        for (int i = 0; i < warmUp; i++) http.GetAsync(path(i)).Result.EnsureSuccessStatusCode();
        var times = new List<double>();
        long bytes = 0;
        for (int i = 0; i < rounds; i++)
        {
            var clock = Stopwatch.StartNew();
            var response = http.GetAsync(path(i)).Result.EnsureSuccessStatusCode();
            bytes += response.Content.ReadAsByteArrayAsync().Result.Length;
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine($"{name,-24} p50 {times[times.Count / 2],8:F1} ms  p95 {times[times.Count * 19 / 20],8:F1} ms  max {times[^1],8:F1} ms  {bytes / rounds / 1024,6:N0} KB");
    }
}
