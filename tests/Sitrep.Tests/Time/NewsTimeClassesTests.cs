using Sitrep.Time;

namespace Sitrep.Tests.Time;

/// <summary>
/// The error classes of the time stage on held-out news (issue 19), each on sentences written for
/// these tests in the manner of wire and Wikinews reports, against a document date.
/// </summary>
public class NewsTimeClassesTests
{
    // Tuesday 11 June 2024
    private static readonly PartialDate Tuesday = PartialDate.OfDay(new DateOnly(2024, 6, 11));

    private static List<(string Text, string Type, string Value)> Times(string text) =>
        [.. TemporalTagger.Tag(text, Tuesday).Select(t => (t.Text, t.Type.Name(), t.Value))];

    [Theory]
    [InlineData("The quake struck at 18:00 UTC, the survey said.", "18:00 UTC", "2024-06-11T18:00Z")]
    [InlineData("The capsule docked at 09:41 GMT.", "09:41 GMT", "2024-06-11T09:41Z")]
    [InlineData("The ferry sank at 0415 GMT.", "0415 GMT", "2024-06-11T04:15Z")]
    [InlineData("The truce took effect at midnight GMT.", "midnight GMT", "2024-06-11T24:00Z")]
    [InlineData("Polls close at 8 p.m. EDT.", "8 p.m. EDT", "2024-06-11T20:00")]
    public void A_time_in_universal_time_carries_the_zone_and_a_local_one_does_not(string text, string span, string value) =>
        Times(text).ShouldContain((span, "TIME", value));

    [Theory]
    [InlineData("The last train left at 10.30am.", "10.30am", "2024-06-11T10:30")]
    [InlineData("Police were called at 11.45 pm.", "11.45 pm", "2024-06-11T23:45")]
    public void British_clock_times_with_a_dot_are_times(string text, string span, string value) =>
        Times(text).ShouldBe([(span, "TIME", value)]);

    [Fact]
    public void A_time_takes_the_day_named_after_local_time_an_aside_or_on()
    {
        Times("The storm made landfall at 10:00 local time (15:00 UTC) on Sunday.").ShouldBe(
            [("10:00", "TIME", "2024-06-09T10:00"), ("15:00 UTC", "TIME", "2024-06-09T15:00Z"), ("Sunday", "DATE", "2024-06-09")]);
        Times("The first shell hit the market at 9 a.m. on Monday, residents said.").ShouldBe(
            [("9 a.m.", "TIME", "2024-06-10T09:00"), ("Monday", "DATE", "2024-06-10")]);
        Times("The bomb went off at 08:15 local time on 3 June.").ShouldBe([("08:15", "TIME", "2024-06-03T08:15"), ("3 June", "DATE", "2024-06-03")]);
        Times("The curfew began at midnight on Friday.").ShouldBe([("midnight", "TIME", "2024-06-07T24:00"), ("Friday", "DATE", "2024-06-07")]);
        Times("The bill was passed on Monday 10 June after a long debate.").ShouldBe([("Monday 10 June", "DATE", "2024-06-10")]);
        Times("The blast was heard at 2:40 p.m. (1240 GMT) Saturday.").ShouldBe(
            [("2:40 p.m.", "TIME", "2024-06-08T14:40"), ("1240 GMT", "TIME", "2024-06-08T12:40Z"), ("Saturday", "DATE", "2024-06-08")]);
    }

    [Fact]
    public void Ranges_written_with_an_en_dash_or_between_two_months_give_both_ends()
    {
        Times("The 2022\u201323 season ended with a cup final.").ShouldBe([("2022", "DATE", "2022"), ("23", "DATE", "2023")]);
        Times("She chaired the board from 2015\u20132019.").ShouldBe([("2015", "DATE", "2015"), ("2019", "DATE", "2019")]);
        Times("The fair runs June 3\u20139 in the old port.").ShouldBe([("June 3", "DATE", "2024-06-03"), ("9", "DATE", "2024-06-09")]);
        Times("The census was taken between 1 and 5 May.").ShouldBe([("1", "DATE", "2024-05-01"), ("5 May", "DATE", "2024-05-05")]);
        Times("Fighting raged between March and May, the monitors said.").ShouldBe([("March", "DATE", "2024-03"), ("May", "DATE", "2024-05")]);
        Times("Prices will be frozen for two to three years.").ShouldBe([("two to three years", "DURATION", "PXY")]);
    }

    [Fact]
    public void Earlier_and_later_after_a_length_count_from_the_story_and_the_length_stays_a_duration()
    {
        Times("The rebels had taken the airport a month earlier.").ShouldBe([("a month", "DURATION", "P1M")]);
        Times("Three weeks later the army retook it.").ShouldBe([("Three weeks", "DURATION", "P3W")]);
        Times("The dam was finished two years ago.").ShouldBe([("two years ago", "DATE", "2022")]);
        Times("Profit rose 4% from a year-earlier figure of $2 million.").ShouldBe([("year-earlier", "DATE", "2023")]);
    }

    [Fact]
    public void A_compared_period_is_as_fine_as_the_period_the_text_spoke_of()
    {
        Times("Exports rose 5% in April compared with the same period last year.").ShouldBe(
            [("April", "DATE", "2024-04"), ("the same period last year", "DATE", "2023-04")]);
        Times("Sales in the first half rose 7% over the same period last year.").ShouldBe(
            [("the first half", "DATE", "2024-H1"), ("the same period last year", "DATE", "2023-H1")]);
        Times("Arrivals in March were up 12% on the same month of 2022.").ShouldBe(
            [("March", "DATE", "2024-03"), ("the same month of 2022", "DATE", "2022-03")]);
        Times("Turnover grew 3% on the same period last year.").ShouldBe([("the same period last year", "DATE", "2023")]);
    }

    [Theory]
    [InlineData("Prices are now at a record high.", "now")]
    [InlineData("For now, the border stays closed.", "now")]
    [InlineData("The road has been shut until now.", "now")]
    [InlineData("The now-defunct airline owed its staff two months of pay.", null)]
    public void Now_is_the_present_but_not_inside_an_adjective(string text, string? span)
    {
        var present = Times(text).Where(t => t.Value == "PRESENT_REF").Select(t => t.Text);
        present.ShouldBe(span is null ? [] : [span]);
    }

    [Theory]
    [InlineData("The show airs each Sunday evening on state radio.", "each Sunday evening", "XXXX-WXX-7TEV")]
    [InlineData("The river floods the valley every spring.", "every spring", "XXXX-SP")]
    [InlineData("The committee meets every week to review the cases.", "every week", "P1W")]
    public void Recurrences_keep_their_part_of_the_day_and_seasons(string text, string span, string value) =>
        Times(text).ShouldBe([(span, "SET", value)]);
}
