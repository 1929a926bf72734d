using Sitrep.Composition;
using Sitrep.Text;

namespace Sitrep.Tests.Text;

/// <summary>
/// Pages saved instead of their article (a verification notice, a sign-in wall) under a real
/// headline: the analysis reads the headline alone, keeps the page's text, and leaves articles whose
/// body tells their headline's story as they are; <c>annotate</c> never rewrites a text.
/// </summary>
public class UnrelatedBodyTests
{
    private const string Notice = """
        Just One More Thing...

        We have sent you a verification email. Please check your email and click on the link to activate your profile.

        If you do not receive the verification message within a few minutes of signing up, please check your Spam or Junk folder.
        """;

    private static Document Read(string title, string text)
    {
        var document = new Document("d", new SourceLocation("d.jsonl", 1)) { Title = title, Text = text, TextIsInput = true };
        new TextLayout().Process(document);
        new UnrelatedBody().Process(document);
        return document;
    }

    [Fact]
    public void A_verification_notice_under_a_shooting_headline_is_read_as_the_headline_alone()
    {
        var document = Read("Man killed, boy injured in apparent drive-by shooting in southwest Atlanta", Notice);

        document.HeadlineOnly.ShouldBeTrue();
        document.Body.ShouldHaveSingleItem();
        document.Text[document.Body[0].Start..document.Body[0].End].ShouldBe("Man killed, boy injured in apparent drive-by shooting in southwest Atlanta");
        document.Text.ShouldContain("We have sent you a verification email.");
    }

    [Fact]
    public void An_article_that_tells_its_headlines_story_in_other_words_is_left_as_it_is()
    {
        const string text = "Police said two men were shot Sunday night outside a bar on Federal Boulevard. Both are expected to survive.";
        var document = Read("Two wounded in shootings outside Denver bar", text);

        document.HeadlineOnly.ShouldBeFalse();
        document.Text.ShouldBe(text);
    }

    [Fact]
    public void A_short_headline_says_too_little_to_judge_its_body()
    {
        var document = Read("Breaking news", Notice);

        document.HeadlineOnly.ShouldBeFalse();
    }

    [Fact]
    public void A_headline_the_text_gives_itself_or_a_body_of_a_few_words_is_no_case_for_it()
    {
        const string stamped = "22 July 2013 Last updated at 17:50 GMT\n\nA man has been charged with arson after a fire at a supermarket in Wellington, Somerset, police said on Monday.";
        var document = new Document("d", new SourceLocation("d.txt")) { Text = stamped, TextIsInput = true };
        new TextLayout().Process(document);
        new UnrelatedBody().Process(document);
        document.HeadlineOnly.ShouldBeFalse();

        Read("Police name woman found dead in Salem apartment", "Photo gallery. Comments closed.").HeadlineOnly.ShouldBeFalse();
    }

    [Fact]
    public void Only_the_analysis_reads_a_headline_alone_annotate_keeps_offsets_into_the_text_as_given()
    {
        Pipeline.StoryReading().Steps.ShouldContain(s => s is UnrelatedBody);
        Pipeline.Annotation().Steps.ShouldNotContain(s => s is UnrelatedBody);
    }
}
