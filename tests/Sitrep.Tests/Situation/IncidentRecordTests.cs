using Sitrep.Situation;

namespace Sitrep.Tests.Situation;

/// <summary>
/// Invented US local news about shootings: one incident reported by three articles over two days,
/// two shootings in two towns in one week, an accidental shooting. One real incident is one record
/// with its day, place, victim and suspect.
/// </summary>
public class IncidentRecordTests
{
    private static readonly Document FirstReport = MarkedText.Document("dayton-daily", """
        {PLACE DAYTON=US:39.7589:-84.1916} — A man was shot and killed {DATE Saturday night=2026-03-07} outside a bar on Wayne Avenue, police said.
        Officers found the man lying in the parking lot shortly after 11 p.m.
        The shooting remains under investigation, and police asked anyone with information to call.
        """, published: "2026-03-08", title: "Man killed in Wayne Avenue shooting");

    private static readonly Document VictimNamed = MarkedText.Document("miami-valley-news", """
        {PER Marcus Hill}, 24, of {PLACE Dayton=US:39.7589:-84.1916}, died at the scene after he was shot outside a Wayne Avenue bar, the coroner's office said {DATE Sunday=2026-03-08}.
        {PER Hill=Marcus Hill}'s family described him as a devoted father of two.
        """, published: "2026-03-08", title: "Coroner names man killed outside Dayton bar");

    private static readonly Document SuspectCharged = MarkedText.Document("ohio-courier", """
        Police arrested {PER Tyrone Banks} on {DATE Monday=2026-03-09} in connection with the fatal shooting of {PER Marcus Hill} outside a bar in {PLACE Dayton=US:39.7589:-84.1916}.
        {PER Banks=Tyrone Banks}, 31, was charged with murder and is being held in the county jail.
        """, published: "2026-03-09", title: "Arrest made in Wayne Avenue killing");

    private static StoryPicture Analyze(params Document[] documents)
    {
        MarkedText.FindDerivations(documents);
        return StoryAnalyzer.Default().Analyze("s1", documents);
    }

    [Fact]
    public void Three_reports_over_two_days_are_one_record_with_its_day_place_victim_and_suspect()
    {
        var story = Analyze(FirstReport, VictimNamed, SuspectCharged);

        var shooting = story.Events.Where(e => e.Type == "ASSAULT").ShouldHaveSingleItem();
        shooting.Sources.ShouldBe(["dayton-daily", "miami-valley-news", "ohio-courier"], ignoreOrder: true);
        shooting.Date.ToString().ShouldBe("2026-03-07");
        shooting.DateStated.ShouldBeTrue();
        shooting.Place.ShouldBe("Dayton");
        shooting.Target.ShouldBe("Marcus Hill");
        shooting.Actor.ShouldBe("Tyrone Banks");
    }

    [Fact]
    public void A_shooting_no_report_places_is_where_the_police_department_telling_of_it_works()
    {
        var report = MarkedText.Document("chattanooga-news", """
            The {ORG Chattanooga Police Department} responded to a person shot in the 3500 block of Clio Avenue early {DATE Sunday=2026-03-08}.
            The victim was taken to a hospital with injuries that are not life-threatening.
            """, published: "2026-03-08", title: "Person shot on Clio Avenue");
        int start = report.Text.IndexOf("Chattanooga", StringComparison.Ordinal);
        report.Places.Add(new PlaceMention(new TextSpan(start, start + "Chattanooga".Length), "Chattanooga", "Chattanooga", "US", new GeoPoint(35.05, -85.31), PlaceKind.City)
        {
            Context = PlaceContext.Organisation,
        });

        var shooting = Analyze(report).Events.Where(e => e.Type == "ASSAULT").ShouldHaveSingleItem();
        shooting.Place.ShouldBe("Chattanooga");
        shooting.PlaceStated.ShouldBeFalse();
    }

    [Fact]
    public void Two_shootings_in_two_towns_in_one_week_stay_two_records_even_in_one_story()
    {
        var other = MarkedText.Document("springfield-sun", """
            {PLACE SPRINGFIELD=US:39.9242:-83.8088} — A woman was wounded when someone opened fire on her car {DATE Thursday=2026-03-05} on Lagonda Avenue, police said.
            {PER Dana Price}, 41, was taken to a hospital in serious condition.
            """, published: "2026-03-06", title: "Woman wounded in Springfield shooting");

        var story = Analyze(FirstReport, other, VictimNamed);

        var shootings = story.Events.Where(e => e.Type == "ASSAULT").ToList();
        shootings.Count.ShouldBe(2);
        shootings.Single(e => e.Sources.Contains("springfield-sun")).Sources.ShouldBe(["springfield-sun"]);
        shootings.Single(e => e.Sources.Contains("springfield-sun")).Target.ShouldBe("Dana Price");
        shootings.Single(e => e.Sources.Contains("dayton-daily")).Sources.ShouldBe(["dayton-daily", "miami-valley-news"], ignoreOrder: true);
    }

