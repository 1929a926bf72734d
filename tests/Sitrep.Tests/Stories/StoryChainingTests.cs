using Sitrep.Composition;
using Sitrep.Stories;
using static Sitrep.Tests.Stories.LocalNewsFixtures;

namespace Sitrep.Tests.Stories;

/// <summary>
/// Stories must not chain: same-kind incidents in different towns weeks apart, and the chapters of
/// one saga, are separate stories, and the stories do not depend on the names or the calendar.
/// </summary>
public class StoryChainingTests
{
    private static readonly DateOnly Saturday = new(2025, 6, 7), Friday = new(2025, 6, 27);

    /// <summary>Reads the documents as <c>sitrep cluster</c> does; stories as lists of ids.</summary>
    private static List<List<string>> Stories(Document[] documents)
    {
        var reading = Pipeline.StoryReading();
        var grouping = new StoryGrouping<string>();
        foreach (var document in documents)
        {
            reading.Process(document);
            grouping.Add(document, document.Id);
        }
        return grouping.Stories();
    }

    /// <summary>The partition by event: the ids' prefix before '-' names the event.</summary>
    private static List<List<string>> Events(Document[] documents) =>
        documents.GroupBy(d => d.Id.Split('-')[0]).Select(g => g.Select(d => d.Id).ToList()).ToList();

    [Fact]
    public void Shootings_in_different_towns_weeks_apart_are_different_stories()
    {
        var documents = ShootingCoverage(Shootings, Saturday);
        Stories(documents).ShouldBe(Events(documents), ignoreOrder: true);
    }

    [Fact(Skip = "open (issue 19): the shipped decision chains the standoff into 2 stories, the decision fitted on ECB+ and the incidents set into 6, still not 4")]
    public void The_chapters_of_a_budget_standoff_are_not_chained_into_one_story()
    {
        var documents = BudgetSaga(Budget, Friday);
        var stories = Stories(documents);
        stories.Count.ShouldBeGreaterThanOrEqualTo(3);
        stories.Max(s => s.Select(id => id.Split('-')[0]).Distinct().Count()).ShouldBeLessThanOrEqualTo(2);
    }

    [Fact]
    public void Renaming_the_cast_and_moving_the_calendar_changes_no_story()
    {
        var shift = 7 * 30;
        Stories(ShootingCoverage(RenamedShootings, Saturday.AddDays(shift))).ShouldBe(Stories(ShootingCoverage(Shootings, Saturday)));
        Stories(BudgetSaga(RenamedBudget, Friday.AddDays(-7 * 20))).ShouldBe(Stories(BudgetSaga(Budget, Friday)));
    }
}
