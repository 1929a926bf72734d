using Sitrep.Text;

namespace Sitrep.Tests.Text;

/// <summary>
/// One invented story (a truce breaking down around Tessalit, in northern Mali) as five kinds of
/// outlet deliver it once the HTML is gone: a rewrite site, a WordPress blog, an analysis
/// newsletter, a wire-style page and a bare paragraph.
/// </summary>
public class TextLayoutTests
{
    private static Document Layout(string text, string? title = null)
    {
        var document = new Document("d", new SourceLocation("d.txt")) { Text = text, TextIsInput = true, Title = title };
        new TextLayout().Process(document);
        return document;
    }

    private static string[] Paragraphs(Document d) => d.Body.Select(s => d.Text[s.Start..s.End]).ToArray();

    [Fact]
    public void A_rewrite_site_with_a_dateline_view_counter_and_original_source()
    {
        var d = Layout("""
            World | March 3, 2025, Monday // 09:12| views

            Fighting resumes around Tessalit as three-day truce collapses

            Back

            Heavy fighting broke out again on Sunday around Tessalit, in Mali's Kidal region, after a three-day truce between the army and rebel fighters collapsed.
            Residents said mortar fire hit the market and at least four civilians were wounded.

            Share on Facebook  Share on Twitter  WhatsApp

            The army said it had repelled an attack on its camp near the airstrip.

            Original Source: www.sahel-monitor.example
            """);

        d.Title.ShouldBe("Fighting resumes around Tessalit as three-day truce collapses");
        d.Published.ToString().ShouldBe("2025-03-03T09:12:00");
        d.OriginalSource.ShouldBe("www.sahel-monitor.example");
        Paragraphs(d).ShouldBe([
            "Heavy fighting broke out again on Sunday around Tessalit, in Mali's Kidal region, after a three-day truce between the army and rebel fighters collapsed.\nResidents said mortar fire hit the market and at least four civilians were wounded.",
            "The army said it had repelled an attack on its camp near the airstrip.",
        ]);
        d.Lead.ShouldBeNull();
        d.CitedSources.ShouldBeEmpty();
    }

    [Fact]
    public void A_blog_post_loses_its_share_bar_author_biography_and_comment_form()
    {
        var d = Layout("""
            Truce in Tessalit: what went wrong
            Posted on March 4, 2025 by Jane Doe

            The truce lasted barely three days. Local elders who brokered it say neither side withdrew its heavy weapons.

            Read more: Mali's north after the UN withdrawal

            Aid groups have suspended convoys on the road to Gao.

            Share this:
            Twitter
            Facebook
            Like this:
            Like Loading...
            Related

            About Jane Doe
            Jane Doe has covered the Sahel since 2012 and is based in Bamako.
            View all posts by Jane Doe →

            Leave a Reply Cancel reply
            Your email address will not be published. Required fields are marked *
            Comment *
            Name *
            Email *
            """);

        d.Title.ShouldBe("Truce in Tessalit: what went wrong");
        d.Published.ToString().ShouldBe("2025-03-04");
        d.Authors.ShouldBe(["Jane Doe"]);
        Paragraphs(d).ShouldBe([
            "The truce lasted barely three days. Local elders who brokered it say neither side withdrew its heavy weapons.",
            "Aid groups have suspended convoys on the road to Gao.",
        ]);
    }

    [Fact]
    public void An_analysis_newsletter_keeps_its_lead_bullets_and_source_list_apart()
    {
        var d = Layout("""
            Key judgements
            - Analysis: The collapse of the truce is likely to push fighting south towards Anefis.
            - Forecast: Renewed drone strikes on rebel positions are likely within two weeks.

            Mali: Tessalit truce collapses after three days

            By Omar Haidara and Léa Martin, Sahel Desk

            The truce agreed on Thursday between the Malian army and the rebel coalition collapsed on Sunday.

            Both sides accuse each other of moving fighters during the pause.

            Sources:
            - Reuters
            - Sahel Monitor
            - Statement by the Malian Armed Forces (FAMa), 2 March 2025
            """);

        d.Lead.ShouldBe("""
            Key judgements
            - Analysis: The collapse of the truce is likely to push fighting south towards Anefis.
            - Forecast: Renewed drone strikes on rebel positions are likely within two weeks.
            """);
        d.Title.ShouldBe("Mali: Tessalit truce collapses after three days");
        d.Authors.ShouldBe(["Omar Haidara", "Léa Martin"]);
        d.CitedSources.ShouldBe(["Reuters", "Sahel Monitor", "Statement by the Malian Armed Forces (FAMa), 2 March 2025"]);
        Paragraphs(d).ShouldBe([
            "The truce agreed on Thursday between the Malian army and the rebel coalition collapsed on Sunday.",
            "Both sides accuse each other of moving fighters during the pause.",
        ]);
    }

