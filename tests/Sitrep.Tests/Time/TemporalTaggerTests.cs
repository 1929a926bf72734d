using Sitrep.Composition;
using Sitrep.Time;

namespace Sitrep.Tests.Time;

public class TemporalTaggerTests
{
    // Wednesday 5 March 2025
    private static readonly PartialDate Wednesday = PartialDate.OfDay(new DateOnly(2025, 3, 5));
    // Thursday 2 January 2025, just after a year boundary
    private static readonly PartialDate NewYear = PartialDate.OfDay(new DateOnly(2025, 1, 2));

    private static List<TimeMention> Tag(string text, PartialDate? reference)
    {
        var times = TemporalTagger.Tag(text, reference);
        foreach (var t in times) text[t.Start..t.End].ShouldBe(t.Text);
        return times;
    }

    private static TimeMention Only(string text, PartialDate? reference, string span)
    {
        var times = Tag(text, reference);
        var hits = times.Where(t => t.Text == span).ToList();
        hits.Count.ShouldBe(1, $"expected one '{span}' in [{string.Join(", ", times.Select(t => $"'{t.Text}'"))}]");
        return hits[0];
    }

    private static void Expect(string text, PartialDate? reference, string span, string type, string value)
    {
        var t = Only(text, reference, span);
        (t.Type.Name(), t.Value).ShouldBe((type, value), $"'{span}' in: {text}");
    }

    [Theory]
    [InlineData("The truce signed in Doha on March 3, 2025 collapsed within hours.", "March 3, 2025", "2025-03-03")]
    [InlineData("Militia fighters entered the town on 3 Mar and looted the market.", "3 Mar", "2025-03-03")]
    [InlineData("The report, dated 2025-03-03, lists 41 dead.", "2025-03-03", "2025-03-03")]
    [InlineData("Aid convoys have been blocked since Dec. 5, officials said.", "Dec. 5", "2024-12-05")]
    [InlineData("The talks resume on Friday, March 7 in Jeddah.", "Friday, March 7", "2025-03-07")]
    [InlineData("The siege began in July 2023 and has not been lifted.", "July 2023", "2023-07")]
    public void Absolute_dates_resolve_to_calendar_days(string text, string span, string value) =>
        Expect(text, Wednesday, span, "DATE", value);

    [Fact]
    public void A_clock_time_takes_the_reference_day_and_a_named_day_overrides_it()
    {
        Expect("The first drone struck at 09:12 local time.", Wednesday, "09:12", "TIME", "2025-03-05T09:12");
        Expect("Shelling resumed at 10 p.m. Tuesday near the airport.", Wednesday, "10 p.m. Tuesday", "TIME", "2025-03-04T22:00");
        Expect("The second drone hit at 1345 GMT.", Wednesday, "1345 GMT", "TIME", "2025-03-05T13:45Z");
        Expect("Trading halted at 4 p.m. ET after the report.", Wednesday, "4 p.m. ET", "TIME", "2025-03-05T16:00");
        Expect("The shelling had stopped by mid-afternoon yesterday.", Wednesday, "mid-afternoon yesterday", "TIME", "2025-03-04TAF");
        Expect("Talks resumed on March 1. The delegations left in the evening.", Wednesday, "the evening", "TIME", "2025-03-05TEV");
        Expect("The mortar hit the school at 9:40 a.m. (0640 GMT) Tuesday.", Wednesday, "9:40 a.m.", "TIME", "2025-03-04T09:40");
        Expect("The convoy will leave at 5 in the morning (2 a.m. GMT Thursday).", Wednesday, "5 in the morning", "TIME", "2025-03-06T05:00");
        var times = Tag("Talks ended on March 1. At 3:45 p.m. a drone hit the depot. On March 2, at 6 a.m., it burned again.", Wednesday);
        times.Select(t => (t.Text, t.Value)).ShouldBe([("March 1", "2025-03-01"), ("3:45 p.m.", "2025-03-05T15:45"),
                                                      ("March 2", "2025-03-02"), ("6 a.m.", "2025-03-02T06:00")]);
    }

