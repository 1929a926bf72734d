using System.Security.Cryptography;
using System.Text;

namespace Sitrep.Report;

/// <summary>A script or style sheet the report's pages use, with the hash a Content-Security-Policy names it by.</summary>
public sealed record WebAsset(string Name, string Text)
{
    public byte[] Bytes { get; } = Encoding.UTF8.GetBytes(Text);

    /// <summary>"sha256-BASE64": the CSP source that lets exactly this text run inline.</summary>
    public string Hash => $"sha256-{Convert.ToBase64String(SHA256.HashData(Bytes))}";

    /// <summary>Where <c>sitrep serve</c> sends it: the version in the path lets browsers keep it for good.</summary>
    public string Path => $"/assets/{Convert.ToHexStringLower(SHA256.HashData(Bytes).AsSpan(0, 6))}/{Name}";

    public string ContentType => Name.EndsWith(".css", StringComparison.Ordinal) ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
}

/// <summary>
/// The scripts and styles of the report's maps and timeline chart (Assets/): Leaflet and the few
/// d3 modules the chart calls, vendored from npm by tools/build-web-assets.mjs, and the report's
/// own sitrep-map.js and sitrep-timeline.js, which read the data the page embeds as JSON, and
/// sitrep-tables.js, which sorts the events and actors tables. The
/// file report inlines them (one self-contained page; its policy lets only these texts run);
/// <c>sitrep serve</c> links them.
/// </summary>
public static class WebAssets
{
    public static IReadOnlyList<WebAsset> Styles { get; } = [Load("leaflet.css")];

    /// <summary>In the order they run: the libraries before the scripts that use them.</summary>
    public static IReadOnlyList<WebAsset> Scripts { get; } = [Load("leaflet.js"), Load("d3-timeline.js"), Load("sitrep-map.js"), Load("sitrep-timeline.js"), Load("sitrep-tables.js")];

    public static WebAsset? Find(string name) => Styles.Concat(Scripts).FirstOrDefault(a => a.Name == name);

    /// <summary>The policy of a page that inlines the assets: only their texts may run.</summary>
    public static string InlinePolicy { get; } = "script-src " + string.Join(" ", Scripts.Select(s => $"'{s.Hash}'"));

    public static string InlineStyles { get; } = string.Concat(Styles.Select(s => $"<style>{s.Text}</style>"));

    public static string InlineScripts { get; } = string.Concat(Scripts.Select(s => $"<script>{s.Text}</script>"));

    public static string LinkedStyles { get; } = string.Concat(Styles.Select(s => $"<link rel=\"stylesheet\" href=\"{s.Path}\">"));

    public static string LinkedScripts { get; } = string.Concat(Scripts.Select(s => $"<script src=\"{s.Path}\"></script>"));

    private static WebAsset Load(string name)
    {
        using var stream = typeof(WebAssets).Assembly.GetManifestResourceStream($"Sitrep.Report.Assets.{name}")
                           ?? throw new InvalidOperationException($"the asset {name} is missing from the build");
        var text = new StreamReader(stream).ReadToEnd();
        // Inlined, a closing tag inside would end the script early.
        if (text.Contains("</script", StringComparison.OrdinalIgnoreCase) || text.Contains("</style", StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException($"the asset {name} holds a closing tag and cannot be inlined");
        return new WebAsset(name, text);
    }
}
