using Sitrep.Situation;
using Sitrep.Tests.Situation;

namespace Sitrep.Tests.Report;

/// <summary>
/// An invented situation for the report's tests (no real outlet or article): five outlets cover a
/// rebel offensive round Goma (a town captured, drone strikes, shelling, people fleeing towards two
/// cities, a ceasefire whose start they disagree on, a toll of 7 or nine), one rewrites another and
/// says so, one lists its sources; two more cover an unrelated strike in northern Mali. One title
/// and one sentence carry a script that would mark the page if it ever ran.
/// </summary>
public static class KivuCoverage
{
    private const string Sake = "CD:-1.5736:29.0435", Goma = "CD:-1.6585:29.2205", Minova = "CD:-1.7069:29.0156", Bukavu = "CD:-2.5083:28.8608";
    private const string Menaka = "ML:15.9182:2.4022", Gao = "ML:16.2717:-0.0447";

    public const string ScriptTitle = "Shelling reaches Goma airport <script>window.__pwned = 1; document.title = 'pwned'</script>";

    public static SituationPicture Picture()
    {
        var kivu = new[]
        {
            MarkedText.Document("kivu-courier", $$"""
                {ORG M23} rebels captured the town of {PLACE Sake={{Sake}}} on {DATE Monday=2026-02-09} after two days of fighting with the {ORG Armed Forces of the Democratic Republic of the Congo} ({ORG FARDC=Armed Forces of the Democratic Republic of the Congo}).
                Thousands of residents fled {PLACE Sake={{Sake}}} towards {PLACE Goma={{Goma}}}, aid workers said.
                Army drones struck rebel positions near {PLACE Sake={{Sake}}} on {DATE Tuesday=2026-02-10}, killing 7 civilians.
                A ceasefire brokered by {LOC Angola} took effect on {DATE Wednesday=2026-02-11}, officials said.
                If the rebels advance on {PLACE Goma={{Goma}}}, the {ORG United Nations} may evacuate its staff.
                """, published: "2026-02-11", title: "M23 seizes Sake as thousands flee towards Goma", outlet: "Kivu Courier"),
            MarkedText.Document("great-lakes-monitor", $$"""
                Fighters of the {ORG March 23 Movement (M23)=M23} seized {PLACE Sake={{Sake}}} on {DATE Monday=2026-02-09}.
                Drones of the {ORG FARDC=Armed Forces of the Democratic Republic of the Congo} struck rebel positions near {PLACE Sake={{Sake}}} on {DATE Tuesday=2026-02-10}, killing nine civilians.
                {ORG M23} artillery shelled the airport in {PLACE Goma={{Goma}}} on {DATE Tuesday=2026-02-10}.
                A ceasefire brokered by {LOC Angola} took effect on {DATE Thursday=2026-02-12}, mediators said.
                """, published: "2026-02-11", title: ScriptTitle, outlet: "Great Lakes Monitor"),
            MarkedText.Document("lake-kivu-wire", $$"""
                {ORG M23} rebels captured the town of {PLACE Sake={{Sake}}} on {DATE Monday=2026-02-09} after two days of fighting.
                Thousands of residents fled {PLACE Sake={{Sake}}} towards {PLACE Goma={{Goma}}}, aid workers said.
                A ceasefire brokered by {LOC Angola} took effect on {DATE Wednesday=2026-02-11}, officials said.
                """, title: "Rebels take Sake", outlet: "Lake Kivu Wire"),
            MarkedText.Document("east-africa-review", $$"""
                The {ORG United Nations Office for the Coordination of Humanitarian Affairs} ({ORG OCHA=United Nations Office for the Coordination of Humanitarian Affairs}) said 40,000 people had fled {PLACE Minova={{Minova}}} towards {PLACE Bukavu={{Bukavu}}} since {DATE Sunday=2026-02-08}.
                {ORG M23} artillery shelled the airport in {PLACE Goma={{Goma}}} on {DATE Tuesday=2026-02-10}.
                Food prices in {PLACE Goma={{Goma}}} could double in the coming weeks, traders warned.
                """, published: "2026-02-12", title: "Humanitarian agencies warn of crisis around Goma", outlet: "East Africa Review"),
            MarkedText.Document("goma-dispatch", $$"""
                {ORG M23} rebels captured {PLACE Sake={{Sake}}} on {DATE Monday=2026-02-09}, residents said.
                {ORG Kinshasa} accused {LOC Rwanda} of backing the {ORG M23} offensive.
                A leaflet handed out in {PLACE Goma={{Goma}}} read <script>window.__pwnedBody = 1</script> before police tore it down.
                """, published: "2026-02-11", title: "Kinshasa blames Rwanda for Sake offensive", outlet: "Goma Dispatch"),
        };
        kivu[0].Url = "https://www.kivucourier.com/news/sake-falls";
        kivu[2].OriginalSource = "www.kivucourier.com";
        kivu[3].CitedSources.AddRange(["OCHA", "Reuters"]);
        MarkedText.FindDerivations(kivu);

        var mali = new[]
        {
            MarkedText.Document("sahel-observer", $$"""
                Drones struck a market in {PLACE Menaka={{Menaka}}} on {DATE Friday=2026-02-06}, killing 4 traders.
                Hundreds of families fled {PLACE Menaka={{Menaka}}} towards {PLACE Gao={{Gao}}}.
                """, published: "2026-02-07", title: "Drone strike on Menaka market", outlet: "Sahel Observer"),
            MarkedText.Document("niger-bend-news", $$"""
                A drone strike hit a market in {PLACE Menaka={{Menaka}}} on {DATE Friday=2026-02-06}, killing 4 traders.
                """, published: "2026-02-07", title: "Market hit in Menaka", outlet: "Niger Bend News"),
        };

        var analyzer = StoryAnalyzer.Default();
        return new SituationPicture([.. kivu, .. mali], [analyzer.Analyze("s1", kivu), analyzer.Analyze("s2", mali)]);
    }
}
