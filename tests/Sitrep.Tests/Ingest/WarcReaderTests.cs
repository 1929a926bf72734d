using System.Text;
using Sitrep.Ingest;

namespace Sitrep.Tests.Ingest;

public class WarcReaderTests
{
    private const string Page = """
        <!doctype html><html><head><title>Strike hits fuel depot in Kherson</title></head>
        <body><article><p>A drone strike set a fuel depot on fire in Kherson late on Friday, the regional governor said.</p></article></body></html>
        """;

    private static (List<Document> Documents, IReadOnlyList<Problem> Problems) Read(byte[] warc, string name = "crawl.warc.gz")
    {
        var problems = new ProblemList();
        return (new WarcReader().Read(TestInputs.File(name, warc), problems).ToList(), problems.Items);
    }

    /// <summary>A small crawl as crawlers write it: warcinfo, then request/response/metadata per page, each record its own gzip member.</summary>
    private static byte[] Crawl(params byte[][] records) => records.SelectMany(TestInputs.Gzip).ToArray();

    private static byte[] Info() => TestInputs.WarcRecord("warcinfo", "urn:uuid:info", "software: test-crawler/1.0\r\n"u8.ToArray(), contentType: "application/warc-fields");

    private static byte[] Request(string uri) =>
        TestInputs.WarcRecord("request", "urn:uuid:req", Encoding.ASCII.GetBytes($"GET / HTTP/1.1\r\nHost: {new Uri(uri).Host}\r\n\r\n"), uri, "application/http; msgtype=request");

    [Fact]
    public void Html_responses_become_documents_and_other_records_are_skipped()
    {
        var response = TestInputs.HttpResponse(Encoding.UTF8.GetBytes(Page), "Content-Type: text/html; charset=utf-8");
        var image = TestInputs.HttpResponse([0x89, 0x50, 0x4E, 0x47, 0, 0, 0], "Content-Type: image/png");
        var warc = Crawl(
            Info(),
            Request("https://news.example/kherson"),
            TestInputs.WarcRecord("response", "urn:uuid:page-1", response, "https://news.example/kherson"),
            TestInputs.WarcRecord("metadata", "urn:uuid:meta", "outlinks: 3\r\n"u8.ToArray(), "https://news.example/kherson", "application/warc-fields"),
            TestInputs.WarcRecord("response", "urn:uuid:logo", image, "https://news.example/logo.png"));

        var (documents, problems) = Read(warc);

        problems.ShouldBeEmpty();
        var page = documents.Single();
        page.Id.ShouldBe("urn:uuid:page-1");
        page.Url.ShouldBe("https://news.example/kherson");
        page.Html.ShouldBe(Page);
        page.Source.File.ShouldBe("crawl.warc.gz");
        page.Source.Line.ShouldBeGreaterThan(1);
    }

    [Fact]
    public void The_http_charset_decodes_the_body()
    {
        var latin = Encoding.Latin1.GetBytes("<html><body><p>Le préfet a décrété un couvre-feu à Mayotte.</p></body></html>");
        var warc = TestInputs.WarcRecord("response", "urn:uuid:fr", TestInputs.HttpResponse(latin, "Content-Type: text/html; charset=ISO-8859-1"), "https://presse.example/mayotte");

        var (documents, _) = Read(warc, "crawl.warc");

        documents.Single().Html!.ShouldContain("Le préfet a décrété un couvre-feu à Mayotte.");
    }

    [Fact]
    public void A_chunked_gzip_compressed_body_is_decoded()
    {
        var gzipped = TestInputs.Gzip(Page);
        var chunked = new List<byte>();
        foreach (var chunk in gzipped.Chunk(50))
            chunked.AddRange([.. Encoding.ASCII.GetBytes($"{chunk.Length:x}\r\n"), .. chunk, .. "\r\n"u8]);
        chunked.AddRange("0\r\n\r\n"u8.ToArray());
        var response = TestInputs.HttpResponse([.. chunked], "Content-Type: text/html", "Transfer-Encoding: chunked", "Content-Encoding: gzip");

        var (documents, problems) = Read(Crawl(TestInputs.WarcRecord("response", "urn:uuid:c", response, "https://news.example/c")));

        problems.ShouldBeEmpty();
        documents.Single().Html.ShouldBe(Page);
    }

    [Fact]
    public void Wet_conversion_records_become_text_documents()
    {
        var text = "Strike hits fuel depot in Kherson\nA drone strike set a fuel depot on fire late on Friday.\n";
        var wet = TestInputs.WarcRecord("conversion", "urn:uuid:wet-1", Encoding.UTF8.GetBytes(text), "https://news.example/kherson", "text/plain");

        var (documents, problems) = Read(Crawl(Info(), wet), "crawl.warc.wet.gz");

        problems.ShouldBeEmpty();
        var page = documents.Single();
        page.Id.ShouldBe("urn:uuid:wet-1");
        page.Html.ShouldBeNull();
        page.Text.ShouldBe(text);
        page.Url.ShouldBe("https://news.example/kherson");
    }

    [Fact]
    public void A_truncated_record_is_reported_and_the_records_before_it_come_out()
    {
        var response = TestInputs.HttpResponse(Encoding.UTF8.GetBytes(Page), "Content-Type: text/html");
        var whole = TestInputs.WarcRecord("response", "urn:uuid:first", response, "https://news.example/1");
        var second = TestInputs.WarcRecord("response", "urn:uuid:second", response, "https://news.example/2");
        var cut = second[..^60];

        var (documents, problems) = Read([.. whole, .. cut], "crawl.warc");

        documents.Select(d => d.Id).ShouldBe(["urn:uuid:first"]);
        var secondRecordLine = Encoding.UTF8.GetString(whole).Count(c => c == '\n') + 1;
        problems.Single().ToString().ShouldStartWith($"crawl.warc:{secondRecordLine}: truncated WARC record <urn:uuid:second>:");
    }

    [Fact]
    public void A_warc_gz_cut_inside_a_gzip_member_is_reported()
    {
        var response = TestInputs.HttpResponse(Encoding.UTF8.GetBytes(Page), "Content-Type: text/html");
        var first = TestInputs.Gzip(TestInputs.WarcRecord("response", "urn:uuid:first", response, "https://news.example/1"));
        var second = TestInputs.Gzip(TestInputs.WarcRecord("response", "urn:uuid:second", response, "https://news.example/2"));

        var (documents, problems) = Read([.. first, .. second[..(second.Length / 2)]]);

        documents.Select(d => d.Id).ShouldBe(["urn:uuid:first"]);
        problems.Single().ToString().ShouldMatch(@"^crawl\.warc\.gz:\d+: .*truncated");
    }

    [Fact]
    public void Text_that_is_not_a_warc_is_reported_at_its_first_line()
    {
        var (documents, problems) = Read("just some notes\n"u8.ToArray(), "notes.warc");
        documents.ShouldBeEmpty();
        problems.Single().ToString().ShouldBe("notes.warc:1: expected a WARC record (a \"WARC/1.x\" line), found \"just some notes\"");
    }
}