    [Theory]
    [InlineData("Gunmen attacked a checkpoint on Monday, the army said.", "Monday", "DATE", "2025-03-03")]
    [InlineData("Residents said the shelling began last night.", "last night", "TIME", "2025-03-04TNI")]
    [InlineData("The envoy visited Juba last week.", "last week", "DATE", "2025-W09")]
    [InlineData("The border was drawn two decades ago.", "two decades ago", "DATE", "2005")]
    [InlineData("The camp has been under siege since February 14.", "February 14", "DATE", "2025-02-14")]
    [InlineData("Fighting intensified in mid-January after the rains.", "mid-January", "DATE", "2025-01")]
    [InlineData("The ministry announced earlier this month that schools would close.", "earlier this month", "DATE", "2025-03")]
    [InlineData("The governor resigned yesterday.", "yesterday", "DATE", "2025-03-04")]
    [InlineData("This year the harvest failed across the region.", "This year", "DATE", "2025")]
    [InlineData("\"This week we decide,\" the envoy said.", "This week", "DATE", "2025-W10")]
    [InlineData("Exports fell 12% in the first quarter.", "the first quarter", "DATE", "2025-Q1")]
    [InlineData("Growth slowed in the fourth quarter of last year.", "the fourth quarter of last year", "DATE", "2024-Q4")]
    [InlineData("The dam was finished a year and a half ago.", "a year and a half ago", "DATE", "2023-09")]
    [InlineData("The company's revenue in fiscal 1998 was never restated.", "fiscal 1998", "DATE", "1998")]
    [InlineData("The city was first shelled in 1998.", "1998", "DATE", "1998")]
    [InlineData("The movement was born in the 1990s.", "the 1990s", "DATE", "199")]
    [InlineData("Such famines were common in the 1800s.", "the 1800s", "DATE", "18")]
    [InlineData("Revenue fell in Q4 2024 as exports stalled.", "Q4 2024", "DATE", "2024-Q4")]
    [InlineData("Floods hit the delta last summer.", "last summer", "DATE", "2024-SU")]
    [InlineData("Peacekeepers are expected to arrive next month.", "next month", "DATE", "2025-04")]
    public void Relative_expressions_resolve_against_the_reference(string text, string span, string type, string value) =>
        Expect(text, Wednesday, span, type, value);

    [Fact]
    public void The_following_day_counts_from_the_last_date_the_text_gave()
    {
        var times = Tag("Rebels seized the airport on March 1. The following day, they lost it again.", Wednesday);
        times.Select(t => (t.Text, t.Value)).ShouldBe([("March 1", "2025-03-01"), ("The following day", "2025-03-02")]);
    }

    [Fact]
    public void Tense_decides_whether_a_bare_weekday_points_back_or_forward()
    {
        Expect("The delegation arrived in Addis Ababa on Monday.", Wednesday, "Monday", "DATE", "2025-03-03");
        Expect("The delegation will arrive in Addis Ababa on Monday.", Wednesday, "Monday", "DATE", "2025-03-10");
        Expect("Negotiators are scheduled to meet again on Friday.", Wednesday, "Friday", "DATE", "2025-03-07");
        Expect("Negotiators met again on Friday.", Wednesday, "Friday", "DATE", "2025-02-28");
        Expect("The envoy could reach Kassala as early as Friday.", Wednesday, "Friday", "DATE", "2025-03-07");
        Expect("Rebels said Friday they will withdraw.", Wednesday, "Friday", "DATE", "2025-02-28");
        Expect("The mayor said power would be restored by Friday.", Wednesday, "Friday", "DATE", "2025-03-07");
        Expect("The ceasefire had been due to expire on Friday.", Wednesday, "Friday", "DATE", "2025-02-28");
        Expect("Officials postponed the vote until Monday.", Wednesday, "Monday", "DATE", "2025-03-10");
        Expect("None of the missing could be found on Monday.", Wednesday, "Monday", "DATE", "2025-03-03");
        Expect("The army gave the fighters until 6 p.m. Friday to leave.", Wednesday, "6 p.m. Friday", "TIME", "2025-03-07T18:00");
    }

    [Fact]
    public void Weekdays_months_and_years_cross_the_year_boundary()
    {
        Expect("Two aid workers were abducted on Monday.", NewYear, "Monday", "DATE", "2024-12-30");
        Expect("The parliament will reconvene on Monday.", NewYear, "Monday", "DATE", "2025-01-06");
        Expect("Prices doubled in December.", NewYear, "December", "DATE", "2024-12");
        Expect("The offensive began on Dec. 28, commanders said.", NewYear, "Dec. 28", "DATE", "2024-12-28");
        Expect("Inflation reached 40 percent last year.", NewYear, "last year", "DATE", "2024");
        Expect("Voting is planned for next month.", NewYear, "next month", "DATE", "2025-02");
        Expect("Elections were held last week.", NewYear, "last week", "DATE", "2024-W52");
        Expect("Officials hope to finish the bridge this December.", NewYear, "this December", "DATE", "2025-12");
    }

