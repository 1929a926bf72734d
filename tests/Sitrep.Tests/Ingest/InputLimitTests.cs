using System.Text;
using Sitrep.Ingest;

namespace Sitrep.Tests.Ingest;

/// <summary>The explicit limits hostile input meets: decompressed size, line length.</summary>
public class InputLimitTests
{
    [Fact]
    public void A_decompression_bomb_stops_at_the_limit_with_a_clear_error()
    {
        var bomb = TestInputs.Gzip(new byte[8 << 20]); // 8 MiB of zeros in a few kilobytes
        bomb.Length.ShouldBeLessThan(64 << 10);
        using var limited = new LimitedStream(new CheckedGzipStream(new MemoryStream(bomb)), 1 << 20, "bomb.jsonl.gz");

        var error = Should.Throw<InputTooLargeException>(() => limited.CopyTo(Stream.Null));

        error.Message.ShouldBe("bomb.jsonl.gz: content exceeds 1 MiB after decompression");
    }

    [Fact]
    public void A_line_over_the_limit_is_flagged_without_being_held_and_the_next_line_follows()
    {
        var text = "{\"id\": \"a\"}\n" + new string('x', 5_000) + "\n{\"id\": \"b\"}\n";

        var lines = BoundedLineReader.Lines(new MemoryStream(Encoding.UTF8.GetBytes(text)), maxLineBytes: 1_000).ToList();

        lines.Select(l => (l.Number, l.TooLong)).ShouldBe([(1, false), (2, true), (3, false)]);
        lines[1].Bytes.Length.ShouldBe(0);
        Encoding.UTF8.GetString(lines[2].Bytes.Span).ShouldBe("{\"id\": \"b\"}");
    }

    [Fact]
    public void A_JSON_Lines_record_too_long_to_read_is_reported_at_its_line_and_the_rest_come_out()
    {
        var huge = "{\"id\": \"big\", \"text\": \"" + new string('a', BoundedLineReader.DefaultMaxLineBytes) + "\"}";
        var input = "{\"id\": \"a\", \"text\": \"Rain closed the pass.\"}\n" + huge + "\n{\"id\": \"b\", \"text\": \"The pass reopened.\"}\n";
        var problems = new ProblemList();

        var ids = new ArticleSource(problems).ReadFile(TestInputs.File("wire.jsonl", input)).Select(d => d.Id).ToList();

        ids.ShouldBe(["a", "b"]);
        problems.Items.ShouldHaveSingleItem().ToString().ShouldBe("wire.jsonl:2: line longer than 64 MiB");
    }
}
