using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;
using Sitrep;
using Sitrep.Store;
using Sitrep.Web;

/// <summary>
/// <c>sitrep serve</c>'s pages over a large store, as an analyst opens them, on SQLite and (given a
/// server) PostgreSQL: the page of one story of <c>storySize</c> articles (its first load from a
/// server just started, then warm, then after the story grew), the story list, its later pages,
/// order and filter, the API's list, search and an article. The store is synthetic so that it is
/// made in minutes: <c>articles</c> generated articles (a few templated sentences of invented towns,
/// forces and numbers) are stored as ingest stores them, and are assigned to stories directly in
/// the store (the first <c>storySize</c> articles to one story, the rest to stories of 1 to 20)
/// instead of being read by the pipeline, which would take most of an hour for 100,000 articles on
/// two cores. The big story's page is then analysed and stored as <c>sitrep worker</c> stores it
/// (timed by part); the other stories' pages are analysed by the server in the background, as
/// after an upgrade, while the pages are measured.
/// </summary>
internal static class PagesBench
{
    private static readonly string[] Towns = ["Kalvara", "Dunmere", "Osterby", "Velika Brda", "Port Amsel", "Tarsin", "Mirovo", "Belcastro", "Qasr Hamid", "Nyanza Falls"];
    private static readonly string[] Forces = ["the Northern Front", "government troops", "the Coastal Brigade", "militia fighters", "the Liberation Army", "police units"];
    private static readonly string[] Acts = ["shelled", "captured", "attacked", "withdrew from", "blockaded", "entered"];
    private static readonly string[] Outlets = ["Harbour Courier", "Plains Gazette", "Ridge Wire", "Delta Monitor", "Valley Post"];

    /// <summary>Articles that join the big story after its page was stored.</summary>
    private const int Growth = 10;

