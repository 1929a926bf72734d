using System.Diagnostics;
using System.Text.Json;

namespace Sitrep.Tests.Entities;

/// <summary>An analyst extends the shipped lists without code: a file of the same name in SITREP_DATA.</summary>
public class LocalDataTests : TestFolder
{
    private const string Article =
        "Rebel commander Tariq Wendell al-Khoury entered the city on Sunday. Officials said the man known as " +
        "Abu Faris addressed crowds at the central mosque.";

    [Fact]
    public void An_alias_added_in_SITREP_DATA_merges_two_names_the_shipped_table_keeps_apart()
    {
        var input = Path.Combine(Folder, "article.txt");
        File.WriteAllText(input, Article);

        CanonicalNames(input, localData: null)["Abu Faris"].ShouldNotBe("Tariq Wendell al-Khoury");

        var local = Directory.CreateDirectory(Path.Combine(Folder, "local")).FullName;
        File.WriteAllText(Path.Combine(local, "aliases.tsv"), "# our desk's aliases\nTariq Wendell al-Khoury\tAbu Faris\n");
        CanonicalNames(input, local)["Abu Faris"].ShouldBe("Tariq Wendell al-Khoury");
    }

    /// <summary>The canonical name annotate gives each entity mention's text.</summary>
    private static Dictionary<string, string> CanonicalNames(string input, string? localData)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Sitrep.Cli.dll"), "annotate", input])
            { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment[DataFiles.LocalFolderVariable] = localData ?? "";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, process.StandardError.ReadToEnd());
        using var record = JsonDocument.Parse(output);
        return record.RootElement.GetProperty("entities").EnumerateArray()
            .ToDictionary(e => e.GetProperty("text").GetString()!, e => e.GetProperty("canonical").GetString()!);
    }
}
