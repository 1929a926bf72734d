using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

/// <summary>
/// <c>sitrep serve</c> under load (issue 21's bar: page p99 ≤ 1 s with 20 clients and one hostile
/// search). A store of <c>copies</c> of the input is made as users make it (<c>sitrep ingest</c>,
/// then <c>sitrep worker --until-empty</c>; SQLite, or a new PostgreSQL database with <c>--server</c>),
/// served by <c>sitrep serve</c> in its own process, and every story's page asked for once (the
/// pictures are analysed then, untimed). Then, for <c>seconds</c>, 20 clients, each on its own
/// connection, ask for the story list, story pages, the search page and the JSON API at random,
/// while one more client sends nothing but hostile searches (the longest request line, query
/// syntax of both engines, wildcards, the commonest words, pages far out, control and invisible
/// characters), giving up on each after 5 s as an attacker's page would. Prints p50, p95, p99 and
/// the slowest time of each kind of page, of all pages together, and of the hostile searches, with
/// the load average, which on a shared machine says how far to trust the figures.
/// </summary>
internal static class ServeLoadBench
{
    private const int Clients = 20;
    private static readonly string[] Kinds = ["/", "/stories/ID", "/search?q=", "/api/stories", "/api/stories/ID", "/api/search?q="];

    public static int Run(IReadOnlyList<string> inputs, int copies, string? server, int seconds)
    {
        var documents = StageBench.Read(inputs);
        string folder = Directory.CreateTempSubdirectory("sitrep-load-").FullName;
        string corpus = Path.Combine(folder, "corpus.jsonl");
        CommandBench.WriteCopies(documents, copies, corpus);
        string sitrep = CommandBench.Sitrep();
        string database = server == null ? Path.Combine(folder, "sitrep.db") : WorkerBench.NewDatabase(server, $"sitrep_load_{Environment.ProcessId}");
        try
        {
            var clock = Stopwatch.StartNew();
            RunToEnd(sitrep, "ingest", corpus, "--db", database);
            RunToEnd(sitrep, "worker", "--db", database, "--until-empty");
            Console.WriteLine($"serve-load: {documents.Count * copies} articles stored and read into stories in {clock.Elapsed.TotalSeconds:F0} s ({(server == null ? "SQLite" : "PostgreSQL")})");
            using var serve = Process.Start(new ProcessStartInfo(sitrep, ["serve", "--db", database, "--port", "0"]) { RedirectStandardError = true })!;
            try
            {
                var address = Listening(serve);
                Measure(address, seconds);
            }
            finally
            {
                serve.Kill(entireProcessTree: true);
                serve.WaitForExit();
            }
        }
        finally
        {
            if (server != null) WorkerBench.DropDatabase(server, database);
            Directory.Delete(folder, recursive: true);
        }
        return 0;
    }

    private static void Measure(Uri address, int seconds)
    {
        using var setup = new HttpClient { BaseAddress = address, Timeout = Timeout.InfiniteTimeSpan };
        var stories = JsonDocument.Parse(setup.GetStringAsync("/api/stories").Result).RootElement.EnumerateArray()
            .Select(s => (Id: s.GetProperty("id").GetString()!, Headline: s.GetProperty("headline").GetString() ?? "")).ToList();
        var clock = Stopwatch.StartNew();
        foreach (var (id, _) in stories) setup.GetAsync($"/api/stories/{id}").Result.EnsureSuccessStatusCode();
        Console.WriteLine($"serve-load: {stories.Count} stories' pictures analysed in {clock.Elapsed.TotalSeconds:F0} s (untimed warm-up)");
        // Readers search for the words of the headlines they see.
        var words = stories.SelectMany(s => Regex.Matches(s.Headline, @"\p{L}{4,}").Select(m => m.Value)).Distinct().ToArray();
        var ids = stories.Select(s => s.Id).ToArray();

        string loadBefore = File.ReadAllText("/proc/loadavg").Trim();
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        var clients = Enumerable.Range(0, Clients).Select(i => Task.Run(() => Client(address, new Random(i), ids, words, deadline))).ToList();
        var hostile = Task.Run(() => HostileClient(address, deadline));
        Task.WaitAll([.. clients, hostile]);
        string loadAfter = File.ReadAllText("/proc/loadavg").Trim();

        Console.WriteLine($"serve-load: {Clients} clients and 1 hostile searcher for {seconds} s on {Environment.ProcessorCount} cores; load average before {loadBefore}, after {loadAfter}");
        Console.WriteLine("| page | requests | failed | p50 ms | p95 ms | p99 ms | max ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        var all = clients.SelectMany(c => c.Result).ToList();
        foreach (var kind in Kinds) Row(kind, all.Where(t => t.Kind == kind).ToList());
        Row("all pages", all);
        Row("hostile searches", hostile.Result);
    }

    private static void Row(string name, List<Timing> timings)
    {
        var times = timings.Select(t => t.Milliseconds).Order().ToList();
        double At(double q) => times.Count == 0 ? 0 : times[Math.Min(times.Count - 1, (int)(q * times.Count))];
        int failed = timings.Count(t => t.Status is not (>= 200 and < 500));
        Console.WriteLine($"| {name} | {times.Count} | {failed} | {At(0.50):F0} | {At(0.95):F0} | {At(0.99):F0} | {(times.Count == 0 ? 0 : times[^1]):F0} |");
    }

    private sealed record Timing(string Kind, int Status, double Milliseconds);

    private static async Task<List<Timing>> Client(Uri address, Random random, string[] ids, string[] words, DateTime deadline)
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        var timings = new List<Timing>();
        while (DateTime.UtcNow < deadline)
        {
            var kind = Kinds[random.Next(Kinds.Length)];
            string word = Uri.EscapeDataString(random.Next(4) == 0 ? $"{words[random.Next(words.Length)]} {words[random.Next(words.Length)]}" : words[random.Next(words.Length)]);
            string path = kind.Replace("ID", ids[random.Next(ids.Length)]).Replace("q=", "q=" + word);
            timings.Add(await Time(http, kind, path));
        }
        return timings;
    }

