using Microsoft.Playwright;
using Sitrep.Report;
using Xunit.Abstractions;

namespace Sitrep.Tests.Report;

/// <summary>The report as a person sees it: rendered by headless Chromium from a file:// URL.</summary>
public sealed class ReportBrowserTests(RenderedReport report, ITestOutputHelper output) : IClassFixture<RenderedReport>
{
    [BrowserFact]
    public async Task The_map_opens_on_the_storys_places_with_distinct_markers_and_flights_and_zooms_to_street_level()
    {
        var requests = new List<string>();
        var page = await report.OpenAsync(requests);
        var kivu = report.Picture.Stories[0];
        var map = page.Locator("#story-s1 figure.map .map-view");

        (await map.Locator(".leaflet-marker-icon.marker.event").CountAsync()).ShouldBe(kivu.Events.Count(e => e.Lat != null));
        foreach (var kind in new[] { "strike", "capture", "displacement" })
            (await map.Locator($".leaflet-marker-icon.marker.event.{kind}").CountAsync()).ShouldBeGreaterThan(0, kind);
        (await map.Locator("path.marker.place").CountAsync()).ShouldBe(4);
        (await map.Locator("path.flight").CountAsync()).ShouldBe(2);
        (await map.Locator(".leaflet-tooltip.place-label").AllTextContentsAsync()).ShouldBe(["Sake", "Goma", "Minova", "Bukavu"], ignoreOrder: true);
        (await map.Locator(".leaflet-tooltip.country-name").AllTextContentsAsync()).ShouldContain("Rwanda");

        // Leaflet's own view holds every place, and is a region, not the world.
        foreach (var p in kivu.Places)
            (await page.EvaluateAsync<bool>("([lat, lon]) => sitrepMaps.s1.getBounds().contains([lat, lon])", new[] { p.Lat!.Value, p.Lon!.Value })).ShouldBeTrue(p.Name);
        (await page.EvaluateAsync<double>("() => sitrepMaps.s1.getBounds().getNorth() - sitrepMaps.s1.getBounds().getSouth()")).ShouldBeLessThan(5);
        (await page.EvaluateAsync<bool>("() => sitrepMaps.s2.getBounds().contains([15.9182, 2.4022])")).ShouldBeTrue("Menaka");
        (await page.EvaluateAsync<double>("() => sitrepMaps.s1.getMaxZoom()")).ShouldBeGreaterThanOrEqualTo(18);

        await Save(path => page.Locator("#story-s1 figure.map").ScreenshotAsync(new() { Path = path }), "report-map-kivu.png");
        await Save(path => page.Locator("#story-s2 figure.map").ScreenshotAsync(new() { Path = path }), "report-map-menaka.png");
        await page.EvaluateAsync("() => { sitrepMaps.s1.setView([-1.6585, 29.2205], 17, { animate: false }); }");
        (await page.EvaluateAsync<double>("() => sitrepMaps.s1.getZoom()")).ShouldBe(17);
        requests.ShouldAllBe(url => url.StartsWith("file:"));
    }

    [BrowserFact]
    public async Task A_markers_popup_cites_its_sources_and_leads_to_its_row_in_the_events_table()
    {
        var page = await report.OpenAsync([]);
        await page.Locator("#story-s1 path.marker.place[data-place=Bukavu]").DispatchEventAsync("click");
        var place = page.Locator("#story-s1 .leaflet-popup-content", new() { HasText = "Bukavu" });
        (await place.InnerTextAsync()).ShouldMatch(@"\d+ mentions?");
        (await place.Locator(".cite a").CountAsync()).ShouldBeGreaterThan(0);

        await page.Locator("#story-s1 .leaflet-marker-icon.marker.event.capture").First.ClickAsync();
        var popup = page.Locator("#story-s1 .leaflet-popup-content", new() { HasText = "ASSAULT" });
        (await popup.InnerTextAsync()).ShouldContain("ASSAULT (territory-captured)");
        (await popup.Locator(".cite a").AllInnerTextsAsync()).ShouldContain("kivu-courier");
        (await popup.Locator(".cite a").First.GetAttributeAsync("href"))!.ShouldStartWith("#doc-");
        await popup.GetByText("in the events table").ClickAsync();
        page.Url.ShouldContain("#event-s1-");
        var row = page.Locator("#story-s1 table.events tr:target");
        (await row.InnerTextAsync()).ShouldContain("ASSAULT (territory-captured)");
        (await row.IsVisibleAsync()).ShouldBeTrue();

    }

