using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using Sitrep.Cli;
using Sitrep.Tests.Report;
using Sitrep.Web;
using Xunit.Abstractions;

namespace Sitrep.Tests.Web;

/// <summary>
/// The served pages in headless Chromium as an analyst uses them, at a desktop and a phone's width:
/// the story list and its filter, a story with its map and events filter, a citation to the article
/// it cites, search with and without hits, the 404 page; a script in a title stays text, and a page
/// of another origin cannot write. Screenshots of every page go to TestResults/screenshots.
/// </summary>
public sealed class ServedPagesBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("sitrep-served-").FullName;
    private StoryServer server = null!;
    private WebApplication app = null!;
    private IPlaywright? playwright;
    private IBrowser? browser;

    private string Address => app.Urls.First();

    public async Task InitializeAsync()
    {
        var database = Path.Combine(folder, "sitrep.db");
        File.WriteAllText(Path.Combine(folder, "hostile.jsonl"), JsonSerializer.Serialize(new
        {
            id = "hostile",
            title = "Market fire in Goma <script>window.pwned = 1</script>",
            text = "A fire destroyed part of the central market in Goma on Sunday, traders said.",
            published = "2026-02-08",
        }) + "\n");
        IngestRun.Run([Path.Combine(AppContext.BaseDirectory, "Fixtures", "el-fasher"), Path.Combine(folder, "hostile.jsonl")], database);
        server = StoryServer.Open(database);
        app = server.Build(port: 0);
        await app.StartAsync();
        await server.Analysed; // the list then shows every story's dates, outlets and places
        if (!Chromium.Installed) return;
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium.Executable, Headless = true, Args = Chromium.Arguments });
    }

    public async Task DisposeAsync()
    {
        if (browser != null) await browser.DisposeAsync();
        playwright?.Dispose();
        await app.DisposeAsync();
        server.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [BrowserTheory]
    [InlineData("desktop", 1280, 900)]
    [InlineData("phone", 390, 844)]
    public async Task List_story_citation_article_search_and_filters_work_and_every_page_fits_the_screen(string size, int width, int height)
    {
        var page = await browser!.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        page.SetDefaultTimeout(30_000);

        // The list: both stories, the hostile title as text, each with its dates and counts.
        await page.GotoAsync(Address + "/");
        (await page.Locator("ol.stories > li").CountAsync()).ShouldBe(2);
        (await page.GetByText("Market fire in Goma <script>window.pwned = 1</script>").IsVisibleAsync()).ShouldBeTrue();
        (await page.EvaluateAsync<bool>("() => window.pwned === 1")).ShouldBeFalse();
        (await page.Locator("ol.stories > li", new() { HasText = "5 articles" }).InnerTextAsync()).ShouldMatch(@"5 articles, \d{4}-\d\d-\d\d");
        await Fits(page);
        await Shot(page, $"served-{size}-1-stories.png");

        // The list's filter keeps the stories whose headline or places hold the words.
        await page.Locator("form.filter input[name=filter]").FillAsync("goma");
        await page.Locator("form.filter button").ClickAsync();
        await page.WaitForURLAsync("**/?filter=goma*");
        (await page.Locator("ol.stories > li").AllInnerTextsAsync()).ShouldHaveSingleItem().ShouldContain("Market fire in Goma");
        await page.Locator("form.filter input[name=filter]").FillAsync("no such headline");
        await page.Locator("form.filter button").ClickAsync();
        (await page.Locator("p.empty").InnerTextAsync()).ShouldBe("No story matches.");

        // The story page: its map's view holds every place of the story's main cluster.
        await page.GotoAsync(Address + "/");
        await page.Locator("ol.stories > li", new() { HasText = "5 articles" }).Locator("a.headline").ClickAsync();
        await page.WaitForURLAsync("**/stories/s*");
        var storyUrl = page.Url;
        using var story = JsonDocument.Parse(await (await page.APIRequest.GetAsync(storyUrl.Replace("/stories/", "/api/stories/"))).TextAsync());
        var located = story.RootElement.GetProperty("stories")[0].GetProperty("places").EnumerateArray()
            .Where(p => p.TryGetProperty("lat", out var lat) && lat.ValueKind == JsonValueKind.Number)
            .OrderByDescending(p => p.GetProperty("mentions").GetInt32())
            .Select(p => (Name: p.GetProperty("name").GetString()!, Lat: p.GetProperty("lat").GetDouble(), Lon: p.GetProperty("lon").GetDouble())).ToList();
        located.Count.ShouldBeGreaterThan(1);
        var storyId = storyUrl[(storyUrl.LastIndexOf('/') + 1)..];
        await page.WaitForFunctionAsync("id => window.sitrepMaps && window.sitrepMaps[id]", storyId);
        var beyond = await page.Locator("figure.map figcaption").InnerTextAsync();
        var inView = new List<bool>();
        foreach (var p in located)
            inView.Add(await page.EvaluateAsync<bool>("([id, lat, lon]) => sitrepMaps[id].getBounds().contains([lat, lon])", new object[] { storyId, p.Lat, p.Lon }));
        inView[0].ShouldBeTrue(located[0].Name); // the most named place is in view; the few far ones are named beneath it
        for (int i = 0; i < located.Count; i++) (inView[i] || beyond.Contains(located[i].Name + " (")).ShouldBeTrue(located[i].Name);
        (await page.Locator("figure.map path.marker.place").CountAsync()).ShouldBe(located.Count);
        (await page.Locator("figure.map .leaflet-marker-icon.marker.event").CountAsync()).ShouldBeGreaterThan(0);
        (await page.Locator("figure.chart svg.timeline-chart rect[data-day]").CountAsync()).ShouldBeGreaterThan(0);
        (await page.Locator("ol.timeline > li").CountAsync()).ShouldBeGreaterThan(3);
        await Fits(page);
        await Shot(page, $"served-{size}-2-story.png", fullPage: true);

        // The events filter: one type, then an actor nobody is.
        var rows = page.Locator("table.events tbody tr");
        int all = await rows.CountAsync();
        var type = (await page.Locator("form.events-filter select option").AllTextContentsAsync()).Skip(1).First();
        await page.Locator("form.events-filter select").SelectOptionAsync(type);
        await page.Locator("form.events-filter button").ClickAsync();
        await page.WaitForURLAsync($"**type={type}*");
        var kinds = await page.Locator("table.events tbody tr td:nth-child(2)").AllInnerTextsAsync();
        kinds.Count.ShouldBeInRange(1, all);
        kinds.ShouldAllBe(k => k.StartsWith(type));
        await page.Locator("form.events-filter").ScrollIntoViewIfNeededAsync();
        await Shot(page, $"served-{size}-3-story-events-{type.ToLowerInvariant()}.png");
        await page.Locator("form.events-filter input[name=actor]").FillAsync("nobody at all");
        await page.Locator("form.events-filter button").ClickAsync();
        (await page.GetByText("No events match.").IsVisibleAsync()).ShouldBeTrue();

        // A citation of the summary leads to the article it cites, its places marked.
        await page.GotoAsync(storyUrl);
        var citation = page.Locator("ul.summary .cite a").First;
        var cited = await citation.InnerTextAsync();
        await citation.ClickAsync();
        await page.WaitForURLAsync($"**/articles/{cited}");
        (await page.Locator("article.text h1").InnerTextAsync()).ShouldNotBeNullOrWhiteSpace();
        (await page.Locator("article.text p mark.place").CountAsync()).ShouldBeGreaterThan(0);
        (await page.Locator("article.text p mark.time").CountAsync()).ShouldBeGreaterThan(0);
        (await page.Locator("article.text a.story").GetAttributeAsync("href")).ShouldBe(new Uri(storyUrl).AbsolutePath);
        (await page.Locator("article.text p span.event").CountAsync()).ShouldBeGreaterThan(0); // the sentences its story's events come from
        await Fits(page);
        await Shot(page, $"served-{size}-4-article.png", fullPage: true);

        // Search from the navigation bar: hits with their words marked, each leading to its article.
        await page.Locator("nav.site input[name=q]").FillAsync("Tawila");
        await page.Locator("nav.site input[name=q]").PressAsync("Enter");
        await page.WaitForURLAsync("**/search?q=Tawila");
        (await page.Locator("ol.hits > li").CountAsync()).ShouldBeGreaterThan(1);
        (await page.Locator("ol.hits mark").AllInnerTextsAsync()).ShouldAllBe(word => word == "Tawila");
        await Fits(page);
        await Shot(page, $"served-{size}-5-search.png");
        await page.Locator("ol.hits a.title").First.ClickAsync();
        await page.WaitForURLAsync("**/articles/*");
        (await page.Locator("article.text").InnerTextAsync()).ShouldContain("Tawila");

        await page.GotoAsync(Address + "/search?q=" + Uri.EscapeDataString("zanzibar quokka"));
        (await page.Locator("p.empty").InnerTextAsync()).ShouldBe("No articles match “zanzibar quokka”.");

        // One outlet's spelling of a town finds the others' too: the story merged the names into one.
        await page.GotoAsync(Address + "/search?q=" + Uri.EscapeDataString("Al Fashir"));
        (await page.Locator("p.also").InnerTextAsync()).ShouldContain("“El Fasher”");
        var marked = await page.Locator("ol.hits mark").AllInnerTextsAsync();
        marked.ShouldContain("Fashir");
        marked.ShouldContain("Fasher");
        (await page.Locator("ol.hits > li").CountAsync()).ShouldBeGreaterThanOrEqualTo(4);

        var missing = await page.GotoAsync(Address + "/stories/s99");
        missing!.Status.ShouldBe(404);
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Not found");
        await Shot(page, $"served-{size}-6-not-found.png");
    }

    [BrowserFact]
    public async Task A_page_of_another_origin_cannot_store_articles_but_the_servers_own_origin_can()
    {
        // localhost and 127.0.0.1 on the same port are two origins that the server both answers.
        var own = new Uri(Address);
        var other = $"http://localhost:{own.Port}";
        var context = await browser!.NewContextAsync(new() { BypassCSP = true }); // the pages forbid scripts; the test's own fetches must run
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        const string Article = "{\"id\":\"posted\",\"text\":\"Aid convoys reached Tawila on Monday, the UN said.\"}\n";
        async Task<string> Post(string target, string contentType) => await page.EvaluateAsync<string>(
            "async ([url, type, body]) => { try { const r = await fetch(url, { method: 'POST', headers: { 'Content-Type': type }, body }); return String(r.status); } catch (e) { return 'blocked'; } }",
            new[] { target + "/api/articles", contentType, Article });

        await page.GotoAsync(other + "/");
        (await Post(own.GetLeftPart(UriPartial.Authority), "application/x-ndjson")).ShouldBe("blocked"); // the preflight is never granted
        (await Post(own.GetLeftPart(UriPartial.Authority), "text/plain")).ShouldBe("blocked");          // sent without one, refused (415), unreadable cross-origin
        (await page.APIRequest.GetAsync(Address + "/articles/posted")).Status.ShouldBe(404);

        await page.GotoAsync(Address + "/");
        (await Post(own.GetLeftPart(UriPartial.Authority), "application/x-ndjson")).ShouldBeOneOf("200", "202"); // 202: stored, still queued
        (await page.APIRequest.GetAsync(Address + "/articles/posted")).Status.ShouldBe(200);
    }

    /// <summary>Nothing runs off the side of the screen: tables scroll inside themselves.</summary>
    private static async Task Fits(IPage page) =>
        (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1")).ShouldBeTrue($"{page.Url} is wider than the screen");

    private async Task Shot(IPage page, string name, bool fullPage = false)
    {
        var shots = Path.Combine(RenderedReport.RepositoryRoot(), "TestResults", "screenshots");
        Directory.CreateDirectory(shots);
        var path = Path.Combine(shots, name);
        await page.ScreenshotAsync(new() { Path = path, FullPage = fullPage });
        new FileInfo(path).Length.ShouldBeGreaterThan(5_000);
        output.WriteLine($"screenshot: {path}");
    }
}
