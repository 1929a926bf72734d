using Sitrep.Web;

namespace Sitrep.Tests.Web;

public sealed class AliasQueriesTests
{
    private static readonly IReadOnlyList<string>[] Actors =
    [
        ["Abu Mohammad al-Jolani", "Jolani", "Golani", "Ahmed al-Sharaa"],
        ["Hayat Tahrir al-Sham", "HTS"],
        ["Aleppo"],
    ];

    [Fact]
    public void A_name_the_story_merged_with_others_is_searched_under_each_of_them()
    {
        AliasQueries.Of("jolani aleppo offensive", Actors).ShouldBe(["jolani aleppo offensive", "Abu Mohammad al-Jolani aleppo offensive", "Golani aleppo offensive", "Ahmed al-Sharaa aleppo offensive"]);
    }

    [Fact]
    public void The_longest_name_in_the_query_is_replaced_whole()
    {
        AliasQueries.Of("Abu Mohammad al-Jolani", Actors)[1].ShouldBe("Jolani");
        AliasQueries.Of("HTS fighters", Actors).ShouldBe(["HTS fighters", "Hayat Tahrir al-Sham fighters"]);
    }

    [Fact]
    public void Names_inside_other_words_and_queries_naming_nobody_are_left_alone()
    {
        AliasQueries.Of("Jolanis", Actors).ShouldBe(["Jolanis"]);
        AliasQueries.Of("shelling of the airport", Actors).ShouldBe(["shelling of the airport"]);
        AliasQueries.Of("Golani", Actors).Count.ShouldBe(AliasQueries.Max);
    }
}
