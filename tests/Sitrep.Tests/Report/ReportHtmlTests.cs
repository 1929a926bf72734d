using System.Text.RegularExpressions;
using Sitrep.Report;
using Sitrep.Situation;

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
    public void The_page_loads_nothing_and_runs_only_its_own_inlined_scripts()
    {
        var html = Page.Value;
        html.ShouldContain($"content=\"default-src 'none'; {WebAssets.InlinePolicy}; style-src 'self' 'unsafe-inline'; img-src data:\"");
        // Each inlined script is named by its hash; every other script element holds data, which never runs.
        var scripts = Regex.Matches(html, "<script([^>]*)>(.*?)</script>", RegexOptions.Singleline).ToList();
        scripts.Where(m => m.Groups[1].Value.Length == 0).Select(m => m.Groups[2].Value).ShouldBe(WebAssets.Scripts.Select(a => a.Text));
        scripts.Where(m => m.Groups[1].Value.Length > 0).ShouldAllBe(m => m.Groups[1].Value.StartsWith(" type=\"application/json\""));
        scripts.Where(m => m.Groups[1].Value.Length > 0).ShouldAllBe(m => !m.Groups[2].Value.Contains('<')); // JSON escapes every angle bracket
        Regex.Matches(Regex.Replace(html, "<script.*?</script>", "", RegexOptions.Singleline), "(?:src|href)=\"([^\"#][^\"]*)\"").Select(m => m.Groups[1].Value)
             .ShouldAllBe(url => url.StartsWith("https://www.kivucourier.com/"));
        html.ShouldContain(System.Net.WebUtility.HtmlEncode(KivuCoverage.ScriptTitle));
    }

    [Fact]
    public void The_header_counts_documents_and_outlets_in_words_that_agree_with_their_numbers()
    {
        var page = new StringWriter();
        var kivu = KivuCoverage.Picture();
        ReportHtml.Write(new SituationPicture([kivu.Documents[0]], [kivu.Stories[0]]), page);
        page.ToString().ShouldContain("<p class=\"meta\">1 document from 1 outlet, 1 story.</p>");
        Page.Value.ShouldContain($"<p class=\"meta\">{kivu.Documents.Count} documents from {kivu.Documents.Select(d => d.Outlet).Distinct().Count()} outlets, 2 stories.</p>");
        Page.Value.ShouldNotContain("0 outlets");
    }

    [Fact]
    public void A_section_with_nothing_in_it_says_so()
    {
        var menaka = Regex.Match(Page.Value, "<section class=\"story\" id=\"story-s2\">.*?</section>", RegexOptions.Singleline).Value;
        menaka.ShouldContain("<h3>Contradictions</h3>\n<p class=\"meta\">No contradictions found.</p>");
        menaka.ShouldContain("<h3>Forecasts</h3>\n<p class=\"meta none\">No forecasts found.</p>");
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