    [Theory]
    [InlineData("The governor resigned in June after the protests.", "June", "2024-06")]
    [InlineData("The governor will resign in January.", "January", "2026-01")]
    [InlineData("The road has stayed closed since June.", "June", "2024-06")]
    [InlineData("The mission ends in April, officials said.", "April", "2025-04")]
    [InlineData("Thousands fled the city in June.", "June", "2024-06")]
    [InlineData("The appeal is heard in May.", "May", "2025-05")]
    [InlineData("The envoy was shot last Oct. 23 outside his home.", "last Oct. 23", "2024-10-23")]
    public void A_bare_month_follows_the_tense_and_a_preposition_before_it(string text, string span, string value) =>
        Expect(text, Wednesday, span, "DATE", value);

    [Fact]
    public void Comparisons_in_a_results_report_refer_to_the_quarter_reported_not_a_forecast_one()
    {
        var times = Tag("Profit fell in the fourth quarter. The firm expects a recovery through the third quarter of 2026. " +
                        "In the year-ago period it earned $5 million.", Wednesday);
        times.Select(t => (t.Text, t.Value)).ShouldBe([("the fourth quarter", "2024-Q4"), ("the third quarter of 2026", "2026-Q3"),
                                                      ("the year-ago period", "2023-Q4")]);
        Expect("Sales rose 4% in the first quarter ended Feb. 28. Margins in the latest period were thin.", Wednesday,
               "the latest period", "DATE", "2025-Q1");
        Expect("Profit rose in the third quarter. After a weak second quarter, margins recovered. In the year-earlier period it lost money.",
               Wednesday, "the year-earlier period", "DATE", "2023-Q3");
        Expect("Profit fell in the fourth quarter, after a gain in the quarter a year ago.", Wednesday,
               "the quarter a year ago", "DATE", "2023-Q4");
        Expect("Profit fell in the fourth quarter from $3 million in the corresponding period last year.", Wednesday,
               "the corresponding period last year", "DATE", "2023-Q4");
    }

    [Theory]
    [InlineData("Markets close early on Christmas Eve.", "Christmas Eve", "2024-12-24")]
    [InlineData("Shops reopened after Ramadan ended.", null, null)]
    [InlineData("Turnout was high on Election Day.", "Election Day", "2024-11-05")]
    [InlineData("The campaign ended on New Year's Eve.", "New Year's Eve", "2024-12-31")]
    [InlineData("Crowds gathered on St. Patrick's Day.", "St. Patrick's Day", "2024-03-17")]
    [InlineData("Shops will close on Good Friday.", "Good Friday", "2025-04-18")]
    [InlineData("The parade was held on Memorial Day.", "Memorial Day", "2024-05-27")]
    [InlineData("The Good Friday agreement still holds.", null, null)]
    [InlineData("The Labor Party won the vote.", null, null)]
    public void Holidays_with_a_fixed_rule_resolve_and_others_are_left_alone(string text, string? span, string? value)
    {
        var times = Tag(text, NewYear);
        if (span is null) times.ShouldBeEmpty();
        else Expect(text, NewYear, span, "DATE", value!);
    }

    [Fact]
    public void Ranges_give_each_end_its_own_expression()
    {
        var times = Tag("Between 2010 and 2015 the town changed hands four times.", Wednesday);
        times.Select(t => t.Value).ShouldBe(["2010", "2015"]);
        times = Tag("The drought of 2011-2012 emptied the wells.", Wednesday);
        times.Select(t => t.Value).ShouldBe(["2011", "2012"]);
        times = Tag("Talks ran from March 3 to March 5 without result.", Wednesday);
        times.Select(t => t.Value).ShouldBe(["2025-03-03", "2025-03-05"]);
        times = Tag("The drought of 1983-85 killed thousands; the summit on February 19-20 ended early.", Wednesday);
        times.Select(t => (t.Text, t.Value)).ShouldBe([("1983", "1983"), ("85", "1985"), ("February 19", "2025-02-19"), ("20", "2025-02-20")]);
    }