    private static async Task<List<Timing>> HostileClient(Uri address, DateTime deadline)
    {
        // An attacker's page fires and forgets: a request it gives up on is a closed connection.
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var searches = HostileSearches();
        var timings = new List<Timing>();
        for (int i = 0; DateTime.UtcNow < deadline; i++)
            timings.Add(await Time(http, "hostile", searches[i % searches.Count]));
        return timings;
    }

    private static async Task<Timing> Time(HttpClient http, string kind, string path)
    {
        var clock = Stopwatch.StartNew();
        int status;
        try
        {
            using var response = await http.GetAsync(path);
            await response.Content.ReadAsByteArrayAsync();
            status = (int)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            status = 0;
        }
        return new Timing(kind, status, clock.Elapsed.TotalMilliseconds);
    }

    /// <summary>Searches a page elsewhere could make a visitor's browser send, each as long as a request line may be.</summary>
    public static List<string> HostileSearches()
    {
        const int line = 8_000; // Kestrel's request line holds 8 KiB
        string Fill(Func<int, string> word, int length = line)
        {
            var query = new StringBuilder();
            for (int i = 0; query.Length < length; i++) query.Append(Uri.EscapeDataString(word(i))).Append('+');
            return query.ToString(0, length);
        }
        string[] common = ["the", "said", "and", "of", "to", "in", "a", "was", "for", "on", "that", "with", "is", "at", "by", "from", "he", "it", "as", "were", "police", "people"];
        string[] syntax = ["\"the\"", "OR", "NEAR(the said, 0)", "a*", "-of", "title:the", "^in", "(to OR a)", "!was", "the:*", "&", "|", "<->", "{for}", "on NOT that"];
        string[] odd = ["\u0000", "\u202e", "\u200b", "e\u0301\u0302\u0303\u0304", "\U0001F469\u200D\U0001F469\u200D\U0001F467", "ｔｈｅ", "\uFFFD", "İ", "ß", "\u00A0"];
        var searches = new List<string>
        {
            "/api/search?q=" + Fill(i => common[i % common.Length]),                       // every common word, again and again
            "/search?q=" + Fill(i => common[i % common.Length] + i),                         // thousands of distinct words
            "/api/search?q=" + Fill(i => syntax[i % syntax.Length]),                          // both engines' operators
            "/api/search?q=" + Fill(i => new string('*', 1 + i % 5) + "%_?" + (char)('a' + i % 26) + "*"), // wildcards
            "/search?q=" + Fill(_ => "a", line - 100) + "&page=1000000&offset=999999999&limit=1000000",  // pages far out
            "/api/search?q=" + Fill(i => odd[i % odd.Length] + "the"),                       // controls, marks, joiners, wide letters
            "/api/search?q=" + new string('e', line),                                       // one word as long as the line
            "/api/search?q=%ED%A0%80%C0%AF%FF" + Fill(i => common[i % common.Length], line - 100),      // bytes that are no UTF-8
            "/api/search?q=" + Fill(i => string.Concat(common.Skip(i % 5).Take(16))),       // long glued words
        };
        return searches;
    }

    private static void RunToEnd(string sitrep, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(sitrep, arguments) { RedirectStandardError = true })!;
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"sitrep {arguments[0]} exited with {process.ExitCode}");
    }

    /// <summary>The address serve names on standard error once listening.</summary>
    private static Uri Listening(Process serve)
    {
        while (serve.StandardError.ReadLine() is { } said)
        {
            var url = Regex.Match(said, @"http://127\.0\.0\.1:\d+");
            if (url.Success)
            {
                serve.StandardError.ReadToEndAsync(); // keep the pipe drained
                return new Uri(url.Value);
            }
        }
        throw new InvalidOperationException($"sitrep serve exited with {serve.ExitCode} before listening");
    }
}
