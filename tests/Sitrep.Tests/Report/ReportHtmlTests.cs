using System.Text.RegularExpressions;
using Sitrep.Report;

namespace Sitrep.Tests.Report;

public sealed class ReportHtmlTests
{
    private static readonly Lazy<string> Page = new(() =>
    {
        var w = new StringWriter();
        ReportHtml.Write(KivuCoverage.Picture(), w);
        return w.ToString();
    });

    private static string Row(string tableClass, string firstCell) =>
        Regex.Match(Page.Value, $"<table class=\"{tableClass}\">.*?(<tr[^>]*><td>(<b>)?{Regex.Escape(firstCell)}(</b>)?</td>.*?</tr>)", RegexOptions.Singleline).Groups[1].Value;

    [Fact]
    public void The_page_loads_nothing_and_runs_nothing()
    {
        var html = Page.Value;
        html.ShouldContain("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"");
        html.ShouldNotContain("<script");
        Regex.Matches(html, "(?:src|href)=\"([^\"#][^\"]*)\"").Select(m => m.Groups[1].Value)
             .ShouldAllBe(url => url.StartsWith("https://www.kivucourier.com/"));
        html.ShouldContain(System.Net.WebUtility.HtmlEncode(KivuCoverage.ScriptTitle));
    }

    [Fact]
    public void Actors_show_their_aliases_and_their_roles_in_the_events()
    {
        var m23 = Row("actors", "M23");
        m23.ShouldContain("March 23 Movement (M23)");
        m23.ShouldContain("actor: capture, strike");
        Row("actors", "Armed Forces of the Democratic Republic of the Congo").ShouldContain("actor: strike");
        Row("actors", "Goma").ShouldContain("place: displacement");
    }

    [Fact]
    public void Sources_state_their_provenance()
    {
        Row("sources", "kivu-courier").ShouldContain("<span class=\"original\">original</span>");
        Row("sources", "lake-kivu-wire").ShouldContain("derived</span> from <span class=\"cite\">[<a href=\"#doc-kivu-courier\"");
        Row("sources", "east-africa-review").ShouldContain("<span class=\"cited\">cites</span> OCHA, Reuters");
    }

    [Fact]
    public void A_javascript_url_is_not_made_a_link()
    {
        var picture = KivuCoverage.Picture();
        picture.Documents[1].Url = "javascript:alert(1)";
        var w = new StringWriter();
        ReportHtml.Write(picture, w);
        w.ToString().ShouldNotContain("javascript:");
    }

    [Fact]
    public void Contradictions_put_each_value_beside_the_other_with_its_outlets()
    {
        var ceasefire = Regex.Match(Page.Value, "<div class=\"contradiction\"><h4>date[^<]*ceasefire[^<]*</h4>(.*?)</div></div>").Groups[1].Value;
        Regex.Matches(ceasefire, "<p class=\"value\">([^<]+)</p>").Select(m => m.Groups[1].Value).ShouldBe(["2026-02-11", "2026-02-12"], ignoreOrder: true);
        ceasefire.ShouldContain("Kivu Courier, Lake Kivu Wire");
    }
}
