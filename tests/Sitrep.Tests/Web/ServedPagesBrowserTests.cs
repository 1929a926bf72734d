using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using Sitrep.Cli;
using Sitrep.Tests.Report;
using Sitrep.Web;

namespace Sitrep.Tests.Web;

/// <summary>The served pages in headless Chromium: story list, a click through to the story, search; a script in a title stays text.</summary>
public sealed class ServedPagesBrowserTests : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("sitrep-served-").FullName;
    private StoryServer server = null!;
    private WebApplication app = null!;
    private IPlaywright? playwright;
    private IBrowser? browser;

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
        await server.QueueRead;
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

    [BrowserFact]
    public async Task The_story_list_leads_to_the_story_page_and_hostile_titles_stay_text()
    {
        var page = await browser!.NewPageAsync(new() { ViewportSize = new() { Width = 1200, Height = 900 } });
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync(app.Urls.First() + "/");

        (await page.Locator("ol.stories > li").CountAsync()).ShouldBe(2);
        (await page.GetByText("Market fire in Goma <script>window.pwned = 1</script>").IsVisibleAsync()).ShouldBeTrue();
        (await page.EvaluateAsync<bool>("() => window.pwned === 1")).ShouldBeFalse();
        await page.ScreenshotAsync(new() { Path = Screenshot("served-stories.png") });

        await page.Locator("ol.stories > li", new() { HasText = "5 articles" }).GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync("**/stories/s*");
        (await page.Locator("ol.timeline > li").CountAsync()).ShouldBeGreaterThan(3);
        await page.ScreenshotAsync(new() { Path = Screenshot("served-story.png"), FullPage = true });

        await page.GotoAsync(app.Urls.First() + "/search?q=" + Uri.EscapeDataString("Tawila"));
        (await page.Locator("ol.hits > li").CountAsync()).ShouldBeGreaterThan(1);
        await page.ScreenshotAsync(new() { Path = Screenshot("served-search.png") });
    }

    private static string Screenshot(string name)
    {
        var folder = Path.Combine(RenderedReport.RepositoryRoot(), "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }
}