    [Fact]
    public void Reports_of_one_day_naming_one_victim_are_one_record_though_one_misplaces_it()
    {
        // The second outlet's "Pontiac" (the car) was read as the Michigan town.
        var misplaced = MarkedText.Document("buckeye-wire", """
            {PER Marcus Hill}, 24, was shot and killed {DATE Saturday night=2026-03-07} after an argument near a parked {PLACE Pontiac=US:42.6389:-83.2910} on Wayne Avenue, police said.
            {PER Hill=Marcus Hill} was pronounced dead at the scene.
            """, published: "2026-03-08", title: "Man killed after argument on Wayne Avenue");

        var placed = MarkedText.Document("gem-city-wire", """
            {PLACE DAYTON=US:39.7589:-84.1916} — {PER Marcus Hill}, 24, died after he was shot {DATE Saturday night=2026-03-07} outside a bar on Wayne Avenue, police said.
            """, published: "2026-03-08", title: "Dayton man killed outside Wayne Avenue bar");

        var story = Analyze(placed, misplaced);

        var shooting = story.Events.Where(e => e.Type == "ASSAULT").ShouldHaveSingleItem();
        shooting.Sources.ShouldBe(["gem-city-wire", "buckeye-wire"], ignoreOrder: true);
    }

    [Fact]
    public void A_charge_in_a_shooting_joins_the_shootings_record()
    {
        var charge = MarkedText.Document("ohio-courier", """
            A 19-year-old man was charged {DATE Tuesday=2026-03-10} with murder in the shooting of {PER Marcus Hill} outside a bar in {PLACE Dayton=US:39.7589:-84.1916}.
            """, published: "2026-03-10", title: "Teen charged in Wayne Avenue killing");

        var story = Analyze(VictimNamed, charge);

        story.Events.Where(e => e.Type == "ASSAULT").ShouldHaveSingleItem().Sources.ShouldBe(["miami-valley-news", "ohio-courier"], ignoreOrder: true);
    }

    [Fact]
    public void A_report_without_a_day_of_its_own_is_dated_by_its_publication_and_says_so()
    {
        var undated = MarkedText.Document("gem-city-wire", """
            {PLACE SPRINGFIELD=US:39.9242:-83.8088} — A teenager was shot in the leg near a basketball court, police said.
            His injuries are not thought to be life-threatening.
            """, published: "2026-03-10");

        var shooting = Analyze(undated).Events.ShouldHaveSingleItem();

        shooting.Date.ToString().ShouldBe("2026-03-10");
        shooting.DateStated.ShouldBeFalse();
        shooting.Place.ShouldBe("SPRINGFIELD");
        shooting.Lat.ShouldBe(39.9242);
    }

    [Fact]
    public void An_accidental_shooting_is_no_assault()
    {
        var accident = MarkedText.Document("county-ledger", """
            {PLACE SPRINGFIELD=US:39.9242:-83.8088} — A 12-year-old boy was shot {DATE Sunday=2026-03-08} when a rifle his brother was cleaning went off, deputies said.
            The boy was flown to a hospital in {PLACE Dayton=US:39.7589:-84.1916}, and the shooting appears to have been accidental.
            """, published: "2026-03-09", title: "Boy hurt in accidental shooting");

        Analyze(accident).Events.ShouldNotContain(e => e.Type == "ASSAULT");
    }

    [Fact]
    public void An_accident_most_reports_call_one_is_no_assault_even_where_one_report_does_not_say_so()
    {
        var accident = MarkedText.Document("county-ledger", """
            {PLACE SPRINGFIELD=US:39.9242:-83.8088} — A 12-year-old boy was shot {DATE Sunday=2026-03-08} when a rifle his brother was cleaning went off, deputies said.
            """, published: "2026-03-09");
        var second = MarkedText.Document("valley-post", """
            Deputies said a rifle accidentally discharged {DATE Sunday=2026-03-08} in a home in {PLACE Springfield=US:39.9242:-83.8088}, wounding a 12-year-old boy.
            """, published: "2026-03-09");
        var plain = MarkedText.Document("radio-five", """
            A 12-year-old boy was shot {DATE Sunday=2026-03-08} at a home in {PLACE Springfield=US:39.9242:-83.8088} and was flown to a hospital.
            """, published: "2026-03-09");

        Analyze(accident, second, plain).Events.ShouldNotContain(e => e.Type == "ASSAULT");
    }

