using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Sitrep.Cli;

namespace Sitrep.Tests.Ingest;

[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public sealed class ConsoleCollection;

/// <summary>
/// The bad-input bar, end to end through the command line: each bad file yields FILE:LINE: reason
/// on standard error, the exit code is 1, and every good record still comes out, in a fixed order.
/// </summary>
[Collection(nameof(ConsoleCollection))]
public sealed class BadInputTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("sitrep-bad-input-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string relativePath, byte[] content)
    {
        var path = Path.Combine(folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    private string Write(string relativePath, string content) => Write(relativePath, Encoding.UTF8.GetBytes(content));

    private (int ExitCode, List<string> Ids, string[] Errors) Extract(params string[] inputs)
    {
        var outPath = Path.Combine(folder, "out", "records.jsonl");
        var errors = new StringWriter();
        var previous = Console.Error;
        Console.SetError(errors);
        int exitCode;
        try
        {
            exitCode = SitrepCommandLine.Build().Parse(["extract", .. inputs, "--out", outPath]).Invoke();
        }
        finally
        {
            Console.SetError(previous);
        }
        var ids = File.ReadAllLines(outPath).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("id").GetString()!).ToList();
        return (exitCode, ids, errors.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private static string Jsonl(params string[] ids) =>
        string.Concat(ids.Select(id => $"{{\"id\":\"{id}\",\"text\":\"Militia fighters withdrew from the market town of {id}.\"}}\n"));

    [Fact]
    public void Each_bad_file_is_reported_with_file_and_line_and_every_good_record_comes_out()
    {
        var input = Path.Combine(folder, "in");
        Write("in/a-wire.jsonl", Jsonl("w1") + "{\"id\": \"w2\", \"text\": \"cut off\n" + Jsonl("w3"));
        var truncated = TestInputs.Gzip(Jsonl([.. Enumerable.Range(1, 400).Select(i => $"z{i}")]));
        Write("in/b-archive.jsonl.gz", truncated[..(truncated.Length * 3 / 4)]);
        Write("in/c-photo.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]);
        Write("in/d-empty.txt", "");
        Write("in/e-story.txt", "Ceasefire holds in Tessalit\n\nThe truce agreed on Sunday held through the night, residents said.\n");
        Write("in/sub/f-feed.xml", """
            <rss version="2.0"><channel><title>Desk</title>
            <item><guid>feed-1</guid><description>Curfew lifted in the capital.</description></item>
            </channel></rss>
            """);

        var (exitCode, ids, errors) = Extract(input);

        exitCode.ShouldBe(1);
        errors.Length.ShouldBe(4);
        errors[0].ShouldStartWith($"{input}/a-wire.jsonl:2: invalid JSON");
        errors[1].ShouldMatch($@"^{input}/b-archive\.jsonl\.gz:\d+: unreadable from here on: truncated gzip data");
        errors[2].ShouldBe($"{input}/c-photo.txt:1: binary file, not text or HTML");
        errors[3].ShouldBe($"{input}/d-empty.txt:1: empty file");
        ids.Take(2).ShouldBe(["w1", "w3"]);
        ids.Skip(2).TakeWhile(id => id.StartsWith('z')).Count().ShouldBeGreaterThan(100); // the records before the cut
        ids.TakeLast(2).ShouldBe(["e-story", "feed-1"]);
    }

    [Fact]
    public void Line_numbers_of_a_truncated_gz_point_just_past_the_last_good_record()
    {
        var truncated = TestInputs.Gzip(Jsonl([.. Enumerable.Range(1, 400).Select(i => $"z{i}")]));
        var path = Write("archive.jsonl.gz", truncated[..(truncated.Length / 2)]);

        var (exitCode, ids, errors) = Extract(path);

        exitCode.ShouldBe(1);
        errors.Single().ShouldStartWith($"{path}:{ids.Count + 1}: ");
        ids.ShouldBe(Enumerable.Range(1, ids.Count).Select(i => $"z{i}"));
    }

    [Fact]
    public void Empty_and_binary_files_of_every_format_are_reported()
    {
        var paths = new[]
        {
            Write("empty.jsonl", ""),
            Write("empty.xml", ""),
            Write("empty.warc", ""),
            Write("empty.html", "\n\n"),
            Write("blob.jsonl", [0x00, 0x01, 0x02, 0xFF, 0xFE, 0x00, 0x10]),
        };

        var (exitCode, ids, errors) = Extract(paths);

        exitCode.ShouldBe(1);
        ids.ShouldBeEmpty();
        errors.ShouldBe([
            $"{paths[0]}:1: empty file: no JSON Lines records",
            $"{paths[1]}:1: empty file: no XML feed",
            $"{paths[2]}:1: empty file: no WARC records",
            $"{paths[3]}:1: empty file",
            $"{paths[4]}:1: binary data, not JSON Lines",
        ]);
    }

    [Fact]
    public void A_truncated_page_or_text_gz_is_reported_at_the_line_where_it_ends()
    {
        var page = "<html><body>\n" + string.Concat(Enumerable.Range(1, 300).Select(i => $"<p>Paragraph {i}: the convoy moved north past checkpoint {i * 7 % 97}.</p>\n")) + "</body></html>\n";
        var gzip = TestInputs.Gzip(page);
        var path = Write("page.html.gz", gzip[..(gzip.Length / 2)]);
        var notGzip = Write("fake.txt.gz", [0x1F, 0x8B, 0x08, 0x00, 0x42, 0x42, 0x42]);

        var (exitCode, ids, errors) = Extract(path, notGzip);

        exitCode.ShouldBe(1);
        ids.ShouldBeEmpty();
        errors.Length.ShouldBe(2);
        errors[0].ShouldMatch($@"^{Regex.Escape(path)}:(\d+): unreadable: truncated gzip data");
        int.Parse(Regex.Match(errors[0], @":(\d+):").Groups[1].Value).ShouldBeGreaterThan(10);
        errors[1].ShouldStartWith($"{notGzip}:1: unreadable: ");
    }

    [Fact]
    public void Good_input_exits_zero_with_nothing_on_standard_error()
    {
        var path = Write("wire.jsonl", Jsonl("g1", "g2"));
        var (exitCode, ids, errors) = Extract(path);
        exitCode.ShouldBe(0);
        errors.ShouldBeEmpty();
        ids.ShouldBe(["g1", "g2"]);
    }
}
