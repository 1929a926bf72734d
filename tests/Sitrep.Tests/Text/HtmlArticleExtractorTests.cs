using System.Text;
using Sitrep.Ingest;
using Sitrep.Text;

namespace Sitrep.Tests.Text;

public class HtmlArticleExtractorTests
{
    private static Document Extract(string html, Action<Document>? given = null)
    {
        var document = new Document("page", new SourceLocation("page.html")) { Html = html };
        given?.Invoke(document);
        new HtmlArticleExtractor().Process(document);
        return document;
    }

    private static string[] Paragraphs(Document d) => d.Text.Split("\n\n");

    private const string NewsPage =
        """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
          <meta charset="utf-8">
          <title>Drone strike hits fuel depot in Port Sudan | Red Sea Monitor</title>
          <meta property="og:site_name" content="Red Sea Monitor">
          <meta property="og:title" content="Drone strike hits fuel depot in Port Sudan | Red Sea Monitor">
          <meta property="og:url" content="https://www.redseamonitor.example/news/drone-strike-port-sudan">
          <script type="application/ld+json">
          {"@context": "https://schema.org", "@graph": [
            {"@type": "Organization", "name": "Red Sea Monitor Ltd"},
            {"@type": "NewsArticle", "headline": "Drone strike hits fuel depot in Port Sudan",
             "datePublished": "2025-05-06T07:45:00+03:00",
             "author": [{"@type": "Person", "name": "Amina Osman"}, {"@type": "Person", "name": "Peter Lindqvist"}],
             "publisher": {"@type": "Organization", "name": "Red Sea Monitor"}}]}
          </script>
          <style>.cookie-banner { position: fixed; }</style>
        </head>
        <body>
          <div class="cookie-banner" id="cookie-consent">
            <p>We use cookies to improve your experience. By continuing to browse you agree to our use of cookies.</p>
            <button>Accept all</button>
          </div>
          <header class="site-header">
            <a href="/">Red Sea Monitor</a>
            <nav><ul><li><a href="/news">News</a></li><li><a href="/sudan">Sudan</a></li><li><a href="/analysis">Analysis</a></li><li><a href="/about">About us</a></li></ul></nav>
          </header>
          <main>
            <article>
              <h1>Drone strike hits fuel depot in Port Sudan</h1>
              <div class="byline">By <a rel="author" href="/staff/amina-osman">Amina Osman</a> and Peter Lindqvist · 6 May 2025</div>
              <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email this article</a></div>
              <figure><img src="depot.jpg" alt=""><figcaption>Smoke rises over the southern fuel depot on Tuesday morning. Photo: Reuters</figcaption></figure>
              <div class="article-body">
                <p>A swarm of drones struck the main fuel depot in Port Sudan early on Tuesday, setting storage tanks ablaze and sending thick smoke over the port, witnesses and officials said.</p>
                <p>The army-aligned government, which has been based in the Red Sea city since the war began, blamed the Rapid Support Forces for the attack, the third on the city in as many days.</p>
                <div class="related-links"><h3>Related</h3><ul><li><a href="/a">Port Sudan airport closed after earlier attack</a></li><li><a href="/b">What we know about the drone campaign</a></li></ul></div>
                <h2>Flights suspended</h2>
                <p>Civilian flights in and out of the city's airport were suspended, according to an airport official, who spoke on condition of anonymity because he was not authorised to brief the media.</p>
                <p>Aid agencies said the attacks threatened the main route by which food and medicine reach the rest of the country, where millions face famine.</p>
              </div>
              <div class="newsletter-signup"><p>Get our Sudan briefing in your inbox every morning. Sign up now for free and never miss an update.</p></div>
            </article>
            <aside class="sidebar"><h3>Most read</h3><ol><li><a href="/x">Ceasefire talks stall in Jeddah as both sides trade blame over the latest offensive</a></li><li><a href="/y">Famine declared in a second camp near El Fasher</a></li></ol></aside>
          </main>
          <section id="comments" class="comments-area">
            <h3>3 comments</h3>
            <div class="comment"><p>This is terrible news for everybody in the east, I hope the port reopens quickly and the fuel keeps coming.</p></div>
            <div class="comment"><p>Who is supplying these drones? That is the real question nobody in the international community wants to answer.</p></div>
          </section>
          <footer><p>© 2025 Red Sea Monitor. All rights reserved. Privacy policy. Terms of use. Contact the newsroom.</p></footer>
        </body>
        </html>
        """;

