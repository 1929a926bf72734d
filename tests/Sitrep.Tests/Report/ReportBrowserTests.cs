using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Sitrep.Tests.Report;

/// <summary>The report as a person sees it: rendered by headless Chromium from a file:// URL.</summary>
public sealed class ReportBrowserTests(RenderedReport report, ITestOutputHelper output) : IClassFixture<RenderedReport>
{
    [BrowserFact]
    public async Task The_map_shows_every_located_event_and_place_inside_its_frame_with_flights_as_arrows()
    {
        var requests = new List<string>();
        var page = await report.OpenAsync(requests);
        var kivu = report.Picture.Stories[0];
        var map = page.Locator("#story-s1 figure.map > svg");

        (await map.Locator(".marker.event").CountAsync()).ShouldBe(kivu.Events.Count(e => e.Lat != null));
        foreach (var kind in new[] { "strike", "capture", "displacement" })
            (await map.Locator($".marker.event.{kind}").CountAsync()).ShouldBeGreaterThan(0, kind);
        (await map.Locator("path.flight").CountAsync()).ShouldBe(2);
        (await map.Locator(".marker.place text").AllTextContentsAsync()).ShouldBe(["Sake", "Goma", "Minova", "Bukavu"], ignoreOrder: true);
        var countries = await map.Locator("path.country > title").AllTextContentsAsync();
        countries.ShouldContain("Rwanda");
        countries.ShouldContain("Dem. Rep. Congo");
        countries.ShouldNotContain("Mali");
        (await page.Locator("#story-s2 figure.map > svg path.country > title").AllTextContentsAsync()).ShouldContain("Mali");

        var frame = (await map.BoundingBoxAsync())!;
        foreach (var marker in await map.Locator(".marker").AllAsync())
        {
            var box = (await marker.BoundingBoxAsync())!;
            box.X.ShouldBeGreaterThanOrEqualTo(frame.X);
            box.Y.ShouldBeGreaterThanOrEqualTo(frame.Y);
            (box.X + box.Width).ShouldBeLessThanOrEqualTo(frame.X + frame.Width);
            (box.Y + box.Height).ShouldBeLessThanOrEqualTo(frame.Y + frame.Height);
        }
        // Zoomed to the story: its markers spread over the map rather than huddling in one corner.
        var xs = await map.Locator(".marker.place").EvaluateAllAsync<double[]>("ms => ms.map(m => m.getBoundingClientRect().x)");
        (xs.Max() - xs.Min()).ShouldBeGreaterThan(frame.Width / 10);

        await Save(path => map.ScreenshotAsync(new() { Path = path }), "report-map-kivu.png");
        await Save(path => page.Locator("#story-s2 figure.map").ScreenshotAsync(new() { Path = path }), "report-map-menaka.png");
        requests.ShouldAllBe(url => url.StartsWith("file:"));
    }

    [BrowserFact]
    public async Task Timeline_entries_and_sources_with_their_provenance_are_listed()
    {
        var page = await report.OpenAsync([]);
        var kivu = report.Picture.Stories[0];
        var timeline = page.Locator("#story-s1 ol.timeline > li");
        (await timeline.CountAsync()).ShouldBe(kivu.Timeline.Count);
        (await timeline.Locator("time").AllInnerTextsAsync()).ShouldBe(kivu.Timeline.Select(t => t.Date.DateText()).ToList());
        (await timeline.First.InnerTextAsync()).ShouldContain("fled Minova towards Bukavu");

        var sources = page.Locator("table.sources tbody tr");
        (await sources.CountAsync()).ShouldBe(report.Picture.Documents.Count);
        (await page.Locator("#doc-kivu-courier").InnerTextAsync()).ShouldContain("original");
        (await page.Locator("#doc-lake-kivu-wire").InnerTextAsync()).ShouldContain("derived from [kivu-courier]");
        (await page.Locator("#doc-lake-kivu-wire").InnerTextAsync()).ShouldContain("2026-02-11 (inferred)");
        (await page.Locator("#doc-east-africa-review").InnerTextAsync()).ShouldContain("cites OCHA, Reuters");

        var corroboration = (await page.Locator("#story-s1 ul.claims > li > .count").AllInnerTextsAsync()).Select(int.Parse).ToList();
        corroboration.ShouldBe(kivu.Claims.Select(c => c.Support).Take(corroboration.Count).ToList());
        corroboration[0].ShouldBeGreaterThanOrEqualTo(2); // outlets stating it on their own: the wire's rewrite adds none
        (await page.Locator("#story-s1 ul.claims > li").First.InnerTextAsync()).ShouldContain(kivu.Claims[0].Text);
        (await page.Locator("#story-s1 .contradiction .sides > blockquote").CountAsync()).ShouldBeGreaterThanOrEqualTo(4);
        (await page.Locator("#story-s1 ul.forecasts > li").AllInnerTextsAsync()).ShouldContain(f => f.StartsWith("If the rebels advance on Goma then"));

        await Save(path => page.ScreenshotAsync(new() { FullPage = true, Path = path }), "report-full.png");
    }

    [BrowserFact]
    public async Task Scripts_in_titles_and_article_text_are_shown_as_text_and_never_run()
    {
        var page = await report.OpenAsync([]);
        (await page.EvaluateAsync<bool>("() => window.__pwned === undefined && window.__pwnedBody === undefined")).ShouldBeTrue();
        (await page.TitleAsync()).ShouldBe("Situation report");
        (await page.Locator("script").CountAsync()).ShouldBe(0);
        var title = page.Locator("#doc-great-lakes-monitor td", new() { HasText = "<script>window.__pwned = 1;" });
        (await title.InnerTextAsync()).ShouldBe(KivuCoverage.ScriptTitle);
        (await title.IsVisibleAsync()).ShouldBeTrue();
        (await page.GetByText("read <script>window.__pwnedBody = 1</script> before").First.IsVisibleAsync()).ShouldBeTrue();
        await Save(path => page.Locator("section.sources").ScreenshotAsync(new() { Path = path }), "report-sources.png");
    }

    [BrowserFact]
    public async Task Clicking_a_capture_on_the_map_leads_to_its_row_in_the_events_table()
    {
        var page = await report.OpenAsync([]);
        await page.Locator("#story-s1 figure.map .marker.event.capture").First.ClickAsync();
        page.Url.ShouldContain("#event-s1-");
        var row = page.Locator("#story-s1 table.events tr:target");
        (await row.InnerTextAsync()).ShouldContain("ASSAULT (territory-captured)");
        (await row.IsVisibleAsync()).ShouldBeTrue();
    }

    [BrowserFact]
    public async Task In_print_each_story_starts_a_page_and_the_navigation_is_left_out()
    {
        var page = await report.OpenAsync([]);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        (await page.Locator("nav").IsVisibleAsync()).ShouldBeFalse();
        (await page.Locator("#story-s2").EvaluateAsync<string>("s => getComputedStyle(s).breakBefore")).ShouldBe("page");
        await Save(path => page.ScreenshotAsync(new() { Path = path }), "report-print.png");
        var pdf = report.Screenshot("report.pdf");
        await page.PdfAsync(new() { Path = pdf, Format = "A4", PrintBackground = true });
        new FileInfo(pdf).Length.ShouldBeGreaterThan(20_000);
        output.WriteLine($"print: {pdf}");
    }

    private async Task Save(Func<string, Task<byte[]>> screenshot, string name)
    {
        var path = report.Screenshot(name);
        await screenshot(path);
        new FileInfo(path).Length.ShouldBeGreaterThan(10_000);
        output.WriteLine($"screenshot: {path}");
    }
}
