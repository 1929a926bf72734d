using Sitrep.Ingest;

namespace Sitrep.Tests.Ingest;

public class FeedReaderTests
{
    private static (List<Document> Documents, IReadOnlyList<Problem> Problems) Read(string xml, string name = "wire.xml")
    {
        var problems = new ProblemList();
        return (new FeedReader().Read(TestInputs.File(name, xml), problems).ToList(), problems.Items);
    }

    private const string Rss = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
             xmlns:media="http://search.yahoo.com/mrss/">
          <channel>
            <title>Sahel Monitor</title>
            <link>https://sahel-monitor.example/</link>
            <description>News from the Sahel</description>
            <item>
              <title>Gunmen attack convoy near Menaka &amp;amp; seize trucks</title>
              <link>https://sahel-monitor.example/2025/03/convoy-attack</link>
              <guid isPermaLink="false">sm-20250303-17</guid>
              <pubDate>Mon, 03 Mar 2025 09:12:00 +0100</pubDate>
              <dc:creator>Aminata Traoré</dc:creator>
              <media:content url="https://sahel-monitor.example/img/convoy.jpg"><media:title>Trucks</media:title></media:content>
              <description>Short teaser only.</description>
              <content:encoded><![CDATA[<p>Gunmen attacked a fuel convoy 40 km north of <b>Menaka</b> on Sunday.</p><p>Two drivers were killed.</p>]]></content:encoded>
            </item>
            <item>
              <title>Aid flights resume to Gao</title>
              <link>https://sahel-monitor.example/2025/03/aid-flights</link>
              <pubDate>Tue, 4 Mar 25 14:30 GMT</pubDate>
              <author>desk@sahel-monitor.example (Ibrahim Maïga)</author>
              <description>The World Food Programme said on Tuesday that its flights to Gao had resumed after a two-week pause.</description>
            </item>
          </channel>
        </rss>
        """;

    [Fact]
    public void Rss_items_become_documents_with_their_metadata()
    {
        var (documents, problems) = Read(Rss);

        problems.ShouldBeEmpty();
        documents.Count.ShouldBe(2);
        var convoy = documents[0];
        convoy.Id.ShouldBe("sm-20250303-17");
        convoy.Title.ShouldBe("Gunmen attack convoy near Menaka & seize trucks");
        convoy.Url.ShouldBe("https://sahel-monitor.example/2025/03/convoy-attack");
        convoy.Outlet.ShouldBe("Sahel Monitor");
        convoy.Published.ToString().ShouldBe("2025-03-03T09:12:00+01:00");
        convoy.Authors.ShouldBe(["Aminata Traoré"]);
        convoy.Html.ShouldBe("<p>Gunmen attacked a fuel convoy 40 km north of <b>Menaka</b> on Sunday.</p><p>Two drivers were killed.</p>");
        convoy.Source.ShouldBe(new SourceLocation("wire.xml", 8));
    }

    [Fact]
    public void An_item_without_markup_is_text_and_gets_a_positional_id()
    {
        var (documents, _) = Read(Rss);
        var aid = documents[1];
        aid.Id.ShouldBe("wire:2");
        aid.Html.ShouldBeNull();
        aid.Text.ShouldBe("The World Food Programme said on Tuesday that its flights to Gao had resumed after a two-week pause.");
        aid.Published.ToString().ShouldBe("2025-03-04T14:30:00Z");
        aid.Authors.ShouldBe(["Ibrahim Maïga"]);
    }

    [Fact]
    public void Atom_entries_prefer_content_over_summary_and_the_alternate_link()
    {
        var (documents, problems) = Read("""
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title type="text">Baltic Ledger</title>
              <id>urn:uuid:5e0c2d5c-feed</id>
              <entry>
                <title type="html">Ferry &lt;em&gt;Aurora&lt;/em&gt; runs aground off Saaremaa</title>
                <link rel="self" href="https://baltic-ledger.example/api/entries/991"/>
                <link rel="alternate" type="text/html" href="https://baltic-ledger.example/news/ferry-aground"/>
                <id>tag:baltic-ledger.example,2025:991</id>
                <updated>2025-02-11T08:00:00Z</updated>
                <published>2025-02-10T21:45:00+02:00</published>
                <author><name>Kadri Tamm</name></author>
                <author><name>Jonas Berg</name></author>
                <summary>A passenger ferry ran aground.</summary>
                <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The ferry carried 212 passengers.</p></div></content>
              </entry>
            </feed>
            """);

        problems.ShouldBeEmpty();
        var ferry = documents.Single();
        ferry.Id.ShouldBe("tag:baltic-ledger.example,2025:991");
        ferry.Title.ShouldBe("Ferry Aurora runs aground off Saaremaa");
        ferry.Url.ShouldBe("https://baltic-ledger.example/news/ferry-aground");
        ferry.Outlet.ShouldBe("Baltic Ledger");
        ferry.Published.ToString().ShouldBe("2025-02-10T21:45:00+02:00");
        ferry.Authors.ShouldBe(["Kadri Tamm", "Jonas Berg"]);
        ferry.Html!.ShouldContain("<p>The ferry carried 212 passengers.</p>");
    }

    [Fact]
    public void A_minified_feed_loses_no_item()
    {
        var (documents, problems) = Read(
            "<rss version=\"2.0\"><channel><title type=\"text\">Desk</title><item><guid>a</guid><description>One.</description></item>" +
            "<item><guid>b</guid><description>Two.</description></item><item><guid>c</guid><description>Three.</description></item></channel></rss>");

        problems.ShouldBeEmpty();
        documents.Select(d => d.Id).ShouldBe(["a", "b", "c"]);
        documents[0].Outlet.ShouldBe("Desk");
    }

    [Fact]
    public void An_xhtml_feed_title_is_read_as_text()
    {
        var (documents, problems) = Read("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Baltic <b>Ledger</b></div></title>
            <entry><id>e1</id><summary>Ferry runs aground.</summary></entry></feed>
            """);

        problems.ShouldBeEmpty();
        documents.Single().Outlet.ShouldBe("Baltic Ledger");
    }

    [Fact]
    public void An_aggregator_item_names_its_own_outlet()
    {
        var (documents, _) = Read("""
            <rss version="2.0"><channel><title>Headlines - Sahel</title>
            <item><guid>g1</guid><title>Convoy attacked near Menaka - Sahel Wire</title><source url="https://sahel-wire.example">Sahel Wire</source>
            <description>Gunmen attacked a fuel convoy near Menaka.</description></item>
            <item><guid>g2</guid><description>Curfew lifted in Gao.</description></item>
            </channel></rss>
            """);

        documents.Select(d => d.Outlet).ShouldBe(["Sahel Wire", "Headlines - Sahel"]);
    }

    [Fact]
    public void Atom_text_content_is_text_even_with_angle_brackets()
    {
        var (documents, _) = Read("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title>
            <entry><id>e1</id><content type="text">Turnout was &lt;40% in the north, officials said.</content></entry>
            </feed>
            """);

        documents.Single().Html.ShouldBeNull();
        documents.Single().Text.ShouldBe("Turnout was <40% in the north, officials said.");
    }

    [Fact]
    public void A_document_type_definition_is_refused_so_no_entity_can_expand()
    {
        var (documents, problems) = Read("""
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
            <rss version="2.0"><channel><title>x</title><item><description>&lol2;</description></item></channel></rss>
            """);

        documents.ShouldBeEmpty();
        problems.Single().ToString().ShouldStartWith("wire.xml:1: invalid XML: For security reasons DTD is prohibited");
    }

    [Fact]
    public void Items_before_broken_xml_still_come_out_and_the_break_is_reported_with_its_line()
    {
        var (documents, problems) = Read("""
            <rss version="2.0"><channel><title>Desk</title>
            <item><guid>a</guid><description>Curfew lifted in the capital.</description></item>
            <item><guid>b</guid><description>Talks resume in Doha & Cairo.</description></item>
            </channel></rss>
            """);

        documents.Select(d => d.Id).ShouldBe(["a"]);
        var problem = problems.Single().ToString();
        problem.ShouldStartWith("wire.xml:3: invalid XML");
        problem.ShouldEndWith("(the 1 items before it were read)");
    }

    [Theory]
    [InlineData("Mon, 03 Mar 2025 09:12:00 EST", "2025-03-03T09:12:00-05:00")]
    [InlineData("3 Mar 2025 09:12 +0000", "2025-03-03T09:12:00Z")]
    [InlineData("Sun, 2 Feb 2025", "2025-02-02")]
    [InlineData("2025-03-03T09:12:00Z", "2025-03-03T09:12:00Z")]
    [InlineData("2025-03-03", "2025-03-03")]
    public void Feed_dates_are_read_in_rfc_822_and_iso_8601(string text, string expected)
    {
        WrittenDates.TryParseGiven(text, out var date).ShouldBeTrue();
        date.ToString().ShouldBe(expected);
    }

    [Theory]
    [InlineData("Mon, 31 Feb 2025 09:12:00 GMT")]
    [InlineData("yesterday")]
    public void Impossible_feed_dates_are_rejected(string text) => WrittenDates.TryParseGiven(text, out _).ShouldBeFalse();
}