    [Fact]
    public void A_shooting_one_report_words_like_an_accident_is_still_one_record_of_all_its_reports()
    {
        var wording = MarkedText.Document("county-ledger", """
            {PER Marcus Hill} was shot {DATE Saturday=2026-03-07} outside a bar in {PLACE Dayton=US:39.7589:-84.1916} after his car crashed into a fence, police said.
            """, published: "2026-03-08");

        var story = Analyze(FirstReport, VictimNamed, wording);

        story.Events.Where(e => e.Type == "ASSAULT").ShouldHaveSingleItem()
             .Sources.ShouldBe(["dayton-daily", "miami-valley-news", "county-ledger"], ignoreOrder: true);
    }

    [Fact]
    public void A_neighbourhood_read_as_a_namesake_town_far_away_does_not_split_the_incident_nor_place_it()
    {
        var neighbourhood = MarkedText.Document("west-side-news", """
            A 30-year-old man was shot {DATE Sunday night=2026-03-08} in the {PLACE Austin=US:30.2672:-97.7431} neighborhood on {PLACE Chicago=US:41.8781:-87.6298}'s West Side, police said.
            He was taken to Stroger Hospital in serious condition.
            """, published: "2026-03-09");
        var city = MarkedText.Document("lakefront-daily", """
            {PLACE CHICAGO=US:41.8781:-87.6298} — A man was wounded {DATE Sunday night=2026-03-08} when someone opened fire on him near Chicago Avenue, police said.
            """, published: "2026-03-09");

        var shooting = Analyze(neighbourhood, city).Events.Where(e => e.Type == "ASSAULT").ShouldHaveSingleItem();

        shooting.Sources.ShouldBe(["west-side-news", "lakefront-daily"], ignoreOrder: true);
        shooting.Lat.ShouldBe(41.8781);
    }

    [Fact]
    public void A_follow_up_weeks_later_without_a_day_of_its_own_joins_the_incident_by_a_person_it_names()
    {
        var charged = MarkedText.Document("ohio-courier", """
            Police say {PER Tyrone Banks} opened fire outside a {PLACE Dayton=US:39.7589:-84.1916} bar after an argument with {PER Marcus Hill}.
            {PER Banks=Tyrone Banks}, 31, was arrested at a relative's home and is being held in the county jail.
            """, published: "2026-04-10");

        var shooting = Analyze(VictimNamed, charged).Events.Where(e => e.Type == "ASSAULT").ShouldHaveSingleItem();

        shooting.Sources.ShouldBe(["miami-valley-news", "ohio-courier"], ignoreOrder: true);
        shooting.Date.ToString().ShouldBe("2026-03-08");
    }

    [Fact]
    public void Two_shootings_in_one_city_two_days_apart_stay_two_records()
    {
        var saturday = MarkedText.Document("lakefront-daily", """
            Two men were wounded in a shooting {DATE Saturday night=2026-03-07} in {PLACE Chicago=US:41.8781:-87.6298}, police said.
            """, published: "2026-03-08");
        var monday = MarkedText.Document("south-side-news", """
            A teenager was shot and critically wounded {DATE Monday night=2026-03-09} in {PLACE Chicago=US:41.8781:-87.6298}, police said.
            """, published: "2026-03-10");

        Analyze(saturday, monday).Events.Where(e => e.Type == "ASSAULT").Count().ShouldBe(2);
    }

    [Fact]
    public void Of_two_days_the_reports_state_equally_often_the_incident_takes_the_earlier()
    {
        var later = MarkedText.Document("ohio-courier", """
            {PER Marcus Hill}, 24, was shot outside a bar in {PLACE Dayton=US:39.7589:-84.1916} {DATE Sunday=2026-03-08} and died in hospital.
            """, published: "2026-03-09");
        var earlier = MarkedText.Document("dayton-daily", """
            {PER Marcus Hill}, 24, was shot {DATE Saturday night=2026-03-07} outside a bar in {PLACE Dayton=US:39.7589:-84.1916}.
            """, published: "2026-03-09");

        var shooting = Analyze(later, earlier).Events.Where(e => e.Type == "ASSAULT").ShouldHaveSingleItem();

        shooting.Date.ToString().ShouldBe("2026-03-07");
    }