    public static int Run(int articles, int storySize, string? server)
    {
        string folder = Directory.CreateTempSubdirectory("sitrep-pages-").FullName;
        try
        {
            Console.WriteLine($"pages: load average {File.ReadAllText("/proc/loadavg").Trim()} on {Environment.ProcessorCount} cores");
            Measure("SQLite", Path.Combine(folder, "sitrep.db"), articles, storySize);
            if (server == null) Console.WriteLine("pages: no PostgreSQL server named (--server or SITREP_POSTGRES); SQLite only");
            else
            {
                string database = WorkerBench.NewDatabase(server, $"sitrep_pages_{Environment.ProcessId}");
                try
                {
                    Measure("PostgreSQL", database, articles, storySize);
                }
                finally
                {
                    NpgsqlConnection.ClearAllPools();
                    WorkerBench.DropDatabase(server, database);
                }
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        return 0;
    }

    private static void Measure(string kind, string database, int articles, int storySize)
    {
        var clock = Stopwatch.StartNew();
        using (var store = ArticleStore.Open(database))
            store.Add(Enumerable.Range(0, articles).Select(Article), new ProblemList());
        Console.WriteLine($"pages {kind}: {articles:N0} synthetic articles stored in {clock.Elapsed.TotalSeconds:F1} s");
        int stories = AssignStories(database, articles, storySize);
        Console.WriteLine($"pages {kind}: assigned to {stories:N0} stories (one of {storySize:N0} articles) directly in the store");

        using (var store = ArticleStore.Open(database))
        {
            var analysed = new StoryPages(store).Analyse(store.Members(0)!);
            var t = analysed.Timings;
            Console.WriteLine($"pages {kind}: the {storySize:N0}-article story's page analysed and stored (as a worker does) in " +
                              $"{(t.Read + t.Annotate + t.Analyse + t.Render + t.Store).TotalSeconds:F1} s: read {t.Read.TotalSeconds:F1} s, annotate {t.Annotate.TotalSeconds:F1} s, " +
                              $"analyse {t.Analyse.TotalSeconds:F1} s, render {t.Render.TotalSeconds:F1} s, store {t.Store.TotalSeconds:F1} s; {analysed.Page.Html.Length / 1024:N0} KB");
        }

        Console.WriteLine($"| {kind} page | rounds | p50 ms | p95 ms | p99 ms | max ms | KB |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        // First loads: each from a server just started (its first request), as a reader opening the story after a restart.
        var firsts = new List<(double, long)>();
        for (int round = 0; round < 5; round++)
            using (var served = Served.Start(database))
                firsts.Add(served.Get("/stories/s1"));
        Row("/stories/s1 (first load)", firsts);
        using (var served = Served.Start(database))
        {
            Row("/stories/s1 (warm)", served.Repeat(_ => "/stories/s1", rounds: 20));
            Row("/", served.Repeat(_ => "/"));
            Row("/?page=N", served.Repeat(i => $"/?page={2 + i % 150}"));
            Row("/?sort=new&page=N", served.Repeat(i => $"/?sort=new&page={1 + i % 150}"));
            Row("/?filter=", served.Repeat(i => $"/?filter={Uri.EscapeDataString(Towns[i % Towns.Length])}"));
            Row("/api/stories?limit=100", served.Repeat(i => $"/api/stories?offset={i * 100 % stories}&limit=100"));
            Row("/search?q=", served.Repeat(i => $"/search?q={Uri.EscapeDataString(Towns[i % Towns.Length])}", rounds: 50));
            Row("/articles/ID", served.Repeat(i => $"/articles/a{(i * 7919) % articles}", rounds: 50));
            Grow(database, articles);
            Row($"/stories/s1 (+{Growth} articles, first)", [served.Get("/stories/s1")]);
            clock.Restart();
            for (served.Get("/stories/s1", out var page); page.Contains("being analysed"); served.Get("/stories/s1", out page)) Thread.Sleep(100);
            Console.WriteLine($"| (grown page current after) | 1 | {clock.Elapsed.TotalMilliseconds:F0} | | | | |");
        }
        Console.WriteLine($"pages {kind}: load average {File.ReadAllText("/proc/loadavg").Trim()}");
    }

    /// <summary>The n-th synthetic article: town, force, act and day vary.</summary>
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

    private static DbConnection Connect(string database)
    {
        DbConnection connection = PostgresArticleStore.IsAddress(database)
            ? new NpgsqlConnection(PostgresArticleStore.ConnectionString(database))
            : new SqliteConnection($"Data Source={database};Pooling=false");
        connection.Open();
        return connection;
    }

    /// <summary>Empties the queue and records a reading per article: the first <paramref name="storySize"/> in story 0, the rest in stories of 1 to 20 in turn (the store counts the stories when next opened).</summary>
    private static int AssignStories(string database, int articles, int storySize)
    {
        using var connection = Connect(database);
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, "DELETE FROM queue");
        int current = 0, left = storySize;
        foreach (var chunk in Enumerable.Range(0, articles).Chunk(1_000))
        {
            var rows = new List<string>();
            foreach (int n in chunk)
            {
                if (left == 0) (current, left) = (current + 1, 1 + current % 20);
                rows.Add($"('a{n}', 'bench', {current}, '2026-01-01T00:00:00Z')");
                left--;
            }
            Execute(connection, transaction, $"INSERT INTO readings (article_id, worker, story, read_at) VALUES {string.Join(", ", rows)}");
        }
        transaction.Commit();
        return current + 1;
    }

    /// <summary>Stores <see cref="Growth"/> more articles and assigns them to story 0 directly, as a worker would (its row counted too).</summary>
    private static void Grow(string database, int articles)
    {
        using (var store = ArticleStore.Open(database))
            store.Add(Enumerable.Range(articles, Growth).Select(Article), new ProblemList());
        using var connection = Connect(database);
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, "DELETE FROM queue");
        Execute(connection, transaction, $"INSERT INTO readings (article_id, worker, story, read_at) VALUES {string.Join(", ", Enumerable.Range(articles, Growth).Select(n => $"('a{n}', 'bench', 0, '2026-01-01T00:00:00Z')"))}");
        Execute(connection, transaction, $"UPDATE stories SET articles = articles + {Growth}, last_seq = (SELECT MAX(seq) FROM readings WHERE story = 0) WHERE story = 0");
        transaction.Commit();
    }

    private static void Execute(DbConnection connection, DbTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void Row(string name, List<(double Milliseconds, long Bytes)> timings)
    {
        var times = timings.Select(t => t.Milliseconds).Order().ToList();
        double At(double q) => times[Math.Min(times.Count - 1, (int)(q * times.Count))];
        Console.WriteLine($"| {name} | {times.Count} | {At(0.50):F0} | {At(0.95):F0} | {At(0.99):F0} | {times[^1]:F0} | {timings.Average(t => t.Bytes) / 1024:N0} |");
    }

    /// <summary>A server on the store, started for the measurements and stopped after them.</summary>
    private sealed class Served : IDisposable
    {
        private readonly StoryServer server;
        private readonly Microsoft.AspNetCore.Builder.WebApplication app;
        private readonly HttpClient http;

        private Served(string database)
        {
            server = StoryServer.Open(database);
            app = server.Build(port: 0);
            app.StartAsync().Wait();
            http = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(10) };
        }

        public static Served Start(string database) => new(database);

        public (double Milliseconds, long Bytes) Get(string path) => Get(path, out _);

        public (double Milliseconds, long Bytes) Get(string path, out string text)
        {
            var clock = Stopwatch.StartNew();
            var response = http.GetAsync(path).Result.EnsureSuccessStatusCode();
            var bytes = response.Content.ReadAsByteArrayAsync().Result;
            var elapsed = clock.Elapsed.TotalMilliseconds;
            text = System.Text.Encoding.UTF8.GetString(bytes);
            return (elapsed, bytes.Length);
        }

        public List<(double, long)> Repeat(Func<int, string> path, int rounds = 200, int warmUp = 5)
        {
            for (int i = 0; i < warmUp; i++) Get(path(i));
            return [.. Enumerable.Range(0, rounds).Select(i => Get(path(i)))];
        }

        public void Dispose()
        {
            http.Dispose();
            app.StopAsync().Wait();
            ((IDisposable)app).Dispose();
            server.Dispose();
        }
    }
}
