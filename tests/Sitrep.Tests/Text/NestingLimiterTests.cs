using Sitrep.Text;

namespace Sitrep.Tests.Text;

public class NestingLimiterTests
{
    [Fact]
    public void Ordinary_markup_is_returned_unchanged()
    {
        var html = "<html><body><div><p>One<p>Two<ul><li>a<li>b</ul><script>var s = '<div><div><div>';</script></div></body></html>";
        NestingLimiter.Limit(html, maxDepth: 3).ShouldBeSameAs(html);
    }

    [Fact]
    public void Tags_nested_deeper_than_the_limit_are_dropped_and_their_text_kept()
    {
        var html = "<div><div><div><div><span>deep</span> text</div></div></div></div>";
        NestingLimiter.Limit(html, maxDepth: 2).ShouldBe("<div><div>deep text</div></div>");
    }

    [Fact]
    public void Scripts_do_not_hide_nesting()
    {
        var html = "<div><script>1</script><div><script>2</script><div>x</div></div></div>";
        NestingLimiter.Limit(html, maxDepth: 2).ShouldBe("<div><script>1</script><div><script>2</script>x</div></div>");
    }

    [Fact]
    public void End_tags_of_elements_never_opened_do_not_hide_unclosed_nesting()
    {
        // "<x</a>" opens an element named "x<"; "</nav>" closes nothing, as in the parser.
        var html = string.Concat(Enumerable.Repeat("<x</a></nav>", 5)) + "text";
        NestingLimiter.Limit(html, maxDepth: 2).ShouldBe("<x</a></nav><x</a></nav>text");
    }

    [Fact]
    public void An_end_tag_closes_the_elements_opened_inside_its_element()
    {
        // Counting tags alone would put the second div's child at depth 4.
        var html = "<div><span><b>one</div><div><div>two</div></div>";
        NestingLimiter.Limit(html, maxDepth: 3).ShouldBeSameAs(html);
    }
}
