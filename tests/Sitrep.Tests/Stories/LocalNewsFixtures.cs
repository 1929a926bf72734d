namespace Sitrep.Tests.Stories;

/// <summary>
/// Invented local and political coverage that single-link story chaining gets wrong, three outlets
/// per event: shootings of one kind in different towns weeks apart (told in the same words, as local
/// outlets tell them), and one state's budget standoff whose chapters (the shutdown, an offer, the
/// reopening, an emergency declaration) are separate events of one saga. Each is written from a cast
/// (names, towns) and a first day, so a test can rename everything and move it in time: the stories
/// must not change.
/// </summary>
internal static class LocalNewsFixtures
{
    /// <summary>A plain-text article as a reader gives it: the text stage finds its headline and body.</summary>
    private static Document Article(string id, string text, string outlet, string published)
    {
        var document = new Document(id, new SourceLocation($"{id}.txt")) { Text = text, TextIsInput = true, Outlet = outlet };
        if (PartialDate.TryParse(published, out var date)) document.SetPublished(date, DateProvenance.Given);
        return document;
    }

    /// <summary>One shooting: the town (a real one, so the places stage puts it on the map), its state, the victim, the street.</summary>
    public sealed record Shooting(string Town, string State, string Victim, int Age, string Street, string Chief);

    public static readonly Shooting[] Shootings =
    [
        new("Dayton", "Ohio", "Marcus Reed", 34, "Salem Avenue", "Alan Kessler"),
        new("Rockford", "Illinois", "Tyrell Hanson", 27, "Auburn Street", "Carla Dunmore"),
        new("Erie", "Pennsylvania", "Devon Price", 19, "Parade Street", "Dan Pruitt"),
        new("Wichita", "Kansas", "Luis Ortega", 41, "Broadway", "Joe Sullivan"),
    ];

    public static readonly Shooting[] RenamedShootings =
    [
        new("Toledo", "Ohio", "Andre Collins", 34, "Dorr Street", "George Halloran"),
        new("Peoria", "Illinois", "Jamal Whitaker", 27, "Western Avenue", "Loren Mayfield"),
        new("Scranton", "Pennsylvania", "Kevin Doyle", 19, "Pittston Avenue", "Carl Benedetto"),
        new("Topeka", "Kansas", "Ramon Castillo", 41, "Kansas Avenue", "Bill Cochrane"),
    ];

    /// <summary>The shootings on days 0, 14, 21 and 35 after <paramref name="first"/> (a Saturday), each told by three outlets within a day.</summary>
    public static Document[] ShootingCoverage(Shooting[] cast, DateOnly first) =>
        cast.SelectMany((s, k) => ShootingReports(s, k, first.AddDays(new[] { 0, 14, 21, 35 }[k]))).ToArray();

    private static Document[] ShootingReports(Shooting s, int k, DateOnly day) =>
    [
        Article($"shooting{k}-a", $"""
            Man killed in shooting on {s.Town}'s {s.Street}
            {s.Town.ToUpperInvariant()}, {s.State} — A {s.Age}-year-old man was shot and killed on {s.Street} late Saturday, police said.
            Officers called to the block shortly after 11 p.m. found {s.Victim} with several gunshot wounds. He was pronounced dead at the scene.
            No arrests have been made, and police did not say what led to the shooting.
            Anyone with information is asked to call the {s.Town} Police Department's tip line.
            """, "Metro Courier", $"{day.AddDays(1):yyyy-MM-dd}"),
        Article($"shooting{k}-b", $"""
            Police identify man fatally shot Saturday night
            {s.Town} police on Sunday identified the man killed in a shooting on {s.Street} as {s.Victim}, {s.Age}.
            Police Chief {s.Chief} said detectives were reviewing surveillance video from nearby businesses and talking to witnesses.
            "This was not a random act," {s.Chief} said. Investigators believe the gunman knew the victim.
            It was the latest in a string of shootings in {s.Town} this year.
            """, "Valley Tribune", $"{day.AddDays(1):yyyy-MM-dd}"),
        Article($"shooting{k}-c", $"""
            Family mourns {s.Victim}, killed on {s.Street}
            Relatives of {s.Victim} gathered on {s.Street} in {s.Town} on Sunday to remember the {s.Age}-year-old, who was shot dead there late Saturday.
            His aunt said he had just started a job at a warehouse and was saving for a car.
            {s.Town} police have made no arrests. The shooting remains under investigation.
            """, "Channel 7 News", $"{day.AddDays(2):yyyy-MM-dd}"),
    ];

    /// <summary>A state's budget standoff: the governor, the speaker, the state and its capital.</summary>
    public sealed record Standoff(string Governor, string Speaker, string State, string Capital);

    public static readonly Standoff Budget = new("Dana Whitfield", "Carl Brandt", "Minnesota", "St. Paul");
    public static readonly Standoff RenamedBudget = new("Maria Lindqvist", "Tom Halvorsen", "Wisconsin", "Madison");

