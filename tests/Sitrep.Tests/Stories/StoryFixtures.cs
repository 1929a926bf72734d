namespace Sitrep.Tests.Stories;

/// <summary>
/// Invented multi-outlet coverage: two earthquakes of the same kind, and one harbour strike told five ways.
/// Each access gives fresh documents, so a test may change them.
/// </summary>
internal static class StoryFixtures
{
    public static Document Article(string id, string text, string? outlet = null, string? published = null)
    {
        var document = new Document(id, new SourceLocation($"{id}.txt")) { Text = text, TextIsInput = true, Outlet = outlet };
        if (PartialDate.TryParse(published, out var date)) document.SetPublished(date, DateProvenance.Given);
        document.Body.Add(new TextSpan(0, text.Length));
        return document;
    }

    public static Document[] NorvaniaQuake =>
    [
        Article("norvania-1", """
            Strong earthquake kills 12 in Kestrel Bay
            A magnitude 6.4 earthquake struck near the coastal town of Kestrel Bay in northern Norvania on Sunday, March 3, 2024, killing at least 12 people and injuring dozens.
            The quake hit at 4:12 a.m. local time at a depth of 10 km, the Norvanian Seismological Service said.
            Rescuers searched collapsed buildings in the old harbour district through the morning.
            President Ilona Varga said the army would send tents and field kitchens to Kestrel Bay.
            """, "Coastal Herald", "2024-03-03T09:00:00Z"),
        Article("norvania-2", """
            Norvania quake: death toll rises as aftershocks rattle Kestrel Bay
            Rescue teams in Kestrel Bay pulled two more bodies from the rubble on Monday, bringing the death toll from Sunday's magnitude 6.4 earthquake to 12.
            Dozens of aftershocks shook the town, and hundreds of residents spent the night in the open.
            Ilona Varga, Norvania's president, toured the harbour district and promised that damaged homes would be rebuilt.
            The Norvanian Seismological Service warned of further tremors in the coming days.
            """, "Daily Ledger", "2024-03-04T08:30:00Z"),
        Article("norvania-3", """
            Survivors of the Kestrel Bay earthquake wait for aid
            Families who lost their homes in the March 3 earthquake in Kestrel Bay queued for water and blankets at a school turned shelter.
            The 6.4-magnitude quake destroyed much of the old harbour district and killed 12 people, officials in Norvania said.
            President Varga's government has declared three days of national mourning.
            Engineers are inspecting the Kestrel Bay hospital, which was evacuated after cracks appeared in its walls.
            """, "Northern Wire", "2024-03-05"),
    ];

    public static Document[] MeridiaQuake =>
    [
        Article("meridia-1", """
            Earthquake kills three in Meridia's Pardo province
            A magnitude 5.8 earthquake struck the city of San Pardo in southern Meridia on Tuesday, August 19, 2025, killing three people and damaging hundreds of buildings.
            The quake hit at 2:40 p.m. at a depth of 25 km, Meridia's National Geophysics Institute said.
            Rescuers searched collapsed buildings in the market quarter of San Pardo.
            Governor Tomas Ruiz asked residents to stay away from damaged churches and schools.
            """, "Daily Ledger", "2025-08-19T16:10:00Z"),
        Article("meridia-2", """
            Aftershocks shake San Pardo after deadly quake
            Residents of San Pardo slept in parks on Tuesday night as aftershocks followed the magnitude 5.8 earthquake that killed three people.
            Governor Tomas Ruiz said 40 people had been injured and that schools across Pardo province would stay closed.
            The National Geophysics Institute recorded more than 30 aftershocks.
            Meridia's president sent soldiers to help clear rubble from the market quarter.
            """, "Coastal Herald", "2025-08-20"),
        Article("meridia-3", """
            Damage in San Pardo put at millions after August 19 quake
            Engineers in San Pardo said on Wednesday that 600 homes were damaged by the 5.8-magnitude earthquake that struck Meridia on August 19.
            Three people died when the roof of a bakery in the market quarter collapsed.
            Governor Ruiz said the province would ask for emergency funds.
            The National Geophysics Institute said the quake was the strongest in Pardo province since 1998.
            """, "Northern Wire", "2025-08-20T12:00:00Z"),
    ];

    public static Document[] HarbourStrike =>
    [
        Article("strike-1", """
            Dockworkers end nine-day strike at Port Calderon
            Dockworkers at Port Calderon returned to work on Friday after their union accepted a 7 percent pay rise, ending a nine-day strike that stranded more than 40 container ships.
            The Calderon Dockers Union said members voted 812 to 190 in favour of the deal.
            Port director Amara Nwosu said the backlog would take two weeks to clear.
            """, "Coastal Herald", "2025-06-13"),
        Article("strike-2", """
            Port Calderon strike over after union backs pay deal
            The nine-day strike at Port Calderon is over. The Calderon Dockers Union approved a 7 percent wage increase on Friday, with 812 votes for and 190 against.
            More than 40 container ships had been waiting offshore, and exporters warned of spoiled fruit cargoes.
            Amara Nwosu, the port's director, said cranes were running again by the afternoon.
            """, "Daily Ledger", "2025-06-13"),
        Article("strike-3", """
            Calderon dockers accept 7% raise, lifting port blockade
            Union members at Port Calderon voted to accept a 7% pay rise and end their strike, the Calderon Dockers Union said on Friday.
            The walkout, which began nine days ago, had left more than 40 ships at anchor.
            Director Amara Nwosu thanked the union and said clearing the backlog would take about two weeks.
            """, "Northern Wire", "2025-06-13"),
        Article("strike-4", """
            Ships move again at Port Calderon as strike ends
            Cranes at Port Calderon started unloading again after dockworkers ended their nine-day strike.
            The Calderon Dockers Union's members backed the 7 percent pay offer by 812 votes to 190.
            Port director Amara Nwosu said the more than 40 ships waiting offshore would be handled in order of arrival.
            """, "Harbour Times", "2025-06-14"),
        Article("strike-5", """
            Union vote ends Port Calderon walkout
            The nine-day walkout at Port Calderon ended on Friday when the Calderon Dockers Union accepted a 7 percent raise.
            Exporters said the strike had held up more than 40 ships, many carrying fruit.
            Amara Nwosu, who runs the port, said the backlog should be cleared within two weeks.
            """, "Evening Post", "2025-06-13"),
    ];
}