    [Fact]
    public void A_news_page_yields_only_the_article_paragraphs_and_its_subheading()
    {
        var d = Extract(NewsPage);

        Paragraphs(d).ShouldBe(
        [
            "A swarm of drones struck the main fuel depot in Port Sudan early on Tuesday, setting storage tanks ablaze and sending thick smoke over the port, witnesses and officials said.",
            "The army-aligned government, which has been based in the Red Sea city since the war began, blamed the Rapid Support Forces for the attack, the third on the city in as many days.",
            "Flights suspended",
            "Civilian flights in and out of the city's airport were suspended, according to an airport official, who spoke on condition of anonymity because he was not authorised to brief the media.",
            "Aid agencies said the attacks threatened the main route by which food and medicine reach the rest of the country, where millions face famine.",
        ]);
    }

    [Fact]
    public void A_news_page_yields_its_metadata_from_json_ld_and_meta_tags()
    {
        var d = Extract(NewsPage);

        d.Title.ShouldBe("Drone strike hits fuel depot in Port Sudan");
        d.Published.ToString().ShouldBe("2025-05-06T07:45:00+03:00");
        d.Authors.ShouldBe(["Amina Osman", "Peter Lindqvist"]);
        d.Outlet.ShouldBe("Red Sea Monitor");
        d.Language.ShouldBe("en");
        d.Url.ShouldBe("https://www.redseamonitor.example/news/drone-strike-port-sudan");
    }

    [Fact]
    public void Metadata_the_input_already_gave_is_kept()
    {
        var d = Extract(NewsPage, given =>
        {
            given.Title = "Port Sudan depot attacked";
            given.SetPublished(PartialDate.OfDay(new DateOnly(2025, 5, 7)), DateProvenance.Given);
            given.Outlet = "Sudan Tribune";
        });

        d.Title.ShouldBe("Port Sudan depot attacked");
        d.Published.ToString().ShouldBe("2025-05-07");
        d.Outlet.ShouldBe("Sudan Tribune");
        d.Authors.ShouldBe(["Amina Osman", "Peter Lindqvist"]);
    }

    private const string BlogPage =
        """
        <html>
        <head>
          <title>Notes from the field: rebuilding a village well - Dry Season Diaries</title>
          <meta name="author" content="Tomás Herrera">
        </head>
        <body>
          <div id="masthead"><a href="/">Dry Season Diaries</a> <span class="tagline">Water, work and weather in the Sahel</span></div>
          <div id="primary" class="content-area">
            <div class="post type-post">
              <h1 class="entry-title">Notes from the field: rebuilding a village well</h1>
              <div class="entry-meta">Posted on <time datetime="2024-11-02T18:20:00Z">November 2, 2024</time> by Tomás Herrera</div>
              <div class="entry-content">
                <p>We arrived in the village two days after the last truck had come through, and the old well was already dry by mid-morning.</p>
                <p>The work itself took eleven days. Here is what the crew needed, roughly in the order we needed it:</p>
                <ul>
                  <li>a hand auger and two spare bits, because the second layer was harder than anyone expected;</li>
                  <li>forty bags of cement, carried in from the market town on donkey carts;</li>
                  <li>a pump that the village committee could repair on its own.</li>
                </ul>
                <p>By the end of the second week the water was clear, and the queue in the morning was shorter than it had been in years.</p>
                <p class="share-links">Share this: <a href="#">Twitter</a> <a href="#">Facebook</a></p>
              </div>
              <div class="post-tags">Tags: <a href="/t/water">water</a>, <a href="/t/sahel">sahel</a></div>
              <div id="respond" class="comment-respond">
                <h3>Leave a Reply</h3>
                <form><p>Your email address will not be published. Required fields are marked *</p><textarea></textarea></form>
              </div>
            </div>
          </div>
          <div id="secondary" class="widget-area">
            <div class="widget"><h2>Archives</h2><ul><li><a href="/2024/10">October 2024</a></li><li><a href="/2024/09">September 2024</a></li></ul></div>
          </div>
        </body>
        </html>
        """;

    [Fact]
    public void A_blog_post_keeps_its_list_and_drops_tags_share_links_and_the_comment_form()
    {
        var d = Extract(BlogPage);

        Paragraphs(d).ShouldBe(
        [
            "We arrived in the village two days after the last truck had come through, and the old well was already dry by mid-morning.",
            "The work itself took eleven days. Here is what the crew needed, roughly in the order we needed it:",
            "a hand auger and two spare bits, because the second layer was harder than anyone expected;",
            "forty bags of cement, carried in from the market town on donkey carts;",
            "a pump that the village committee could repair on its own.",
            "By the end of the second week the water was clear, and the queue in the morning was shorter than it had been in years.",
        ]);
        d.Title.ShouldBe("Notes from the field: rebuilding a village well");
        d.Published.ToString().ShouldBe("2024-11-02T18:20:00Z");
        d.Authors.ShouldBe(["Tomás Herrera"]);
        d.Language.ShouldBe("en"); // not declared: guessed from the text
    }