    [Theory]
    [InlineData("The blockade has lasted three years.", "three years", "P3Y")]
    [InlineData("The two-day truce ended at dawn.", "two-day", "P2D")]
    [InlineData("More than 300 people died over the last two years.", "the last two years", "P2Y")]
    [InlineData("The curfew will last at least 72 hours.", "at least 72 hours", "PT72H")]
    [InlineData("The convoy waited for several weeks at the crossing.", "several weeks", "PXW")]
    [InlineData("He served 2 1/2 years in prison.", "2 1/2 years", "P2Y6M")]
    [InlineData("He served one and a half years in prison.", "one and a half years", "P1Y6M")]
    [InlineData("Revenue for the year ended June 30 fell by a third.", "the year", "P1Y")]
    [InlineData("The decades-long dispute over the dam flared again.", "decades-long", "PXY")]
    [InlineData("Raids became routine over the past decade.", "the past decade", "P10Y")]
    [InlineData("Hundreds surrendered in the first hours of the offensive.", "the first hours", "PTXH")]
    [InlineData("The camp has grown over the years.", "the years", "PXY")]
    [InlineData("Aid will be scarce in the weeks ahead.", "the weeks ahead", "PXW")]
    [InlineData("Negotiators emerged from a day-long session.", "day-long", "P1D")]
    [InlineData("Shares rose for five trading days in a row.", "five trading days", "P5D")]
    public void Durations_are_periods(string text, string span, string value) => Expect(text, Wednesday, span, "DURATION", value);

    [Theory]
    [InlineData("Patrols cross the river every week.", "every week", "P1W")]
    [InlineData("The festival is held annually in the old city.", "annually", "P1Y")]
    [InlineData("Refugees queue for rations each Thursday.", "each Thursday", "XXXX-WXX-4")]
    [InlineData("The bulletin is published daily.", "daily", "P1D")]
    [InlineData("Two flights leave Bombay on Tuesday nights.", "Tuesday nights", "XXXX-WXX-2TNI")]
    [InlineData("The market is closed on Fridays.", "Fridays", "XXXX-WXX-5")]
    [InlineData("The ministry updates its casualty figures twice a month.", "twice a month", "P1M")]
    [InlineData("Convoys cross three times a week.", "three times a week", "P1W")]
    public void Recurrences_are_sets(string text, string span, string value) => Expect(text, Wednesday, span, "SET", value);

    [Theory]
    [InlineData("The town is now under army control.", "now", "PRESENT_REF")]
    [InlineData("The bridge is currently closed to trucks.", "currently", "PRESENT_REF")]
    [InlineData("Fighters recently withdrew from the hills.", "recently", "PAST_REF")]
    [InlineData("Such raids were common in the past.", "the past", "PAST_REF")]
    [InlineData("More troops are due in the coming days.", "the coming days", "FUTURE_REF")]
    [InlineData("Both sides hope to sign a deal in the near future.", "the near future", "FUTURE_REF")]
    [InlineData("Prices will stay high in the short term.", "the short term", "FUTURE_REF")]
    public void Vague_references_are_present_past_or_future(string text, string span, string value) => Expect(text, Wednesday, span, "DATE", value);

    [Theory]
    [InlineData("May I ask whether the convoy got through?")]
    [InlineData("A 6-year-old girl was among the wounded.")]
    [InlineData("The commander, 52 years old, was replaced.")]
    [InlineData("Now, the envoy said, the rebels must choose.")]
    [InlineData("Crowds gathered and the protest soon turned violent.")]
    [InlineData("The quarter-to-quarter comparison flattered the miners.")]
    [InlineData("The agency moved from a fiscal year to a calendar year.")]
    [InlineData("The minister told ABC's \"This Week\" that the border stays shut.")]
    [InlineData("The governor appeared on CBS's 60 Minutes to defend the curfew.")]
    [InlineData("Police blocked the march on the presidential palace.")]
    [InlineData("The fund received $1,998 from 2,000 donors.")]
    [InlineData("Officials said 1500 troops had crossed into the district.")]
    [InlineData("Jan Egeland of the Norwegian Refugee Council spoke to reporters.")]
    public void Ordinary_words_and_numbers_are_not_times(string text) => Tag(text, Wednesday).ShouldBeEmpty();

    [Fact]
    public void A_title_cased_headline_keeps_its_times()
    {
        var times = Tag("Floods Hit Western Kenya Last Week, Thousands Flee\n\nThe water is falling.", Wednesday);
        times.ShouldHaveSingleItem().Text.ShouldBe("Last Week");
    }

