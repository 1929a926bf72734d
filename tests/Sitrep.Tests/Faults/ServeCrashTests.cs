using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Sitrep.Store;
using Sitrep.Tests.Store;

namespace Sitrep.Tests.Faults;

/// <summary>
/// <c>sitrep serve</c> on SQLite and PostgreSQL killed with SIGKILL while POSTs arrive (issue 21): every article it
/// acknowledged is stored, an article whose POST was cut and is sent again is stored once, and
/// once served again every article is read into stories exactly once.
/// </summary>
[Collection(nameof(ProcessHeavyCollection))]
public sealed class ServeCrashTests : StoreTest
{
    private const int Articles = 40;

    private static string Record(int i) => JsonSerializer.Serialize(new
    {
        id = $"p{i}",
        title = $"Convoy {i} reaches the camp",
        text = $"Aid convoy number {i} reached the Tawila camp on Tuesday with food for {i * 7} families, the agency said.",
    });

    [Theory, MemberData(nameof(Kinds))]
    public async Task Killing_serve_during_posts_loses_and_duplicates_nothing(string kind)
    {
        var database = NewStore(kind);
        var random = new Random(21);
        var acknowledged = new HashSet<string>();
        int next = 0, kills = 0, rounds = 0;
        using var client = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };

        while (next < Articles && rounds++ < 4 * Articles)
        {
            var (serve, url) = StartServe(database);
            using (serve)
            {
                // Kill while one of the next few POSTs is in flight (or answered): a random moment.
                int killAfter = next + random.Next(1, 8);
                bool killed = false;
                while (next < Articles && !killed)
                {
                    var post = Post(client, url, next);
                    if (next == killAfter)
                    {
                        Thread.Sleep(random.Next(0, 50));
                        serve.Kill(entireProcessTree: true);
                        serve.WaitForExit();
                        killed = true;
                        kills++;
                    }
                    bool ok;
                    try { ok = (await post).IsSuccessStatusCode; }
                    catch (HttpRequestException) { ok = false; }
                    // A POST cut by the kill is sent again to the next server (the client's retry).
                    if (!ok) break;
                    acknowledged.Add($"p{next}");
                    next++;
                }
                if (!serve.HasExited) { serve.Kill(entireProcessTree: true); serve.WaitForExit(); }
            }
            using var store = ArticleStore.Open(database);
            var stored = store.Documents().Select(d => d.Id).ToList();
            stored.ShouldBeUnique();
            acknowledged.ShouldBeSubsetOf(stored);
        }
        kills.ShouldBeGreaterThan(1);

        // Served once more until its queue is read: every article is in stories once.
        var (last, _) = StartServe(database);
        using (last)
        {
            using var store = ArticleStore.Open(database);
            for (int wait = 0; store.Queued > 0 && wait < 600; wait++) Thread.Sleep(500);
            last.Kill(entireProcessTree: true);
            last.WaitForExit();
            store.Count.ShouldBe(Articles);
            store.Queued.ShouldBe(0);
            var read = store.Readings().Select(r => r.Article).ToList();
            read.ShouldBeUnique();
            read.Order(StringComparer.Ordinal).ShouldBe(Enumerable.Range(0, Articles).Select(i => $"p{i}").Order(StringComparer.Ordinal));
        }
    }

    private static Task<HttpResponseMessage> Post(HttpClient client, string url, int i)
    {
        var content = new StringContent(Record(i) + "\n", Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        return client.PostAsync($"{url}/api/articles", content);
    }

    /// <summary>Starts <c>sitrep serve</c> on a free port and returns it once listening, with its address.</summary>
    private static (Process Serve, string Url) StartServe(string database)
    {
        var serve = CliProcess.Start("serve", "--db", database, "--port", "0", "--create"); // the first start makes the store
        while (serve.StandardError.ReadLine() is { } line)
        {
            int at = line.IndexOf("http://", StringComparison.Ordinal);
            if (line.StartsWith("sitrep: serving", StringComparison.Ordinal) && at >= 0)
            {
                // The rest of its output is drained, so that the server never blocks writing it.
                _ = serve.StandardError.ReadToEndAsync();
                _ = serve.StandardOutput.ReadToEndAsync();
                return (serve, line[at..].Split(',')[0].Trim());
            }
        }
        throw new InvalidOperationException($"serve exited ({serve.ExitCode}) before listening");
    }
}