    [Fact]
    public void A_follow_up_that_dates_the_shooting_to_its_arrest_joins_the_incident_by_a_person_it_names()
    {
        var arrest = MarkedText.Document("ohio-courier", """
            Police arrested {PER Tyrone Banks} {DATE Tuesday=2026-03-10}, days after he opened fire outside a {PLACE Dayton=US:39.7589:-84.1916} bar following an argument with {PER Marcus Hill}.
            """, published: "2026-03-11");

        Analyze(VictimNamed, arrest).Events.Where(e => e.Type == "ASSAULT").ShouldHaveSingleItem()
            .Sources.ShouldBe(["miami-valley-news", "ohio-courier"], ignoreOrder: true);
    }

    [Fact]
    public void Reports_a_day_apart_with_the_same_toll_are_one_record_and_a_different_toll_keeps_them_two()
    {
        var lateNight = MarkedText.Document("brooklyn-wire", """
            Four people were shot outside a catering hall in {PLACE Brooklyn=US:40.6501:-73.9496} {DATE late Sunday=2026-03-08}, police said.
            """, published: "2026-03-09");
        var nextDay = MarkedText.Document("city-desk", """
            Four people were wounded outside a catering hall in {PLACE Brooklyn=US:40.6501:-73.9496} {DATE Monday=2026-03-09}, police said.
            """, published: "2026-03-10");
        var otherToll = MarkedText.Document("city-desk", """
            Two people were wounded outside a deli in {PLACE Brooklyn=US:40.6501:-73.9496} {DATE Monday=2026-03-09}, police said.
            """, published: "2026-03-10");

        Analyze(lateNight, nextDay).Events.Where(e => e.Type == "ASSAULT").ShouldHaveSingleItem()
            .Casualties.People.ShouldBe(4);
        Analyze(lateNight, otherToll).Events.Where(e => e.Type == "ASSAULT").Count().ShouldBe(2);
    }

    [Fact]
    public void Outlets_naming_different_victims_of_one_days_shooting_in_one_town_report_one_incident()
    {
        var girl = MarkedText.Document("lakefront-daily", """
            {PER Jaylene Ortiz}, 6, was shot in the back {DATE Monday evening=2026-03-09} outside a house party in {PLACE Elgin=US:42.0354:-88.2826}, police said.
            {PER Ortiz=Jaylene Ortiz} was in good spirits at the hospital, her family said.
            """, published: "2026-03-10");
        var mother = MarkedText.Document("fox-valley-news", """
            {PER Betsy Ramos} was wounded when someone opened fire on her family outside a party in {PLACE Elgin=US:42.0354:-88.2826} {DATE Monday evening=2026-03-09}.
            """, published: "2026-03-10");

        Analyze(girl, mother).Events.Where(e => e.Type == "ASSAULT").ShouldHaveSingleItem()
            .Sources.ShouldBe(["lakefront-daily", "fox-valley-news"], ignoreOrder: true);
    }

    [Fact]
    public void A_headline_read_without_its_article_joins_the_incident_but_makes_no_record_alone()
    {
        var report = MarkedText.Document("atlanta-news", """
            A man was killed and a boy was injured in a drive-by shooting {DATE Saturday night=2026-03-07} in {PLACE Atlanta=US:33.749:-84.388}, police said.
            """, published: "2026-03-08");
        var headline = MarkedText.Document("walled-outlet", """
            Man killed, boy injured in drive-by shooting in {PLACE Atlanta=US:33.749:-84.388}
            """, published: "2026-03-08");
        headline.HeadlineOnly = true;
        var elsewhere = MarkedText.Document("walled-outlet-2", """
            Teen shot outside store in {PLACE Macon=US:32.8407:-83.6324}
            """, published: "2026-03-08");
        elsewhere.HeadlineOnly = true;

        var shootings = Analyze(report, headline, elsewhere).Events.Where(e => e.Type == "ASSAULT").ToList();

        shootings.ShouldHaveSingleItem().Sources.ShouldBe(["atlanta-news", "walled-outlet"], ignoreOrder: true);
    }

    [Fact]
    public void A_town_two_articles_name_alike_but_the_geoparser_places_apart_is_one_place()
    {
        var boston = MarkedText.Document("north-shore-news", """
            A 15-year-old has died following a shooting in {PLACE Chelsea=US:42.3918:-71.0328} on {DATE Friday=2026-03-06}, police said.
            """, published: "2026-03-07");
        var london = MarkedText.Document("metro-wire", """
            {PER Jimmy Vasquez}, 15, died after he was shot in {PLACE Chelsea=GB:51.4875:-0.1687} on {DATE Friday=2026-03-06}, police said.
            """, published: "2026-03-08");

        Analyze(boston, london).Events.Where(e => e.Type == "ASSAULT").ShouldHaveSingleItem()
            .Sources.ShouldBe(["north-shore-news", "metro-wire"], ignoreOrder: true);
    }
}
