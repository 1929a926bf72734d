using System.Text;
using Sitrep.Ingest;

namespace Sitrep.Tests.Ingest;

public class JsonLinesReaderTests
{
    private static (List<Document> Documents, IReadOnlyList<Problem> Problems) Read(string content, string name = "feed.jsonl")
    {
        var problems = new ProblemList();
        var file = new InputFile(name, () => new MemoryStream(Encoding.UTF8.GetBytes(content)));
        return (new JsonLinesReader().Read(file, problems).ToList(), problems.Items);
    }

    [Fact]
    public void A_malformed_line_is_reported_with_its_line_number_and_the_others_still_come_out()
    {
        var (documents, problems) = Read(
            """
            {"id": "khartoum-1", "text": "Shelling resumed in Omdurman on Monday.", "published": "2025-05-05"}
            {"id": "broken", "text": "unterminated
            {"text": "The Rapid Support Forces (RSF) denied the report.", "outlet": "Sudan Tribune"}
            """);

        documents.Select(d => d.Id).ShouldBe(["khartoum-1", "feed:3"]);
        documents[0].Published.ToString().ShouldBe("2025-05-05");
        documents[1].Outlet.ShouldBe("Sudan Tribune");
        problems.Count.ShouldBe(1);
        problems[0].ToString().ShouldStartWith("feed.jsonl:2: invalid JSON");
    }

    [Fact]
    public void Text_is_kept_exactly_as_given_so_offsets_stay_valid()
    {
        var text = "  Kyiv, 3 March \u2014 Air-raid sirens\r\nsounded twice.  ";
        var (documents, _) = Read("{\"id\":\"k\",\"text\":" + System.Text.Json.JsonSerializer.Serialize(text) + "}\n");
        documents.Single().Text.ShouldBe(text);
        documents.Single().TextIsInput.ShouldBeTrue();
    }

    [Fact]
    public void A_record_without_text_or_html_is_reported()
    {
        var (documents, problems) = Read("{\"id\": \"x\", \"title\": \"Only a title\"}\n");
        documents.ShouldBeEmpty();
        problems.Single().ToString().ShouldBe("feed.jsonl:1: record has neither \"text\" nor \"html\"");
    }

    [Fact]
    public void Field_names_of_other_news_exports_are_understood()
    {
        var (documents, problems) = Read("""
            {"headline": "Port reopens", "content": "<p>The port of Berbera reopened on Monday.</p>", "link": "https://example.org/berbera", "publishedAt": "Mon, 03 Mar 2025 09:12:00 GMT", "source": {"id": "hn", "name": "Horn News"}, "author": ["Amina Yusuf", {"name": "Omar Ali"}], "lang": "en"}
            {"id": 7, "body": "Flights resumed at Aden airport.", "date": "2025-03-04", "publisher": "Gulf Desk", "authors": "Sara Haddad"}
            """);

        problems.ShouldBeEmpty();
        var port = documents[0];
        port.Title.ShouldBe("Port reopens");
        port.Html.ShouldBe("<p>The port of Berbera reopened on Monday.</p>");
        port.Url.ShouldBe("https://example.org/berbera");
        port.Published.ToString().ShouldBe("2025-03-03T09:12:00Z");
        port.Outlet.ShouldBe("Horn News");
        port.Authors.ShouldBe(["Amina Yusuf", "Omar Ali"]);
        port.Language.ShouldBe("en");
        var flights = documents[1];
        flights.Id.ShouldBe("7");
        flights.Text.ShouldBe("Flights resumed at Aden airport.");
        flights.TextIsInput.ShouldBeTrue();
        flights.Outlet.ShouldBe("Gulf Desk");
        flights.Authors.ShouldBe(["Sara Haddad"]);
    }

    [Fact]
    public void An_unreadable_date_is_reported_and_the_record_kept()
    {
        var (documents, problems) = Read("{\"id\": \"a\", \"text\": \"Talks resumed.\", \"published\": \"last Tuesday\"}\n");
        documents.Single().Published.ShouldBeNull();
        problems.Single().ToString().ShouldBe("feed.jsonl:1: \"published\" is not a date: last Tuesday (ignored)");
    }

    [Fact]
    public void A_byte_order_mark_and_windows_line_ends_are_accepted()
    {
        var (documents, problems) = Read("\uFEFF{\"id\": \"a\", \"text\": \"Talks resumed.\"}\r\n{\"id\": \"b\", \"text\": \"Talks ended.\"}\r\n");
        problems.ShouldBeEmpty();
        documents.Select(d => d.Id).ShouldBe(["a", "b"]);
        documents[1].Text.ShouldBe("Talks ended.");
    }
}
