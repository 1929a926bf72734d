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
}