    [Fact]
    public void Without_a_publication_date_the_dateline_gives_one_and_it_is_marked_inferred()
    {
        var document = new Document("d", new SourceLocation("d.txt"))
        {
            Text = "KHARTOUM, May 4, 2025 (Reuters) - Drones struck the port on Monday, the army said.",
        };
        new TemporalTagger().Process(document);
        document.Published.ToString().ShouldBe("2025-05-04");
        document.PublishedInferred.ShouldBeTrue();
        document.Times.Single(t => t.Text == "Monday").Value.ShouldBe("2025-04-28");
    }

    [Fact]
    public void Without_a_dateline_the_latest_date_stated_outside_forward_looking_sentences_is_the_reference()
    {
        var document = new Document("d", new SourceLocation("d.txt"))
        {
            Text = "Aid agencies have warned for months that the camps are overflowing, and that the rains will make matters worse. " +
                   "The first convoy reached the border on April 2, 2025, and a second one crossed on April 9, 2025. " +
                   "The UN mandate will expire on March 1, 2027, unless the council renews it. Fighting resumed on Monday.",
        };
        new TemporalTagger().Process(document);
        document.Published.ToString().ShouldBe("2025-04-09");
        document.PublishedInferred.ShouldBeTrue();
        document.Times.Single(t => t.Text == "Monday").Value.ShouldBe("2025-04-07");
    }

    [Fact]
    public void A_dateline_on_the_line_under_the_headline_counts()
    {
        var document = new Document("d", new SourceLocation("d.txt"))
        {
            Text = "Strikes hit fuel depots in Port Sudan\nMay 6, 2025\n\nThe attacks began on Sunday. The mandate expires on June 1, 2026.",
        };
        new TemporalTagger().Process(document);
        document.Published.ToString().ShouldBe("2025-05-06");
        document.Times.Single(t => t.Text == "Sunday").Value.ShouldBe("2025-05-04");
    }

    [Fact]
    public void A_given_publication_date_is_kept()
    {
        var document = new Document("d", new SourceLocation("d.txt")) { Text = "On May 4, 2025 the port was hit.", Published = Wednesday };
        new TemporalTagger().Process(document);
        document.Published.ShouldBe(Wednesday);
        document.PublishedInferred.ShouldBeFalse();
    }

    [Fact]
    public void Each_sentence_is_dated_by_its_own_expression_else_by_the_reference()
    {
        const string text = "Drones hit the airport on Monday. The army denied losses.\nOn March 1 the rebels took the bridge.";
        var document = new Document("d", new SourceLocation("d.txt")) { Text = text, Published = Wednesday };
        new TemporalTagger().Process(document);
        SentenceDates.DateAt(document, text.IndexOf("Drones", StringComparison.Ordinal)).ToString().ShouldBe("2025-03-03");
        SentenceDates.DateAt(document, text.IndexOf("army", StringComparison.Ordinal)).ShouldBe(Wednesday);
        SentenceDates.DateAt(document, text.IndexOf("bridge", StringComparison.Ordinal)).ToString().ShouldBe("2025-03-01");
    }

    [Fact]
    public void The_annotation_pipeline_includes_the_tagger() =>
        Pipeline.Annotation().Steps.OfType<TemporalTagger>().ShouldHaveSingleItem();

    [Fact]
    public void Malformed_dates_and_long_number_chains_neither_throw_nor_invent_values()
    {
        var text = "0000-00-00, 31/02/0000, Feb. 30, 0000, 99:99, 25:00 Dec. 31, 9999, 12000 years ago, " +
                   string.Join(" to ", Enumerable.Repeat("1", 5000)) + " days.";
        var times = Tag(text, PartialDate.OfDay(new DateOnly(9999, 12, 31)));
        times.ShouldNotContain(t => t.Value.StartsWith("0000"));
        Tag(text, null).ShouldAllBe(t => t.End <= text.Length);
    }

    [Fact]
    public void A_date_learnt_later_resolves_what_needed_one_and_keeps_what_was_resolved()
    {
        const string text = "The talks lasted three days. Drones struck the depot on Sunday.";
        var document = new Document("d", new SourceLocation("d.txt")) { Text = text };
        new TemporalTagger().Process(document);
        document.Published.ShouldBeNull();
        var stated = document.Times.Single(t => t.Text.Contains("three days"));

        document.SetPublished(PartialDate.OfDay(new DateOnly(2025, 5, 6)), DateProvenance.InferredFromStory);
        new TemporalTagger().Anchor(document);

        document.Times.ShouldContain(t => ReferenceEquals(t, stated));
        document.Times.Single(t => t.Text.Contains("Sunday")).Value.ShouldBe("2025-05-04");
    }
}
