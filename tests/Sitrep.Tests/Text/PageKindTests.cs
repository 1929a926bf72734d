using Sitrep.Composition;

namespace Sitrep.Tests.Text;

/// <summary>
/// Whole pages of the kinds extraction used to fail on (Fixtures/pages, written for these tests):
/// script-rendered pages, Blogger, AMP, slideshows and listicles, leads above the body, trailing
/// notices under it, and pages that are not articles. Each runs through the extraction pipeline, as
/// `sitrep extract` does, and is judged by the paragraphs it yields.
/// </summary>
public class PageKindTests
{
    private static string[] Extract(string page)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "pages", page);
        var document = new Document(page, new SourceLocation(path)) { Html = File.ReadAllText(path) };
        Pipeline.Extraction().Process(document);
        return document.BodyText().Split("\n\n");
    }

    [Fact]
    public void A_next_js_page_yields_the_article_from_its_data_paragraphs_and_headings_in_order()
    {
        var body = Extract("next-data.html");

        body.Length.ShouldBe(5);
        body[0].ShouldStartWith("At least fourteen bulk carriers were waiting at anchor off Odesa");
        body[2].ShouldBe("Owners wait for a better rate");
        body[4].ShouldEndWith("despite the attacks.");
        string.Join(' ', body).ShouldNotContain("Oksana covers shipping");
    }

    [Fact]
    public void A_page_drawn_from_a_state_assignment_yields_the_html_it_holds_as_paragraphs()
    {
        var body = Extract("state-blob.html");

        body.Length.ShouldBe(4);
        body[0].ShouldStartWith("Schools across Punjab will close two weeks earlier");
        string.Join(' ', body).ShouldNotContain("All rights reserved");
    }

    [Fact]
    public void A_page_cut_short_for_subscribers_yields_the_whole_article_body_it_declares()
    {
        var body = Extract("ld-json-body.html");

        body.Length.ShouldBe(4);
        body[3].ShouldStartWith("Travel agents in Kampala welcomed the announcement");
        string.Join(' ', body).ShouldNotContain("for subscribers");
    }

    [Fact]
    public void Subtitle_standfirst_and_dateline_above_and_in_the_body_are_kept()
    {
        var body = Extract("standfirst-dateline.html");

        body[0].ShouldBe("Commissioners vote 4-1 for a 2,400-acre storage area west of the turnpike");
        body[1].ShouldStartWith("The $310 million project would hold enough water");
        body[2].ShouldStartWith("WEST PALM BEACH — Palm Beach County commissioners on Tuesday approved");
        body.ShouldNotContain(p => p.Contains("Marisol"));
        body[^1].ShouldBe("Construction could begin in 2027 if the state and the water management district agree to share the cost.");
    }

    [Fact]
    public void An_abstract_and_section_headings_are_part_of_a_paper()
    {
        var body = Extract("abstract.html");

        body[0].ShouldBe("Abstract");
        body[1].ShouldStartWith("We test whether rain gauges read daily by secondary-school pupils");
        body.ShouldContain("Results");
        body.ShouldNotContain(p => p.Contains("Creative Commons"));
    }

    [Fact]
    public void A_blogger_post_yields_its_line_broken_text_without_the_sidebar_widgets()
    {
        var body = Extract("blogger.html");

        body.Length.ShouldBe(5);
        body[0].ShouldStartWith("The morning ferry from Mbita did not sail on Monday");
        body[^1].ShouldBe("We will keep posting updates from the jetty as the week goes on.");
    }

    [Fact]
    public void An_amp_page_yields_its_article_around_the_amp_elements()
    {
        var body = Extract("amp.html");

        body.ShouldContain(p => p.StartsWith("Crane operators and stevedores walked out"));
        body[^1].ShouldStartWith("The last strike at the port, in 2021");
        body.ShouldNotContain(p => p.Contains("Leave a Comment") || p.Contains("Counties"));
    }

    [Fact]
    public void A_slideshow_yields_its_introduction_and_every_slide_text()
    {
        var body = Extract("slideshow.html");

        body[0].ShouldStartWith("A year after two dams burst above the city");
        body.Count(p => p.Length > 100).ShouldBe(5);
        body[^1].ShouldStartWith("Children play football on a pitch");
        body.ShouldNotContain(p => p.Contains("Olive harvest"));
    }

    [Fact]
    public void A_listicle_yields_its_introduction_and_every_item_with_its_heading()
    {
        var body = Extract("listicle.html");

        body[0].ShouldStartWith("Households in the capital will pay more for water");
        body.ShouldContain("4. Meters will be read monthly");
        body[^1].ShouldBe("The energy and water regulator takes complaints that the utility has not settled within thirty days.");
    }

    [Fact]
    public void Notices_credits_biographies_and_related_stories_after_the_body_are_cut()
    {
        var body = Extract("trailing-boilerplate.html");

        body.Length.ShouldBe(4);
        body[^1].ShouldBe("Local oyster growers, who were forced to stop selling for six weeks in 2023, said the fine was a fraction of what they had lost.");
    }

    [Fact]
    public void A_page_that_is_not_an_article_keeps_its_main_block()
    {
        var body = Extract("non-article.html");

        body.ShouldContain("Riverside Community Hall");
        body.ShouldContain("Identification, insurance papers and phone chargers");
        body[^1].ShouldStartWith("If you need help to leave your home");
        body.ShouldNotContain(p => p.Contains("Sandbag") || p.Contains("Traditional Custodians"));
    }
}
