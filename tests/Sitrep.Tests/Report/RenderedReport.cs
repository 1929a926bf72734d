using Microsoft.Playwright;
using Sitrep.Report;
using Sitrep.Situation;

namespace Sitrep.Tests.Report;

/// <summary>Debian's Chromium, driven by Playwright: the tests never download a browser.</summary>
public static class Chromium
{
    public const string Executable = "/usr/bin/chromium";

    public static readonly string[] Arguments =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"];

    public static bool Installed => File.Exists(Executable);
}

/// <summary>A fact that needs Chromium; skipped, saying why, where it is not installed.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!Chromium.Installed) Skip = $"Chromium is not installed at {Chromium.Executable} (apt-get install chromium; .ci/run installs it)";
    }
}

/// <summary>A theory that needs Chromium; skipped, saying why, where it is not installed.</summary>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (!Chromium.Installed) Skip = new BrowserFactAttribute().Skip;
    }
}

/// <summary>
/// The report folder of <see cref="KivuCoverage"/>, written once, and one headless Chromium that
/// opens it from a file:// URL for every test of the class. Screenshots, and a copy of the page, go to TestResults/screenshots.
/// </summary>
public sealed class RenderedReport : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "sitrep-browser-" + Guid.NewGuid().ToString("N"));
    private IPlaywright? playwright;
    private IBrowser? browser;

    public SituationPicture Picture { get; } = KivuCoverage.Picture();
    public string ReportPath => Path.Combine(folder, "report.html");
    public string Screenshots { get; } = Path.Combine(RepositoryRoot(), "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        ReportFolder.Write(Picture, folder);
        Directory.CreateDirectory(Screenshots);
        File.Copy(ReportPath, Screenshot("report.html"), overwrite: true); // kept beside the screenshots for a look by hand
        if (!Chromium.Installed) return;
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium.Executable, Headless = true, Args = Chromium.Arguments });
    }

    /// <summary>Opens the report in a fresh page; every URL the page requests is added to <paramref name="requests"/>.</summary>
    public async Task<IPage> OpenAsync(List<string> requests)
    {
        var page = await browser!.NewPageAsync(new() { ViewportSize = new() { Width = 1200, Height = 900 } });
        page.SetDefaultTimeout(30_000); // two shared cores: generous, a passing run takes well under a second per step
        page.Request += (_, request) => requests.Add(request.Url);
        await page.GotoAsync(new Uri(ReportPath).AbsoluteUri);
        return page;
    }

    public string Screenshot(string name) => Path.Combine(Screenshots, name);

    public async Task DisposeAsync()
    {
        if (browser != null) await browser.CloseAsync();
        playwright?.Dispose();
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Sitrep.sln"))) return dir.FullName;
        return Path.GetTempPath();
    }
}
