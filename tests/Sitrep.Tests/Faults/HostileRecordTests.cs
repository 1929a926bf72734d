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

    [Fact]
    public async Task Folder_links_are_walked_once_loops_and_pipes_do_not_hang_and_a_broken_link_is_reported()
    {
        var input = Path.Combine(Folder, "in");
        Write("in/a.txt", "Troops left Kidal\n\nTroops left Kidal on Monday, residents said.\n");
        Write("in/sub/b.txt", "Floods in Mopti\n\nFloods closed the road to Mopti on Tuesday.\n");
        Directory.CreateSymbolicLink(Path.Combine(input, "sub", "up"), "..");
        Directory.CreateSymbolicLink(Path.Combine(input, "sub", "here"), ".");
        Directory.CreateSymbolicLink(Path.Combine(input, "gone"), Path.Combine(Folder, "nowhere"));
        var pipe = Path.Combine(input, "sub", "c-pipe.txt");
        System.Diagnostics.Process.Start("mkfifo", pipe)!.WaitForExit();
        var problems = new ProblemList();

        var read = Task.Run(() => new ArticleSource(problems).Read([input]).Select(d => d.Id).ToList());

        (await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(30)))).ShouldBe(read, "the walk hung");
        (await read).ShouldBe(["a", "b"]);
        problems.Items.Select(p => p.ToString()).ShouldBe([$"{input}/gone:1: unreadable: Could not find file '{input}/gone'.",
                                                          $"{pipe}:1: unreadable: not a regular file (a pipe, socket or device)"], ignoreOrder: true);
    }

    [Fact]
    public void A_folder_that_cannot_be_read_is_reported_and_the_rest_is_read()
    {
        var input = Path.Combine(Folder, "in");
        Write("in/a.txt", "Troops left Kidal\n\nTroops left Kidal on Monday, residents said.\n");
        Write("in/locked/b.txt", "Floods in Mopti\n\nFloods closed the road to Mopti on Tuesday.\n");
        var locked = Path.Combine(input, "locked");
        File.SetUnixFileMode(Folder, (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(locked, UnixFileMode.None);
        // Root reads any folder whatever its mode, so as root the command runs as the unprivileged user 'nobody'.
        string cli = Path.Combine(AppContext.BaseDirectory, "Sitrep.Cli.dll");
        var start = Environment.IsPrivilegedProcess
            ? new System.Diagnostics.ProcessStartInfo("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "dotnet", cli, "extract", input])
            : new System.Diagnostics.ProcessStartInfo("dotnet", [cli, "extract", input]);
        start.RedirectStandardOutput = start.RedirectStandardError = true;
        start.Environment["DOTNET_CLI_HOME"] = Folder;
        try
        {
            using var extract = System.Diagnostics.Process.Start(start)!;
            var output = extract.StandardOutput.ReadToEndAsync();
            var errors = extract.StandardError.ReadToEnd();
            extract.WaitForExit();

            extract.ExitCode.ShouldBe(1);
            errors.Trim().ShouldBe($"{locked}: unreadable folder: Access to the path '{locked}' is denied.");
            output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldHaveSingleItem().ShouldContain("\"id\":\"a\"");
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public void An_oversized_feed_item_is_reported_and_skipped_and_the_items_around_it_are_read()
    {
        var huge = new string('x', (int)FeedReader.MaxItemBytes + (64 << 10)); // the reader's buffering blurs the size by a few KiB
        var (documents, problems) = Read("desk.xml",
            "<rss version=\"2.0\"><channel><title>Desk</title>\n" +
            "<item><guid>one</guid><description>Curfew lifted in the capital.</description></item>\n" +
            "<item><guid>two</guid><description>" + huge + "</description></item>\n" +
            "<item><guid>three</guid><description>The bridge at Gao reopened.</description></item>\n</channel></rss>");

        documents.Select(d => d.Id).ShouldBe(["one", "three"]);
        problems.Select(p => p.ToString()).ShouldBe([$"desk.xml:3: feed item 2 is larger than {FeedReader.MaxItemBytes >> 20} MiB; skipped"]);
    }

    [Fact]
    public void A_wrong_content_length_costs_the_records_it_hides_not_the_rest_of_the_warc()
    {
        static byte[] Record(string id, string text) => TestInputs.WarcRecord("conversion", id, Encoding.UTF8.GetBytes(text), contentType: "text/plain");
        var second = Encoding.UTF8.GetString(Record("urn:second", "The ceasefire held in Gao overnight."));
        var shortened = Encoding.UTF8.GetBytes(second.Replace("Content-Length: 36", "Content-Length: 10"));
        var warc = TestInputs.File("crawl.warc", [.. Record("urn:first", "Troops left Kidal on Monday."), .. shortened, .. Record("urn:third", "Floods closed the road to Mopti.")]);
        var problems = new ProblemList();

        var documents = new ArticleSource(problems).ReadFile(warc).ToList();

        documents.Select(d => d.Id).ShouldBe(["urn:first", "urn:second", "urn:third"]);
        problems.Items.ShouldHaveSingleItem().ToString().ShouldMatch(@"^crawl\.warc:\d+: expected a WARC record .*; skipped to the next record, at line \d+$");
    }

    [Fact]
    public void An_article_longer_than_any_article_is_reported_and_not_annotated()
    {
        var feed = Write("in/wire.jsonl",
            "{\"id\":\"a\",\"text\":\"Troops left Kidal on Monday.\"}\n" +
            "{\"id\":\"huge\",\"text\":\"" + string.Concat(Enumerable.Repeat("Troops left Kidal on Monday. ", ArticleSizeLimit.MaxChars / 29 + 1)) + "\"}\n");

        var (exitCode, errors) = Run("annotate", feed, "--out", Path.Combine(Folder, "out.jsonl"));

        exitCode.ShouldBe(1);
        errors.ShouldHaveSingleItem().ShouldStartWith($"{feed}:2: document huge could not be processed: ArticleTooLargeException: its text has");
        File.ReadAllLines(Path.Combine(Folder, "out.jsonl")).ShouldHaveSingleItem().ShouldContain("\"id\":\"a\"");
    }

    /// <summary>A generated record of words without one sentence end, about 200 KB (one of 1 MB kept analyze busy for over five minutes).</summary>
    private static string RunOnText() =>
        string.Concat(Enumerable.Repeat("rebels attacked the town near Goma and residents fled toward Rwanda while officials said ", 2_500));

    [Fact]
    public void A_record_without_sentence_ends_is_read_in_sentences_of_bounded_length()
    {
        var document = new Document("runon", new SourceLocation("wire.jsonl", 1)) { Text = RunOnText() };

        Composition.Pipeline.Annotation().Process(document);

        document.Sentences.Sum(s => s.TokenCount).ShouldBe(document.Tokens.Count);
        document.Sentences.Max(s => s.TokenCount).ShouldBe(Sentence.MaxTokens);
        document.Entities.ShouldContain(e => e.Text == "Goma");
    }

    [Fact]
    public void A_record_without_sentence_ends_is_analysed_with_the_records_around_it()
    {
        var feed = Write("in/wire.jsonl",
            "{\"id\":\"a\",\"text\":\"Gunmen attacked a market in Gao on Monday, killing three people, police said.\"}\n" +
            "{\"id\":\"runon\",\"text\":\"" + RunOnText() + "\"}\n" +
            "{\"id\":\"c\",\"text\":\"Floods closed the road to Mopti on Tuesday.\"}\n");
        var outFolder = Path.Combine(Folder, "out");

        var (exitCode, errors) = Run("analyze", feed, "--out", outFolder);

        errors.ShouldBeEmpty();
        exitCode.ShouldBe(0);
        using var situation = JsonDocument.Parse(File.ReadAllText(Path.Combine(outFolder, "situation.json")));
        situation.RootElement.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("id").GetString()).Order().ShouldBe(["a", "c", "runon"]);
    }

    [Fact]
    public void Parse_refuses_an_article_longer_than_any_article_and_a_pretokenized_sentence_longer_than_any_sentence()
    {
        var tokens = JsonSerializer.Serialize(Enumerable.Repeat("word", Sentence.MaxTokens + 1));
        var feed = Write("in/parse.jsonl",
            "{\"id\":\"huge\",\"text\":\"" + string.Concat(Enumerable.Repeat("Troops left Kidal on Monday. ", ArticleSizeLimit.MaxChars / 29 + 1)) + "\"}\n" +
            "{\"id\":\"long\",\"tokens\":" + tokens + "}\n" +
            "{\"id\":\"a\",\"text\":\"Troops left Kidal on Monday.\"}\n");

        var (exitCode, errors) = Run("parse", feed, "--out", Path.Combine(Folder, "out.jsonl"));

        exitCode.ShouldBe(1);
        errors.Length.ShouldBe(2);
        errors.ShouldContain(e => e.StartsWith($"{feed}:1: document huge could not be processed: ArticleTooLargeException: its text has"));
        errors.ShouldContain($"{feed}:2: a pre-tokenized sentence of {Sentence.MaxTokens + 1} tokens, more than the {Sentence.MaxTokens} a sentence may have; skipped");
        File.ReadAllLines(Path.Combine(Folder, "out.jsonl")).ShouldHaveSingleItem().ShouldContain("\"id\":\"a\"");
    }

    [Fact]
    public void Event_cells_a_spreadsheet_would_run_as_formulas_are_written_inert()
    {
        Write("in/hostile.jsonl", "{\"id\":\"=HYPERLINK(1)\",\"outlet\":\"@SUM(A1)\",\"text\":\"Gunmen attacked a market in Gao on Monday, killing three people, police said.\"}\n");
        var outFolder = Path.Combine(Folder, "out");

        Run("analyze", Path.Combine(Folder, "in"), "--out", outFolder);

        var csv = File.ReadAllText(Path.Combine(outFolder, "events.csv"));
        csv.ShouldContain("'=HYPERLINK(1)");
        csv.ShouldContain("'@SUM(A1)");
        csv.ShouldNotMatch(@"(?m)(^|,)[=+@]");
    }
}