    [Fact]
    public void A_wire_style_page_with_an_inline_source_list_and_follow_lines()
    {
        var d = Layout("""
            Mali army says it repelled rebel attack near Tessalit
            03.03.2025 14:05 | 1,204 views | 3 min read
            BAMAKO, March 3 (Sahel Wire) - The Malian army said on Monday it had repelled an attack by rebel fighters near Tessalit.
            READ ALSO: Who are the rebels of northern Mali?
            A rebel spokesman said his forces had seized two armoured vehicles.
            Follow us on Telegram for the latest updates
            Sources: Reuters; AFP; MINUSMA archive
            © 2025 Sahel Wire. All rights reserved.
            """, title: "Mali army says it repelled rebel attack near Tessalit");

        d.Title.ShouldBe("Mali army says it repelled rebel attack near Tessalit");
        d.Published.ToString().ShouldBe("2025-03-03T14:05:00");
        d.CitedSources.ShouldBe(["Reuters", "AFP", "MINUSMA archive"]);
        Paragraphs(d).ShouldBe([
            "The Malian army said on Monday it had repelled an attack by rebel fighters near Tessalit.",
            "A rebel spokesman said his forces had seized two armoured vehicles.",
        ]);
    }

    [Theory]
    [InlineData("KYIV, March 12, 2026 — Russian drones struck a power station overnight.", "2026-03-12")]
    [InlineData("KHARTOUM (Reuters) - The army said it had retaken the palace.", null)]
    [InlineData("GOMA, Democratic Republic of Congo, Feb 3, 2026 (AP) — Rebels entered the city.", "2026-02-03")]
    public void A_wire_dateline_opening_the_first_paragraph_is_not_body_and_dates_the_article(string paragraph, string? published)
    {
        var d = Layout("Power cut across the region\n\n" + paragraph + "\n\nRepairs began at dawn.\n");

        Paragraphs(d)[0].ShouldBe(paragraph[(paragraph.IndexOfAny(['—', '-']) + 2)..]);
        d.Published?.ToString().ShouldBe(published);
    }

    [Fact]
    public void A_first_paragraph_opening_with_a_capitalised_name_and_a_dash_is_no_dateline_without_capitals()
    {
        var d = Layout("Truce talks resume\n\nNaivasha - The talks resumed on Monday.\n");

        Paragraphs(d).ShouldBe(["Naivasha - The talks resumed on Monday."]);
    }

    [Fact]
    public void A_bare_paragraph_is_all_body_and_keeps_its_offsets()
    {
        var text = "\n  Residents of Tessalit said on Sunday that the truce had ended. Shops stayed closed.  \n";
        var d = Layout(text);

        d.Title.ShouldBeNull();
        d.Body.ShouldBe([new TextSpan(3, 86)]);
        d.BodyText().ShouldBe("Residents of Tessalit said on Sunday that the truce had ended. Shops stayed closed.");
        d.Text.ShouldBe(text);
    }

    [Fact]
    public void Bullets_without_a_headline_after_them_are_the_article()
    {
        var d = Layout("""
            - Fighting resumed around Tessalit on Sunday.
            - Four civilians were wounded by mortar fire.
            """);

        d.Lead.ShouldBeNull();
        Paragraphs(d).Single().ShouldStartWith("- Fighting resumed");
    }

    [Fact]
    public void A_short_sentence_with_a_date_after_the_headline_is_body_not_a_dateline()
    {
        var d = Layout("""
            Tessalit truce collapses

            The truce ended on March 2, 2025.

            Fighting resumed at dawn.
            """);

        d.Published.ShouldBeNull();
        Paragraphs(d).ShouldBe(["The truce ended on March 2, 2025.", "Fighting resumed at dawn."]);
    }

    [Fact]
    public void Text_extracted_from_html_keeps_short_first_paragraphs_but_drops_a_repeated_title_and_date_line()
    {
        var d = new Document("h", new SourceLocation("h.html"))
        {
            Html = "<html/>",
            Title = "Tessalit truce collapses after three days",
            Text = "Tessalit truce collapses after three days\n\nFrom Sahelpedia, the free encyclopedia of the Sahel\n\nSunday, March 2, 2025\n\nThe army and the rebels traded blame\n\nFighting resumed on Sunday.\n\nShare this:\n\nFacebook",
        };
        new TextLayout().Process(d);

        Paragraphs(d).ShouldBe(["The army and the rebels traded blame", "Fighting resumed on Sunday."]);
        d.Published.ToString().ShouldBe("2025-03-02");
    }

    [Theory]
    [InlineData("Posted on Mar. 3rd, 2025 at 9:12 pm", "2025-03-03T21:12:00")]
    [InlineData("Updated 14/03/2025", "2025-03-14")]
    [InlineData("3 March 2025 | 5 min read", "2025-03-03")]
    [InlineData("2025-03-03 08:00", "2025-03-03T08:00:00")]
    public void Dates_in_header_lines_are_read_at_their_precision(string line, string expected)
    {
        WrittenDates.TryFindInLine(line, out var date).ShouldBeTrue();
        date.ToString().ShouldBe(expected);
    }

