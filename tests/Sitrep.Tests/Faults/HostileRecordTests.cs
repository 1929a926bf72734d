using System.Text;
using System.Text.Json;
using Sitrep.Cli;
using Sitrep.Ingest;
using Sitrep.Tests.Ingest;

namespace Sitrep.Tests.Faults;

/// <summary>
/// Records that broke whole runs (issue 21): each is reported as FILE:LINE: reason and every other
/// record still comes out.
/// </summary>
[Collection(nameof(ConsoleCollection))]
public sealed class HostileRecordTests : TestFolder
{
    private static (List<Document> Documents, IReadOnlyList<Problem> Problems) Read(string name, string content)
    {
        var problems = new ProblemList();
        return (new ArticleSource(problems).ReadFile(TestInputs.File(name, content)).ToList(), problems.Items);
    }

    private (int ExitCode, string[] Errors) Run(params string[] arguments)
    {
        var errors = new StringWriter();
        var previous = Console.Error;
        Console.SetError(errors);
        try
        {
            return (SitrepCommandLine.Build().Parse(arguments).Invoke(), errors.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
        finally
        {
            Console.SetError(previous);
        }
    }

    private string Write(string relativePath, string content)
    {
        var path = Path.Combine(Folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    [Theory]
    [InlineData("\\udc00")]
    [InlineData("\\ud800")]
    [InlineData("\\ud800\\u0041")]
    public void A_lone_surrogate_escape_is_reported_and_the_other_records_come_out(string escape)
    {
        var (documents, problems) = Read("wire.jsonl",
            "{\"id\":\"a\",\"text\":\"Troops left Kidal on Monday.\"}\n" +
            "{\"id\":\"b\",\"text\":\"Broken " + escape + " text\"}\n" +
            "{\"id\":\"c\",\"title\":\"T " + escape + "\",\"text\":\"Floods closed the road to Mopti.\"}\n" +
            "{\"id\":\"d\",\"text\":\"The ceasefire held in Gao.\"}\n");

        documents.Select(d => d.Id).ShouldBe(["a", "d"]);
        problems.Select(p => p.ToString()).ShouldBe(["wire.jsonl:2: invalid UTF-16 inside a JSON string (a lone surrogate escape)",
                                                      "wire.jsonl:3: invalid UTF-16 inside a JSON string (a lone surrogate escape)"]);
    }

    [Fact]
    public void Two_inputs_with_one_id_are_both_analysed_under_distinct_ids_and_a_repeat_is_read_once()
    {
        Write("in/a/report.txt", "Rebels seized Kidal\n\nRebels seized the town of Kidal on Monday, officials said.\n");
        Write("in/b/report.txt", "Floods hit Nairobi\n\nFloods hit Nairobi on Tuesday, killing five people, police said.\n");
        var feed = Write("in/c/feed.jsonl", "{\"id\":\"w1\",\"text\":\"The army retook Gao on Sunday.\"}\n");
        var outFolder = Path.Combine(Folder, "out");

        var (exitCode, errors) = Run("analyze", Path.Combine(Folder, "in"), feed, "--out", outFolder);

        exitCode.ShouldBe(1);
        errors.ShouldBe([$"{Folder}/in/b/report.txt:1: id report is taken by {Folder}/in/a/report.txt:1 (other content); read as report#2",
                         $"{feed}:1: repeats w1 of {feed}:1 (same content); read once"]);
        var ids = JsonDocument.Parse(File.ReadAllText(Path.Combine(outFolder, "situation.json"))).RootElement
            .GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("id").GetString()).Order(StringComparer.Ordinal);
        ids.ShouldBe(["report", "report#2", "w1"]);
        Directory.GetFiles(outFolder, "*.tmp").ShouldBeEmpty();
    }

    [Fact]
    public void A_report_that_fails_to_write_leaves_no_temporary_files()
    {
        var outFolder = Path.Combine(Folder, "out");
        Directory.CreateDirectory(Path.Combine(outFolder, "events.csv")); // a folder where a file must go

        Should.Throw<Exception>(() => Sitrep.Report.ReportFolder.Write(new Sitrep.Situation.SituationPicture([], []), outFolder));

        Directory.GetFiles(outFolder, "*.tmp").ShouldBeEmpty();
    }
}