    /// <summary>Four chapters on days 0, 8, 22 and 36 after <paramref name="first"/> (a Friday), each told by three outlets within a day.</summary>
    public static Document[] BudgetSaga(Standoff c, DateOnly first)
    {
        string Day(int offset) => first.AddDays(offset).ToString("yyyy-MM-dd");
        return
        [
            Article("saga0-a", $"""
                {c.State} government shuts down after budget talks collapse
                {c.Capital.ToUpperInvariant()} — {c.State}'s government began shutting down at midnight Friday after Gov. {c.Governor} and House Speaker {c.Speaker} failed to agree on a budget.
                State parks closed and about 20,000 state workers were told to stay home.
                "{c.Speaker} walked away from the table," {c.Governor} said late Friday.
                """, "Star Ledger", Day(1)),
            Article("saga0-b", $"""
                Shutdown begins: what closes in {c.State}
                State parks, rest stops and driver's license offices across {c.State} are closed on Saturday, the first day of the shutdown.
                Prisons, state troopers and hospitals keep working. Lottery ticket sales stopped at midnight.
                Gov. {c.Governor} blamed Speaker {c.Speaker} for the impasse over income taxes.
                """, "Public Radio", Day(1)),
            Article("saga0-c", $"""
                {c.Governor}, {c.Speaker} trade blame as {c.State} shuts down
                The first state government shutdown in a decade began in {c.State} overnight.
                {c.Speaker} said the governor's tax plan would cost families too much; {c.Governor} said the House had refused to compromise.
                No new talks were scheduled.
                """, "Daily Press", Day(2)),
            Article("saga1-a", $"""
                {c.Governor} offers to drop tax increase to end shutdown
                Gov. {c.Governor} on Saturday offered to drop her proposed income tax increase if House Republicans agree to fund schools at last year's level.
                The offer came eight days into the shutdown of {c.State}'s government.
                Speaker {c.Speaker} said he would study the proposal over the weekend.
                """, "Star Ledger", Day(8)),
            Article("saga1-b", $"""
                Governor's offer raises hopes of a budget deal
                {c.Governor}'s proposal to shelve the tax increase is the first movement in the standoff since talks broke down, lawmakers said on Saturday.
                School districts had warned they could not open in September without state money.
                {c.Speaker} called the offer "a step" but said spending cuts were still needed.
                """, "Public Radio", Day(8)),
            Article("saga1-c", $"""
                Speaker cool to {c.Governor}'s school funding offer
                House Speaker {c.Speaker} said on Sunday that the governor's offer to trade her tax increase for school funding "does not go far enough".
                The shutdown, now in its second week, has closed state parks and idled 20,000 workers.
                """, "Daily Press", Day(9)),
            Article("saga2-a", $"""
                {c.State} reopens as lawmakers pass budget
                State offices and parks reopened on Monday after the Legislature passed a two-year budget early Sunday, ending a 22-day shutdown.
                Gov. {c.Governor} signed the bill hours after the final vote.
                The budget holds income taxes flat and raises school aid by 2 percent.
                """, "Star Ledger", Day(22)),
            Article("saga2-b", $"""
                State workers return as shutdown ends
                About 20,000 {c.State} state employees went back to work on Monday.
                Speaker {c.Speaker} said both sides gave ground; unions said workers would be paid for the days they were sent home.
                Campgrounds were reopening for the holiday weekend.
                """, "Public Radio", Day(22)),
            Article("saga2-c", $"""
                What the new {c.State} budget does
                The budget {c.Governor} signed on Sunday spends $48 billion over two years.
                It raises aid to schools, cuts some agency budgets and leaves income tax rates where they are.
                Lawmakers approved it 78-55 in the House and 40-27 in the Senate.
                """, "Daily Press", Day(23)),
            Article("saga3-a", $"""
                {c.Governor} declares emergency over state hospital staffing
                Gov. {c.Governor} on Friday declared a peacetime emergency at {c.State}'s state-run hospitals, saying nurses lost during the shutdown had left wards short-staffed.
                The order lets the Department of Human Services hire temporary nurses without bids.
                """, "Star Ledger", Day(36)),
            Article("saga3-b", $"""
                Emergency order lets state hire temporary nurses
                {c.Governor}'s emergency declaration, issued on Friday, will last 30 days unless the Legislature extends it.
                Hospital administrators said dozens of nurses quit during the shutdown.
                Speaker {c.Speaker} said he supported the order but wanted hearings on how the staff shortage arose.
                """, "Public Radio", Day(36)),
            Article("saga3-c", $"""
                Nurses' union backs {c.Governor}'s hospital emergency
                The nurses' union said on Saturday it supported the governor's emergency declaration but warned that temporary staff cost three times as much.
                The union said 140 nurses had left the state's hospitals since July.
                """, "Daily Press", Day(37)),
        ];
    }
}
