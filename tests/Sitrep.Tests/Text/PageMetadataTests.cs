using Sitrep.Text;

namespace Sitrep.Tests.Text;

public class PageMetadataTests
{
    [Theory]
    [InlineData("By Jane Doe and John Roe | Reuters", new[] { "Jane Doe", "John Roe" })]
    [InlineData("Written by: Ana de la Cruz", new[] { "Ana de la Cruz" })]
    [InlineData("Text: Yusuf Ahmed, Leila Haddad", new[] { "Yusuf Ahmed", "Leila Haddad" })]
    [InlineData("Syrian defense ministries", new string[0])]
    [InlineData("TOM KRISHER, AP Auto Writer", new[] { "TOM KRISHER" })]
    [InlineData("Updated 14:05 GMT", new string[0])]
    public void Bylines_split_into_names(string byline, string[] names) =>
        PageMetadata.SplitNames(byline).ShouldBe(names);

    [Theory]
    [InlineData("Ceasefire holds in Tripoli | Libya Observer", "Libya Observer", true, "Ceasefire holds in Tripoli")]
    [InlineData("Libya Observer - Ceasefire holds in Tripoli", "Libya Observer", true, "Ceasefire holds in Tripoli")]
    [InlineData("Ceasefire holds in Tripoli - Libya Observer", "libyaobserver", true, "Ceasefire holds in Tripoli")]
    [InlineData("Ceasefire holds - for now", null, true, "Ceasefire holds - for now")]
    [InlineData("Ceasefire holds in Tripoli - Libya Observer", null, false, "Ceasefire holds in Tripoli")]
    public void Site_names_are_cut_from_titles(string title, string? site, bool strict, string expected) =>
        PageMetadata.WithoutSiteName(title, [site], strict).ShouldBe(expected);

    [Theory]
    [InlineData("https://www.newsnation.in/fact-check/x", "newsnation")]
    [InlineData("https://www.dailymonitor.co.ug/news/x", "dailymonitor")]
    [InlineData("https://blog.comwrap.com/x", "comwrap")]
    public void Domain_names_drop_the_suffix(string url, string expected) =>
        PageMetadata.DomainName(url).ShouldBe(expected);

    [Theory]
    [InlineData("2019-11-19T08:30:00.000+0000", "2019-11-19T08:30:00Z")]
    [InlineData("2019-11-19 08:30:00", "2019-11-19T08:30:00")]
    [InlineData("20191119", "2019-11-19")]
    [InlineData("Tue, Nov. 19, 2019", "2019-11-19")]
    [InlineData("19th November 2019, 10:12", "2019-11-19")]
    [InlineData("Aktualisiert am 18.11.2019, 14:02 Uhr", "2019-11-18")]
    [InlineData("not a date", null)]
    public void Machine_and_prose_dates_parse(string value, string? expected) =>
        (WrittenDates.FromMachineValue(value)?.ToString()).ShouldBe(expected);

    [Theory]
    [InlineData("https://news.example/2021/03/07/story-slug/", "2021-03-07")]
    [InlineData("https://news.example/world/2021-03-07-story-slug", "2021-03-07")]
    [InlineData("https://news.example/2021/03/story-slug.html", "2021-03")]
    [InlineData("https://news.example/world/2019/nov/18/story-slug", "2019-11-18")]
    [InlineData("https://news.example/story/12345678", null)]
    [InlineData("https://news.example/2021/13/40/x", null)]
    public void Dates_are_read_from_urls(string url, string? expected) =>
        (WrittenDates.FromUrl(url)?.ToString()).ShouldBe(expected);

    [Theory]
    [InlineData("Les habitants de la ville ont fui vers le sud pendant la nuit, et les combats se poursuivent dans les quartiers est selon des témoins qui sont sur place.", "fr")]
    [InlineData("Die Bewohner der Stadt sind in der Nacht nach Süden geflohen, und die Kämpfe gehen nach Angaben von Zeugen in den östlichen Vierteln weiter, die nicht sicher sind.", "de")]
    [InlineData("Жители города ночью бежали на юг, а бои в восточных кварталах продолжаются.", "ru")]
    [InlineData("short", null)]
    public void Language_is_guessed_from_text(string text, string? expected) =>
        LanguageGuess.Guess(text).ShouldBe(expected);
}
