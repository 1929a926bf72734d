using System.Text.RegularExpressions;
using Sitrep.Tests.Report;

namespace Sitrep.Tests.Architecture;

/// <summary>
/// The pipeline is the architecture: a stage (a folder "N-Name" of src/Sitrep, namespace Sitrep.Name)
/// may use the ground floor and the stages before it, never a later one; the ground floor
/// (0-Document, namespace Sitrep) uses no stage. The drivers (the composition root, the store, the web
/// server) may use every stage, and no stage uses them.
/// </summary>
public partial class StageOrderTests
{
    private static readonly HashSet<string> Drivers = ["Composition", "Store", "Web"];

    private sealed record SourceFile(string Path, string Folder, string Namespace, string Text);

    private static string Engine => System.IO.Path.Combine(RenderedReport.RepositoryRoot(), "src", "Sitrep");

    private static List<SourceFile> Files() =>
    [
        .. Directory.EnumerateDirectories(Engine)
            .Select(System.IO.Path.GetFileName)
            .Where(folder => folder is not ("bin" or "obj"))
            .SelectMany(folder => Directory.EnumerateFiles(System.IO.Path.Combine(Engine, folder!), "*.cs", SearchOption.AllDirectories)
                .Select(path => (path, folder: folder!, text: File.ReadAllText(path))))
            .Select(f => new SourceFile(f.path, f.folder, NamespaceDeclaration().Match(f.text).Groups[1].Value, f.text)),
    ];

    /// <summary>The namespace a folder's files declare: Sitrep for 0-Document, Sitrep.Name for N-Name and drivers.</summary>
    private static string NamespaceOf(string folder) =>
        folder == "0-Document" ? "Sitrep" : "Sitrep." + StagePrefix().Replace(folder, "");

    /// <summary>A stage's place in the flow; drivers come after every stage.</summary>
    private static int RankOf(string folder) =>
        StagePrefix().Match(folder) is { Success: true } m ? int.Parse(m.Value.TrimEnd('-')) : int.MaxValue;

    [Fact]
    public void Every_file_declares_its_folders_namespace()
    {
        var misplaced = Files().Where(f => f.Namespace != NamespaceOf(f.Folder))
            .Select(f => $"{System.IO.Path.GetRelativePath(Engine, f.Path)}: namespace {f.Namespace}, folder wants {NamespaceOf(f.Folder)}");
        misplaced.ShouldBeEmpty();
    }

    [Fact]
    public void No_stage_uses_a_later_stage_or_a_driver()
    {
        var files = Files();
        var rankOfNamespace = files.Select(f => f.Folder).Distinct().ToDictionary(NamespaceOf, RankOf);
        var backwards = new List<string>();
        foreach (var file in files.Where(f => !Drivers.Contains(StagePrefix().Replace(f.Folder, ""))))
        {
            int rank = RankOf(file.Folder);
            foreach (var used in UsedNamespaces().Matches(file.Text).Select(m => m.Groups[1].Value).Distinct())
                if (rankOfNamespace.TryGetValue(used, out var usedRank) && usedRank > rank)
                    backwards.Add($"{System.IO.Path.GetRelativePath(Engine, file.Path)} uses {used}");
        }
        backwards.ShouldBeEmpty();
    }

    [Fact]
    public void No_source_file_is_over_500_lines()
    {
        // A file a newcomer can read through: a larger one is split into cohesive parts.
        var root = RenderedReport.RepositoryRoot();
        var tooLong = new[] { "src", "tests", "bench" }
            .SelectMany(folder => Directory.EnumerateFiles(System.IO.Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
            .Where(path => !path.Contains($"{System.IO.Path.DirectorySeparatorChar}obj{System.IO.Path.DirectorySeparatorChar}"))
            .Select(path => (Path: System.IO.Path.GetRelativePath(root, path), Lines: File.ReadLines(path).Count()))
            .Where(f => f.Lines > 500)
            .Select(f => $"{f.Path}: {f.Lines} lines");
        tooLong.ShouldBeEmpty();
    }

    [Fact]
    public void The_check_sees_a_backward_reference()
    {
        // The rule above must be able to fail: a ground-floor file naming a stage is caught.
        UsedNamespaces().Matches("using Sitrep.Stories;\nvar f = Sitrep.Time.TimeLexicon.Load();")
            .Select(m => m.Groups[1].Value).ShouldBe(["Sitrep.Stories", "Sitrep.Time"]);
        RankOf("5-Stories").ShouldBeGreaterThan(RankOf("4-Time"));
        NamespaceOf("0-Document").ShouldBe("Sitrep");
    }

    [GeneratedRegex(@"^namespace\s+([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    [GeneratedRegex(@"^\d+-")]
    private static partial Regex StagePrefix();

    /// <summary>Namespaces named in using directives or written out in code (Sitrep.Time.TimeLexicon).</summary>
    [GeneratedRegex(@"\b(Sitrep\.[A-Z]\w*)(?=\s*;|\.)")]
    private static partial Regex UsedNamespaces();
}
