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

        var article = JsonSerializer.Serialize(new
        {
            id = "late-wire",
            title = "RSF drones strike El Fasher again",
            text = "The Rapid Support Forces (RSF) struck El Fasher with drones again on Tuesday, hitting the Saudi Hospital and the main market, " +
                   "medics said. The army said the paramilitary RSF had broken the ceasefire that took effect on Monday.",
            published = "2025-05-06",
        });
        (await http.PostAsync("/api/articles", new StringContent(article + "\n", Encoding.UTF8, "application/x-ndjson"))).EnsureSuccessStatusCode();

        var grown = JsonDocument.Parse(await http.GetStringAsync($"/api/stories/{elFasher}")).RootElement.GetProperty("stories")[0];
        grown.GetProperty("documents").EnumerateArray().Select(d => d.GetString()).ShouldContain("late-wire");
        server.PicturesAnalysed.ShouldBe(stories.Count + 1);
        var untouched = JsonDocument.Parse(await http.GetStringAsync($"/api/stories/{kenya}")).RootElement.GetProperty("stories")[0];
        untouched.GetProperty("documents").GetArrayLength().ShouldBe(2);
        server.PicturesAnalysed.ShouldBe(stories.Count + 1);
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