    [Fact]
    public void The_date_comes_from_the_url_when_the_page_states_none()
    {
        var d = Extract(
            """
            <html><head><title>Floods cut the road to Kassala | Eastern Courier</title>
            <link rel="canonical" href="https://easterncourier.example/2023/08/14/floods-cut-road-to-kassala/"></head>
            <body><div class="story">
            <p>Heavy rain washed away a section of the highway between Kassala and Gedaref on Sunday, stranding hundreds of lorries.</p>
            <p>Local officials said repairs could take weeks because the rainy season has only just begun in the region.</p>
            </div></body></html>
            """);

        d.Published.ToString().ShouldBe("2023-08-14");
        d.Outlet.ShouldBe("easterncourier.example");
        d.Title.ShouldBe("Floods cut the road to Kassala");
        d.Url.ShouldBe("https://easterncourier.example/2023/08/14/floods-cut-road-to-kassala/");
    }

    [Fact]
    public void A_body_split_by_an_advert_into_two_blocks_comes_out_whole()
    {
        var d = Extract(
            """
            <html><body><div class="story-wrap">
            <div class="story-text"><p>The convoy left Adré at dawn with twenty lorries of flour, lentils and cooking oil for the camps in the west.</p>
            <p>It was the first crossing allowed through the border post since the rains began three weeks ago.</p></div>
            <div class="ad-slot"><a href="https://ads.example/">Advertisement</a></div>
            <div class="story-text"><p>Drivers said the road beyond the border was passable but deeply rutted, and that the trip would take four days.</p>
            <p>The World Food Programme said a second convoy was waiting for clearance in Abéché.</p></div>
            </div>
            <div class="more-news"><a href="/1">Sudan's harvest forecast falls again</a> <a href="/2">Chad reopens two crossings</a></div>
            </body></html>
            """);

        Paragraphs(d).Length.ShouldBe(4);
        d.Text.ShouldStartWith("The convoy left Adré at dawn");
        d.Text.ShouldEndWith("waiting for clearance in Abéché.");
    }

    [Fact]
    public void A_windows_1252_page_is_decoded_and_extracted()
    {
        var html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">" +
                   "<title>Caf\u00e9 owners in Bamako count the cost</title></head><body><div class=\"texte\">" +
                   "<p>\u201cWe lost everything in one night,\u201d said the owner of a caf\u00e9 near the Grand March\u00e9, standing in the ash.</p>" +
                   "<p>The fire spread through the stalls in under an hour \u2013 faster than the brigade could reach them.</p>" +
                   "</div></body></html>";
        var bytes = Encoding.GetEncoding(1252).GetBytes(html);
        var file = new InputFile("bamako.html", () => new MemoryStream(bytes));
        var document = new HtmlPageReader().Read(file, new ProblemList()).Single();

        new HtmlArticleExtractor().Process(document);

        Paragraphs(document).ShouldBe(
        [
            "\u201cWe lost everything in one night,\u201d said the owner of a caf\u00e9 near the Grand March\u00e9, standing in the ash.",
            "The fire spread through the stalls in under an hour \u2013 faster than the brigade could reach them.",
        ]);
        document.Title.ShouldBe("Caf\u00e9 owners in Bamako count the cost");
    }

    [Fact]
    public void Line_breaks_inside_a_paragraph_stay_line_breaks()
    {
        var d = Extract(
            """
            <html><body><div class="statement"><p>The committee demands the following:<br>an immediate ceasefire in all districts of the city,<br>safe passage for the wounded and for medical staff.</p>
            <p>The statement was signed by eleven neighbourhood committees and read out at a press conference on Saturday.</p></div></body></html>
            """);

        Paragraphs(d)[0].ShouldBe("The committee demands the following:\nan immediate ceasefire in all districts of the city,\nsafe passage for the wounded and for medical staff.");
    }

    [Fact]
    public void Text_laid_out_with_double_line_breaks_becomes_paragraphs_and_a_trailing_heading_goes()
    {
        var d = Extract(
            """
            <html><body><div id="story">
            Residents of the eastern district said the water supply had been cut for a fourth day on Thursday.<br><br>
            Queues formed at the few wells that still work, and prices for a jerrycan doubled overnight.<br><br>
            The utility blamed damage to the main pumping station and promised repairs within a week.
            <h3>More from this region</h3>
            <ul><li><a href="/1">Fuel shortages hit bakeries across the capital</a></li><li><a href="/2">Schools reopen in two districts</a></li></ul>
            </div></body></html>
            """);

        Paragraphs(d).ShouldBe(
        [
            "Residents of the eastern district said the water supply had been cut for a fourth day on Thursday.",
            "Queues formed at the few wells that still work, and prices for a jerrycan doubled overnight.",
            "The utility blamed damage to the main pumping station and promised repairs within a week.",
        ]);
    }