    [BrowserFact]
    public async Task The_timeline_chart_stacks_the_events_of_each_day_by_kind_and_names_the_main_events()
    {
        var page = await report.OpenAsync([]);
        var kivu = report.Picture.Stories[0];
        var chart = page.Locator("#story-s1 figure.chart svg.timeline-chart");
        var bars = await chart.Locator("rect[data-day]").EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.day + ' ' + r.dataset.count)");
        bars.Sum(b => int.Parse(b.Split(' ')[1])).ShouldBe(kivu.Events.Count(e => e.Date is { Precision: >= DatePrecision.Day }));
        bars.ShouldContain(b => b.StartsWith("2026-02-10 "));
        var labels = await chart.Locator(".main-event text").EvaluateAllAsync<string[]>("ts => ts.map(t => t.firstChild.nodeValue)"); // the label, without its title
        labels.Length.ShouldBeInRange(1, 6);
        labels.ShouldAllBe(label => kivu.Timeline.Any(t => t.Text.StartsWith(label.TrimEnd('…'), StringComparison.Ordinal)));
        // Labels never overlap one another.
        var boxes = await chart.Locator(".main-event text").EvaluateAllAsync<double[][]>("ts => ts.map(t => { const b = t.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; })");
        for (int i = 0; i < boxes.Length; i++)
            for (int j = i + 1; j < boxes.Length; j++)
                (boxes[i][2] <= boxes[j][0] || boxes[j][2] <= boxes[i][0] || boxes[i][3] <= boxes[j][1] || boxes[j][3] <= boxes[i][1]).ShouldBeTrue($"labels {i} and {j} overlap");
        await Save(path => page.Locator("#story-s1 figure.chart").ScreenshotAsync(new() { Path = path }), "report-timeline-kivu.png");
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
        (await page.Locator("script:not([type='application/json'])").CountAsync()).ShouldBe(WebAssets.Scripts.Count);
        var title = page.Locator("#doc-great-lakes-monitor td", new() { HasText = "<script>window.__pwned = 1;" });
        (await title.InnerTextAsync()).ShouldBe(KivuCoverage.ScriptTitle);
        (await title.IsVisibleAsync()).ShouldBeTrue();
        (await page.GetByText("read <script>window.__pwnedBody = 1</script> before").First.IsVisibleAsync()).ShouldBeTrue();
        await Save(path => page.Locator("section.sources").ScreenshotAsync(new() { Path = path }), "report-sources.png");
    }

    [BrowserFact]
    public async Task The_events_table_sorts_by_a_column_when_its_header_is_clicked()
    {
        var page = await report.OpenAsync([]);
        var table = page.Locator("#story-s1 table.events");
        async Task<List<string>> Column(int n) => [.. await table.Locator($"tbody tr td:nth-child({n})").AllInnerTextsAsync()];

        await table.Locator("th button.sort", new() { HasText = "Date" }).ClickAsync();
        var dates = await Column(1);
        var dated = dates.Where(d => d != "undated").ToList();
        dated.ShouldBe(dated.Order(StringComparer.Ordinal).ToList());
        dates.SkipWhile(d => d != "undated").ShouldAllBe(d => d == "undated"); // undated rows last
        (await table.Locator("th[aria-sort=ascending]").InnerTextAsync()).ShouldStartWith("Date");

        await table.Locator("th button.sort", new() { HasText = "Date" }).ClickAsync();
        (await Column(1)).Where(d => d != "undated").ShouldBe(dated.AsEnumerable().Reverse().ToList());
        await table.Locator("th button.sort", new() { HasText = "Actor" }).ClickAsync();
        var actors = (await Column(3)).Where(a => a.Length > 0).ToList();
        actors.ShouldBe(actors.Order(StringComparer.OrdinalIgnoreCase).ToList());
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
