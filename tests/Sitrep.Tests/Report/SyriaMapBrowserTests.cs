using Microsoft.Playwright;
using Sitrep.Report;
using Sitrep.Situation;

namespace Sitrep.Tests.Report;

/// <summary>
/// The map a user opens first, in Chromium: a Syrian offensive that also names Moscow, Washington,
/// Geneva, Tehran and namesake towns abroad opens on Syria and its neighbours only, at a desktop's
/// width and a phone's, with every Syrian city in view.
/// </summary>
public sealed class SyriaMapBrowserTests
{
    [BrowserTheory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task The_report_map_opens_on_syria_and_its_neighbours(int width, int height)
    {
        var folder = Directory.CreateTempSubdirectory("sitrep-syria-").FullName;
        try
        {
            var story = MapFocusTests.Story([.. MapFocusTests.SyrianCities, .. MapFocusTests.Elsewhere]);
            ReportFolder.Write(new SituationPicture(story.Documents, [story]), folder);
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium.Executable, Headless = true, Args = Chromium.Arguments });
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });
            await page.GotoAsync(new Uri(Path.Combine(folder, "report.html")).AbsoluteUri);

            var bounds = await page.EvaluateAsync<double[]>("() => { const b = sitrepMaps.s1.getBounds(); return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]; }");
            bounds[0].ShouldBeGreaterThan(28);  // Cyprus and the Turkish coast at most
            bounds[1].ShouldBeGreaterThan(27);  // northern Saudi Arabia at most
            bounds[2].ShouldBeLessThan(50);     // western Iran at most
            bounds[3].ShouldBeLessThan(42);     // southern Turkey
            foreach (var (name, _, lat, lon, _, _) in MapFocusTests.SyrianCities)
                (await page.EvaluateAsync<bool>("([lat, lon]) => sitrepMaps.s1.getBounds().contains([lat, lon])", new[] { lat, lon })).ShouldBeTrue(name);
            var countries = await page.Locator(".leaflet-tooltip.country-name").AllTextContentsAsync();
            countries.ShouldContain("Syria");
            countries.ShouldContain("Lebanon");
            countries.ShouldNotContain("Russia");
            var shots = Path.Combine(RenderedReport.RepositoryRoot(), "TestResults", "screenshots");
            Directory.CreateDirectory(shots);
            await page.Locator("figure.map").ScreenshotAsync(new() { Path = Path.Combine(shots, $"report-map-syria-{width}.png") });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
