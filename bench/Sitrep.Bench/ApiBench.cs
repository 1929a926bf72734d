using System.Diagnostics;
using Sitrep;
using Sitrep.Store;
using Sitrep.Web;

/// <summary>
/// <c>sitrep serve</c>'s API over a store of <c>copies</c> of the input documents (10,000 or more
/// articles): the latency of the story list, a story, and searches, each asked 200 times, as p50 and
/// p95 in milliseconds.
/// </summary>
internal static class ApiBench
{
    public static int Run(IReadOnlyList<string> inputs, int copies)
    {
        var documents = StageBench.Read(inputs);
        string folder = Directory.CreateTempSubdirectory("sitrep-api-").FullName;
        string database = Path.Combine(folder, "sitrep.db");
        using (var store = ArticleStore.Open(database))
            store.Add(Enumerable.Range(0, copies).SelectMany(copy => documents.Select(d =>
                new Document($"{d.Id}#{copy}", d.Source) { Html = d.Html, Text = $"{d.Text}\n\nCopy {copy}.", TextIsInput = d.TextIsInput, Title = d.Title, Published = d.Published })), new ProblemList());
        var clock = Stopwatch.StartNew();
        using var server = StoryServer.Open(database);
        var app = server.Build(port: 0);
        app.StartAsync().Wait();
        Console.WriteLine($"api: {documents.Count * copies} stored articles read into stories and served in {clock.Elapsed.TotalSeconds:F1} s");
        server.Analysed.Wait();
        Console.WriteLine($"api: every story's picture analysed after {clock.Elapsed.TotalSeconds:F1} s");
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        string[] words = ["police", "earthquake", "fire", "president", "killed", "company"];
        Measure(http, "/api/stories", _ => "/api/stories");
        Measure(http, "/api/stories/{id}", i => $"/api/stories/s{1 + i % 50}");
        Measure(http, "/api/search?q=", i => $"/api/search?q={words[i % words.Length]}");
        app.StopAsync().Wait();
        Directory.Delete(folder, recursive: true);
        return 0;
    }

    private static void Measure(HttpClient http, string name, Func<int, string> path)
    {
        for (int i = 0; i < 20; i++) http.GetAsync(path(i)).Result.EnsureSuccessStatusCode(); // warm-up
        var times = new List<double>();
        for (int i = 0; i < 200; i++)
        {
            var clock = Stopwatch.StartNew();
            http.GetAsync(path(i)).Result.EnsureSuccessStatusCode();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine($"{name,-20} p50 {times[100]:F1} ms  p95 {times[190]:F1} ms  max {times[^1]:F1} ms");
    }
}