    [Fact]
    public void Very_deep_nesting_neither_crashes_nor_loses_the_text()
    {
        var deep = string.Concat(Enumerable.Repeat("<div>", 100_000)) +
                   "<p>Shelling resumed in the north of the city on Monday, residents said, after a pause of nearly a week.</p>" +
                   string.Concat(Enumerable.Repeat("</div>", 100_000));
        var d = Extract("<html><body>" + deep + "</body></html>");

        d.Text.ShouldBe("Shelling resumed in the north of the city on Monday, residents said, after a pause of nearly a week.");
    }

    [Fact]
    public void An_embedded_post_stays_in_the_article_while_the_share_bar_goes()
    {
        var d = Extract(
            """
            <html><body><div class="entry-content">
            <p>The ministry's new road-safety slogan drew mockery online within hours of its launch on Monday morning.</p>
            <div class="social-share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
            <div class="social-media-embed"><blockquote class="twitter-tweet"><p>Who approved this? It reads like a joke. <a href="https://t.example/x">https://t.example/x</a></p>
            — Road User (@roaduser) <a href="https://x.example/status/1">March 3, 2025</a></blockquote></div>
            <p>A spokesman said the campaign had been tested with focus groups and would run until the end of the year.</p>
            </div></body></html>
            """);

        d.Text.ShouldContain("Who approved this? It reads like a joke.");
        d.Text.ShouldNotContain("Share on");
        Paragraphs(d)[^1].ShouldStartWith("A spokesman said");
    }

    [Fact]
    public void Articles_nested_in_the_article_are_teasers_not_body()
    {
        var teaser = """
            <article class="post"><h2><a href="/p">Another reflection</a></h2>
            <p>Gratitude is found in small things, in the first light of the morning and in the people who stay beside us through the years.</p></article>
            """;
        var d = Extract(
            "<html><body><article class='post'><h1>On patience</h1>" +
            "<p>Patience is not waiting with folded hands; it is the steady work of the days when nothing seems to change.</p>" +
            "<p>Those who keep at it find, one morning, that the change already happened while they were busy.</p>" +
            "<section class='more'>" + string.Concat(Enumerable.Repeat(teaser, 4)) + "</section></article></body></html>");

        Paragraphs(d).ShouldBe(
        [
            "Patience is not waiting with folded hands; it is the steady work of the days when nothing seems to change.",
            "Those who keep at it find, one morning, that the change already happened while they were busy.",
        ]);
    }

    [Fact]
    public void Text_outside_any_block_is_still_found()
    {
        Extract("Aid convoys reached the northern camps on Friday after a week of delays at the checkpoints.")
            .Text.ShouldBe("Aid convoys reached the northern camps on Friday after a week of delays at the checkpoints.");
        Extract("<html><body><font face=arial><b>Aid convoys reached the northern camps on Friday after a week of delays.</b></font></body></html>")
            .Text.ShouldBe("Aid convoys reached the northern camps on Friday after a week of delays.");
    }

    [Fact]
    public void A_script_rendered_page_falls_back_to_the_article_body_in_json_ld()
    {
        var d = Extract(
            """
            <html><head><script type="application/ld+json">
            {"@type": "NewsArticle", "headline": "Port reopens &#8211; for now", "datePublished": "2025-02-03",
             "articleBody": "The port reopened on Monday after a three-day closure.\nShipping agents said the backlog would take a week to clear."}
            </script></head><body><div id="app"></div><noscript>Please enable JavaScript to read this article.</noscript></body></html>
            """);

        Paragraphs(d).ShouldBe(["The port reopened on Monday after a three-day closure.", "Shipping agents said the backlog would take a week to clear."]);
        d.Title.ShouldBe("Port reopens \u2013 for now");
        d.Published.ToString().ShouldBe("2025-02-03");
    }

    [Fact]
    public void A_page_without_html_is_left_alone()
    {
        var d = new Document("t", new SourceLocation("t.txt")) { Text = "Plain text as given.", TextIsInput = true };
        new HtmlArticleExtractor().Process(d);
        d.Text.ShouldBe("Plain text as given.");
        d.Title.ShouldBeNull();
    }
}