    [Theory]
    [InlineData("03/04/2025")]
    [InlineData("February 30, 2025")]
    [InlineData("no date here")]
    public void Ambiguous_or_impossible_dates_are_not_read(string line) => WrittenDates.TryFindInLine(line, out _).ShouldBeFalse();

    [Fact]
    public void A_section_label_breadcrumb_and_paywall_notice_around_a_headline_are_not_body()
    {
        var d = Layout("""
            Home » World » Africa
            Africa

            Curfew imposed in Tessalit after night of shelling

            We use cookies to improve your experience. By continuing to browse this site you agree to our use of cookies.

            Authorities imposed a dusk-to-dawn curfew on Monday after a night of shelling.

            This article was originally published on Sahel Monitor.
            """);

        d.Title.ShouldBe("Curfew imposed in Tessalit after night of shelling");
        d.OriginalSource.ShouldBe("Sahel Monitor");
        Paragraphs(d).ShouldBe(["Authorities imposed a dusk-to-dawn curfew on Monday after a night of shelling."]);
    }

    [Fact]
    public void A_breadcrumb_of_a_section_and_a_country_above_the_headline_is_not_the_headline()
    {
        var d = Layout("""
            World | Niger

            Floods cut the road between Niamey and Dosso

            Rising water on the Niger river closed the highway on Thursday, the interior ministry said.
            """);

        d.Title.ShouldBe("Floods cut the road between Niamey and Dosso");
        Paragraphs(d).ShouldBe(["Rising water on the Niger river closed the highway on Thursday, the interior ministry said."]);
    }

    [Fact]
    public void A_first_line_that_is_a_quoted_sentence_is_not_a_headline()
    {
        var d = Layout("""
            It's official: the ministry confirmed the truce will be extended to "all of Kidal region."
            Officials gave no date for talks.
            """);

        d.Title.ShouldBeNull();
        d.Body.Count.ShouldBe(1);
    }

    [Fact]
    public void A_markdown_heading_is_the_headline()
    {
        var d = Layout("# Convoy reaches Gao after two-week pause\n\nThe World Food Programme said its trucks arrived on Tuesday.\n");
        d.Title.ShouldBe("Convoy reaches Gao after two-week pause");
        Paragraphs(d).ShouldBe(["The World Food Programme said its trucks arrived on Tuesday."]);
    }

    [Fact]
    public void A_biography_without_a_heading_is_found_by_its_view_all_posts_line_and_a_numbered_source_list_is_read()
    {
        var d = Layout("""
            Drone strike hits fuel depot near Gao

            A drone struck a fuel depot on the edge of Gao on Saturday night, residents said.

            Sources
            1. Reuters, "Drone strike hits Gao depot", 8 March 2025
            2. https://sahel-monitor.example/gao-depot

            Ibrahim Maïga reports on northern Mali for Sahel Monitor from Gao.
            View all posts by Ibrahim Maïga
            """);

        Paragraphs(d).ShouldBe(["A drone struck a fuel depot on the edge of Gao on Saturday night, residents said."]);
        d.CitedSources.ShouldBe(["Reuters, \"Drone strike hits Gao depot\", 8 March 2025", "https://sahel-monitor.example/gao-depot"]);
    }

    [Fact]
    public void A_single_source_line_is_a_cited_source()
    {
        var d = Layout("Gao airport reopens\n\nFlights resumed at Gao airport on Monday.\n\nSource: Reuters\n");
        d.CitedSources.ShouldBe(["Reuters"]);
        Paragraphs(d).ShouldBe(["Flights resumed at Gao airport on Monday."]);
    }

    [Fact]
    public void A_headline_that_starts_with_sources_is_a_headline()
    {
        var d = Layout("Sources: Mali junta to extend truce by a week\n\nTwo officials said the army would hold its positions.\n");
        d.Title.ShouldBe("Sources: Mali junta to extend truce by a week");
        d.CitedSources.ShouldBeEmpty();
    }

    [Fact]
    public void Wordpress_share_buttons_and_comment_threads_and_agency_bylines_are_not_body()
    {
        var d = Layout("""
            Gao airport reopens to civilian flights
            Published by Sahel Wire

            By Tuesday, the first civilian flight had landed in Gao.

            Click to share on Facebook (Opens in new window)
            Click to share on WhatsApp (Opens in new window)
            Like us on Facebook
            Tagged Gao, Mali, aviation

            2 thoughts on “Gao airport reopens to civilian flights”
            Moussa says: Finally some good news.
            """);

        d.Title.ShouldBe("Gao airport reopens to civilian flights");
        Paragraphs(d).ShouldBe(["By Tuesday, the first civilian flight had landed in Gao."]);
    }
}
