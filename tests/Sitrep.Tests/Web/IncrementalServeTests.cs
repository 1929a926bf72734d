using System.Text;
using System.Text.Json;
using Sitrep.Cli;
using Sitrep.Store;
using Sitrep.Web;

namespace Sitrep.Tests.Web;

/// <summary>
/// <c>sitrep serve</c> over a store of several stories: an article posted later joins its story, and
/// only that story's picture is analysed again.
/// </summary>
public sealed class IncrementalServeTests : TestFolder
{
    /// <summary>Posts one article as JSON Lines, as a page of the server would.</summary>
    private static async Task Post(HttpClient http, string id, string title, string text, string published)
    {
        var article = JsonSerializer.Serialize(new { id, title, text, published });
        (await http.PostAsync("/api/articles", new StringContent(article + "\n", Encoding.UTF8, "application/x-ndjson"))).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task A_posted_article_joins_its_story_and_only_that_story_is_analysed_again()
    {
        var database = Path.Combine(Folder, "sitrep.db");
        IngestRun.Run([Path.Combine(AppContext.BaseDirectory, "Fixtures", "el-fasher"), Path.Combine(AppContext.BaseDirectory, "Fixtures", "kharkiv")], database);
        using var server = StoryServer.Open(database);
        await using var app = server.Build(port: 0);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        await server.Analysed;
        var stories = JsonDocument.Parse(await http.GetStringAsync("/api/stories")).RootElement.EnumerateArray().ToList();
        server.PicturesAnalysed.ShouldBe(stories.Count);
        string Story(string article) => stories.Single(s => s.GetProperty("documents").EnumerateArray().Any(d => d.GetString() == article)).GetProperty("id").GetString()!;
        var elFasher = Story("darfur-daily");
        var kenya = Story("lakeside-herald");

        await Post(http, "late-wire", "RSF drones strike El Fasher again",
            "The Rapid Support Forces (RSF) struck El Fasher with drones again on Tuesday, hitting the Saudi Hospital and the main market, " +
            "medics said. The army said the paramilitary RSF had broken the ceasefire that took effect on Monday.", "2025-05-06");

        var grown = JsonDocument.Parse(await http.GetStringAsync($"/api/stories/{elFasher}")).RootElement.GetProperty("stories")[0];
        grown.GetProperty("documents").EnumerateArray().Select(d => d.GetString()).ShouldContain("late-wire");
        server.PicturesAnalysed.ShouldBe(stories.Count + 1);
        var untouched = JsonDocument.Parse(await http.GetStringAsync($"/api/stories/{kenya}")).RootElement.GetProperty("stories")[0];
        untouched.GetProperty("documents").GetArrayLength().ShouldBe(2);
        server.PicturesAnalysed.ShouldBe(stories.Count + 1);
    }

    [Fact]
    public async Task A_story_page_after_new_articles_arrive_shows_them_and_never_an_older_page_without_saying_so()
    {
        await using var served = await ServedStore.Start("el-fasher");
        await served.Server.Analysed;
        var before = await served.Http.GetStringAsync("/stories/s1");
        before.ShouldContain("/articles/darfur-daily");
        before.ShouldNotContain("being analysed");
        int analysed = served.Server.PicturesAnalysed;

        await Post(served.Http, "evening-wire", "Shelling resumes in El Fasher",
            "The Rapid Support Forces shelled El Fasher again on Wednesday evening, hitting the Abu Shouk camp, " +
            "medics in the city said. The Sudanese army said it had repelled an attack on its base in the east of the city.", "2025-05-07");
        var story = JsonDocument.Parse(await served.Http.GetStringAsync("/api/stories")).RootElement.EnumerateArray()
            .Single(s => s.GetProperty("documents").EnumerateArray().Any(d => d.GetString() == "evening-wire")).GetProperty("id").GetString();

        // At once, the page either shows the new article or says that newer articles are being analysed.
        var page = await served.Http.GetStringAsync($"/stories/{story}");
        (page.Contains("/articles/evening-wire") || page.Contains("being analysed")).ShouldBeTrue();
        for (int look = 0; look < 300 && page.Contains("being analysed"); look++)
        {
            await Task.Delay(200);
            page = await served.Http.GetStringAsync($"/stories/{story}");
        }
        page.ShouldContain("/articles/evening-wire");
        page.ShouldContain("/articles/darfur-daily");
        served.Server.PicturesAnalysed.ShouldBe(analysed + 1);
    }

    [Fact]
    public async Task A_server_serves_the_pages_a_worker_stored_without_analysing_them_again()
    {
        var database = Path.Combine(Folder, "sitrep.db");
        IngestRun.Run([Path.Combine(AppContext.BaseDirectory, "Fixtures", "kharkiv")], database);
        WorkerRun.Run(database, "w", batchSize: 8, untilEmpty: true, TimeSpan.FromSeconds(1), CancellationToken.None).ShouldBe(0);
        using var server = StoryServer.Open(database);
        await using var app = server.Build(port: 0);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        var stories = JsonDocument.Parse(await http.GetStringAsync("/api/stories")).RootElement.EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToList();
        foreach (var story in stories) (await http.GetStringAsync($"/stories/{story}")).ShouldContain("<h2>");
        (await http.GetStringAsync("/")).ShouldContain(" event");
        await server.Analysed;

        server.PicturesAnalysed.ShouldBe(0);
    }

    [Fact]
    public async Task Stories_that_workers_elsewhere_extend_show_on_the_served_pages()
    {
        var database = Path.Combine(Folder, "sitrep.db");
        IngestRun.Run([Path.Combine(AppContext.BaseDirectory, "Fixtures", "kharkiv")], database);
        using var server = StoryServer.Open(database);
        await using var app = server.Build(port: 0);
        await app.StartAsync();
        await server.QueueRead;
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        (await http.GetStringAsync("/api/stories")).ShouldNotContain("darfur-daily");

        IngestRun.Run([Path.Combine(AppContext.BaseDirectory, "Fixtures", "el-fasher")], database);
        using (var store = ArticleStore.Open(database))
            new StoryWorker(store, "elsewhere", new ProblemList()).RunUntilEmpty().ShouldBe(5);

        // The server looks for new assignments at most once a second.
        string stories = "";
        for (int look = 0; look < 50 && !stories.Contains("darfur-daily"); look++)
        {
            await Task.Delay(200);
            stories = await http.GetStringAsync("/api/stories");
        }
        stories.ShouldContain("darfur-daily");
        (await http.GetStringAsync("/search?q=Tawila")).ShouldContain("href=\"/stories/s");
    }
}
