using System.Text;
using Sitrep.Places;

namespace Sitrep.Tests.Places;

public class GazetteerTests
{
    [Theory]
    [InlineData("Khān Yūnis", "khan yunis")]
    [InlineData("W.Va.", "wva")]
    [InlineData("St. Louis", "saint louis")]
    [InlineData("Ivano-Frankivsk", "ivano frankivsk")]
    [InlineData("Dnipropetrovs’k", "dnipropetrovsk")]
    public void Folding_drops_diacritics_dots_and_apostrophes(string name, string key) =>
        PlaceNames.Fold(name).ShouldBe(key);

    [Theory]
    [InlineData("El Fasher", "Al Fāshir")]
    [InlineData("Khan Younis", "Khān Yūnis")]
    [InlineData("Kharkov", "Kharkiv")]
    [InlineData("Odessa", "Odesa")]
    [InlineData("Qandahar", "Kandahar")]
    public void Transliterations_share_a_skeleton(string a, string b) =>
        PlaceNames.Skeleton(PlaceNames.Fold(a)).ShouldBe(PlaceNames.Skeleton(PlaceNames.Fold(b)));

    [Fact]
    public void Different_places_keep_different_skeletons() =>
        PlaceNames.Skeleton(PlaceNames.Fold("Homs")).ShouldNotBe(PlaceNames.Skeleton(PlaceNames.Fold("Hama")));

    [Fact]
    public void A_small_gazetteer_file_loads_with_aliases_abbreviations_and_demonyms()
    {
        const string tsv = "# kind\tname\n" +
                           "C\tSyria\tSyrian Arab Republic\tSY\t\t35\t38\t17000000\tPCLI\tSyrian\n" +
                           "A1\tWest Virginia\t\tUS\tWV\t38.6\t-80.6\t1800000\tADM1\tWV|W.Va.\n" +
                           "P\tCharleston\t\tUS\tWV\t38.35\t-81.63\t51000\tPPLA\t\n" +
                           "bad line\n";
        var g = Gazetteer.Load(new StringReader(tsv));
        g.Count.ShouldBe(3);
        g.Find("syrian arab republic").Single().Entry.Name.ShouldBe("Syria");
        g.Find("syrians").Single().Alias.ShouldBe(AliasKind.Demonym);
        g.Find("wva").Single().Alias.ShouldBe(AliasKind.Abbreviation);
        g.Find("charleston").Single().Entry.Kind.ShouldBe(PlaceKind.City);
        g.Country("SY")!.Lat.ShouldBe(35);
    }

    [Fact]
    public void The_shipped_gazetteer_holds_places_regions_and_countries()
    {
        var g = Gazetteer.Default;
        g.Count.ShouldBeGreaterThan(200_000);
        g.Find("texas").ShouldContain(m => m.Entry.Kind == PlaceKind.Admin1 && m.Entry.Country == "US");
        g.Find("laurel county").ShouldContain(m => m.Entry.Kind == PlaceKind.Admin2);
        g.Find("darfur").ShouldContain(m => m.Entry.Country == "SD");
        g.Find("ukrainian").ShouldContain(m => m.Alias == AliasKind.Demonym && m.Entry.Country == "UA");
    }
}
