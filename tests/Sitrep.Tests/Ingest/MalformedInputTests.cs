using Sitrep.Composition;
using System.Diagnostics;
using System.Text;
using Sitrep.Ingest;

namespace Sitrep.Tests.Ingest;

/// <summary>
/// Every reader, and the text stage after it, over generated malformed inputs: mutations of small
/// valid inputs of each format (truncation, flipped and inserted bytes, spliced inputs, repeated
/// slices, deep nesting, huge attributes, invalid UTF-8, corrupt gzip and WARC framing). Nothing may
/// throw, no input may take more than two seconds. The suite runs a seeded sample; set
/// SITREP_FUZZ_INPUTS (e.g. 100000) for a long run: each reader then gets that many inputs.
/// </summary>
public class MalformedInputTests
{
    private static int InputsPerReader => int.TryParse(Environment.GetEnvironmentVariable("SITREP_FUZZ_INPUTS"), out var n) ? n : 300;

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(2);

    public static TheoryData<string> Formats => [.. Seeds.Keys];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Malformed_inputs_are_reported_never_thrown_nor_hung(string format)
    {
        var random = new Random(20261122 + Seeds.Keys.ToList().IndexOf(format)); // string hashes change from run to run
        var extraction = Pipeline.Extraction();
        var slowest = TimeSpan.Zero;
        var failures = new List<string>();
        for (int i = 0; i < InputsPerReader && failures.Count < 5; i++)
        {
            var (name, bytes) = Mutate(format, random);
            var clock = Stopwatch.StartNew();
            var run = Task.Run(() =>
            {
                foreach (var document in new ArticleSource(new ProblemList()).ReadFile(TestInputs.File(name, bytes)))
                    extraction.Process(document);
            });
            bool finished = Task.WhenAny(run, Task.Delay(Limit + Limit)).Result == run;
            if (!finished) failures.Add($"input {i} ({bytes.Length} bytes) still running after {(Limit + Limit).TotalSeconds} s");
            else if (run.IsFaulted) failures.Add($"input {i}: {run.Exception!.InnerException}");
            else if (clock.Elapsed > Limit) failures.Add($"input {i} ({bytes.Length} bytes) took {clock.Elapsed.TotalSeconds:F1} s");
            if (clock.Elapsed > slowest) slowest = clock.Elapsed;
        }
        failures.ShouldBeEmpty($"slowest input {slowest.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public void Nesting_a_hundred_thousand_elements_deep_is_read_within_the_limit()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + "<p>Flood waters rose overnight in the valley.</p></body></html>";
        var clock = Stopwatch.StartNew();
        var documents = new ArticleSource(new ProblemList()).ReadFile(TestInputs.File("deep.html", html)).ToList();
        documents.ForEach(Pipeline.Extraction().Process);
        clock.Elapsed.ShouldBeLessThan(Limit);
        documents.ShouldHaveSingleItem();
    }

    [Fact]
    public void A_feed_nested_thousands_deep_is_refused_at_the_line_where_it_gets_too_deep()
    {
        var feed = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Valley Post</title>\n<item><title>Road closed</title>\n<description>"
                   + string.Concat(Enumerable.Repeat("<div>", 40_000)) + "</description></item></channel></rss>";
        var problems = new ProblemList();
        var clock = Stopwatch.StartNew();

        new ArticleSource(problems).ReadFile(TestInputs.File("deep.xml", feed)).ShouldBeEmpty();

        clock.Elapsed.ShouldBeLessThan(Limit);
        problems.Items.ShouldHaveSingleItem().ToString().ShouldBe("deep.xml:4: elements nested more than 256 deep");
    }

    /// <summary>Small valid inputs of each format, the starting points of the mutations.</summary>
    private static readonly Dictionary<string, (string Name, byte[] Bytes)> Seeds = new()
    {
        ["html"] = ("page.html", Encoding.UTF8.GetBytes("""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Flooding closes river road | Valley Post</title>
            <meta property="article:published_time" content="2026-03-02T08:00:00Z"></head>
            <body><nav><a href="/">Home</a><a href="/news">News</a></nav><article><h1>Flooding closes river road</h1>
            <p>The river road between Mora and Kousseri was closed on Monday after the Logone burst its banks.</p>
            <p>Officials said about 1,200 families had moved to higher ground, and more rain is expected this week.</p>
            <blockquote>"We lost everything," one farmer said.</blockquote></article><footer>© Valley Post</footer></body></html>
            """)),
        ["jsonl"] = ("wire.jsonl", Encoding.UTF8.GetBytes(
            """{"id": "w1", "title": "Road closed by floods", "text": "The river road was closed on Monday.", "published": "2026-03-02"}""" + "\n" +
            """{"id": "w2", "html": "<p>Families moved to higher ground.</p>", "url": "https://valley.example/a"}""" + "\n")),
        ["rss"] = ("feed.xml", Encoding.UTF8.GetBytes("""
            <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Valley Post</title>
            <item><title>Road closed by floods</title><link>https://valley.example/a</link><pubDate>Mon, 02 Mar 2026 08:00:00 GMT</pubDate>
            <description><![CDATA[<p>The river road was closed on Monday.</p>]]></description></item></channel></rss>
            """)),
        ["atom"] = ("feed.atom", Encoding.UTF8.GetBytes("""
            <?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Post</title>
            <entry><title>Road closed</title><link href="https://valley.example/a"/><updated>2026-03-02T08:00:00Z</updated>
            <content type="html">&lt;p&gt;The river road was closed.&lt;/p&gt;</content></entry></feed>
            """)),
        ["warc"] = ("crawl.warc", TestInputs.WarcRecord("response", "urn:uuid:0000-1", TestInputs.HttpResponse(
            Encoding.UTF8.GetBytes("<html><body><p>The river road was closed on Monday after the floods.</p></body></html>"),
            "Content-Type: text/html; charset=utf-8"), "https://valley.example/a")),
        ["gzip"] = ("wire.jsonl.gz", TestInputs.Gzip("""{"id": "g1", "text": "The river road was closed on Monday."}""" + "\n")),
        ["text"] = ("story.txt", Encoding.UTF8.GetBytes("""
            Flooding closes river road

            MORA, March 2, 2026 — The river road was closed on Monday after the Logone burst its banks.

            About Amina Bello
            Amina Bello covers the Sahel. View all posts by Amina Bello

            Original Source: www.valleypost.example
            """)),
    };

    private static (string Name, byte[] Bytes) Mutate(string format, Random random)
    {
        var (name, seed) = Seeds[format];
        var bytes = new List<byte>(seed);
        int edits = random.Next(1, 4);
        for (int e = 0; e < edits; e++)
        {
            int at = random.Next(bytes.Count + 1);
            switch (random.Next(9))
            {
                case 0: bytes.RemoveRange(at, bytes.Count - at); break; // truncated
                case 1: if (at < bytes.Count) bytes[at] = (byte)random.Next(256); break;
                case 2: bytes.InsertRange(at, RandomBytes(random, random.Next(1, 64))); break;
                case 3: // a slice repeated many times
                    int from = random.Next(bytes.Count + 1), length = Math.Min(random.Next(1, 40), bytes.Count - from);
                    var slice = bytes.GetRange(from, length);
                    for (int r = random.Next(2, 2_000); r > 0; r--) bytes.InsertRange(at, slice);
                    break;
                case 4: // another format spliced in
                    var other = Seeds.Values.ElementAt(random.Next(Seeds.Count)).Bytes;
                    int cut = random.Next(other.Length);
                    bytes.InsertRange(at, other.Skip(cut).Take(random.Next(1, 200)));
                    break;
                case 5: bytes.InsertRange(at, Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(random.Next(3) switch { 0 => "<div>", 1 => "[", _ => "<x:a>" }, random.Next(100, 50_000))))); break;
                case 6: bytes.InsertRange(at, Encoding.ASCII.GetBytes($"<p title=\"{new string('a', random.Next(1_000, 200_000))}\">")); break;
                case 7: bytes.InsertRange(at, [0xC3, 0x28, 0xE2, 0x82, 0xFF, 0xF0, 0x90, 0x80]); break; // invalid UTF-8
                default: bytes.InsertRange(at, Encoding.ASCII.GetBytes(random.Next(2) == 0 ? "\r\nContent-Length: 99999999999\r\n" : "\n\n\n")); break;
            }
        }
        return (name, [.. bytes]);
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
