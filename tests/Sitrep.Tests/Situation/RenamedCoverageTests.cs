using System.Text.Json;
using System.Text.RegularExpressions;
using Sitrep.Cli;

namespace Sitrep.Tests.Situation;

/// <summary>
/// Metamorphic tests: every multi-outlet fixture analysed again with its people, places and
/// organisations consistently renamed to other real-looking names and its years shifted (by a number
/// of years that keeps every weekday) must give the same picture up to the renaming. A result that
/// depends on the fixture's exact spellings is fitted to the fixture, not to news.
/// </summary>
public sealed partial class RenamedCoverageTests
{
    public static TheoryData<string> Fixtures => ["el-fasher", "kharkiv", "cabo-delgado"];

    /// <summary>
    /// Each fixture's names and the names they become, spelling variants to spelling variants. Places
    /// become places of the same standing in the shipped gazetteer (GeoNames gives Kharkiv and Luhansk
    /// each one alternate spelling, Kupiansk and Chuhuiv each a district and a town spelled apart), so a
    /// difference shows a fitted rule, not a gap in GeoNames.
    /// </summary>
    private static readonly Dictionary<string, (string From, string To)[]> Renamings = new()
    {
        ["el-fasher"] =
        [
            ("Abdel Fattah al-Burhan", "Omar Khalid al-Tayeb"), ("Burhan", "Tayeb"),
            ("Mohamed Hamdan Dagalo", "Ibrahim Musa Abakar"), ("Hemedti", "Tigani"), ("Hemeti", "Tijani"),
            ("Amira Osman", "Layla Haddad"), ("Yusuf Adam", "Karim Nasser"),
            ("Rapid Support Forces", "National Defence Brigades"), ("RSF", "NDB"),
            ("Norwegian Refugee Council", "Danish Refugee Council"), ("NRC", "DRC"), ("Norwegian", "Danish"), ("Norway", "Denmark"),
            ("African Union", "Arab League"),
            ("El Fasher", "Nyala"), ("El Fashar", "Niyala"), ("Al Fashir", "Nyalah"),
            ("North Darfur", "South Darfur"), ("Tawila", "Kalma"),
            ("South Kordofan", "Blue Nile"), ("North Kordofan", "White Nile"), ("Kordofan", "Butana"),
            ("Saudi Hospital", "Turkish Hospital"),
        ],
        ["cabo-delgado"] =
        [
            ("Macomia", "Quissanga"), ("Pemba", "Montepuez"), ("Cabo Delgado", "Niassa"), ("Mocimboa da Praia", "Mueda"),
            ("International Organization for Migration", "World Food Programme"), ("IOM", "WFP"),
            ("Islamic State", "al-Qaeda"), ("Coastal Wire", "Harbour Wire"), ("Lusophone Post", "Atlantic Post"),
            ("Joana Sitoe", "Ana Macuacua"), ("Chile", "Peru"), ("SANTIAGO", "LIMA"), ("Maule", "Piura"),
        ],
        ["kharkiv"] =
        [
            ("Kharkiv", "Luhansk"), ("Kharkov", "Lugansk"),
            ("Kupiansk", "Chuhuiv"), ("Kupyansk", "Chuhuyiv"),
            ("Lake Baringo", "Lake Nakuru"), ("Baringo", "Nakuru"),
            ("Norwegian Refugee Council", "Danish Refugee Council"), ("NRC", "DRC"),
            ("International Committee of the Red Cross", "International Rescue Committee"), ("ICRC", "IRC"),
        ],
    };

    [Theory]
    [InlineData("kharkiv")]
    public void A_consistently_renamed_and_shifted_coverage_gives_the_same_picture(string fixture) => AssertSamePicture(fixture, Picture);

    [Theory(Skip = "open in issue 17: the entity tagger types 'Tawila' ORG but 'Kalma' LOC (so the displacement's place and merge differ) and "
                   + "'African Union' ORG but 'Arab League' MISC; cabo-delgado: 'International Organization for Migration' ORG but "
                   + "'World Food Programme' MISC, 'Quissanga' located in fewer documents than 'Macomia', so the events' places and merges differ; "
                   + "run without Skip to list the differences")]
    [InlineData("el-fasher")]
    [InlineData("cabo-delgado")]
    public void A_renamed_coverage_the_tagger_still_types_differently(string fixture) => AssertSamePicture(fixture, Picture);

    private static void AssertSamePicture(string fixture, Func<string, Func<string, string>, HashSet<string>> picture)
    {
        var names = Renamings[fixture];
        var original = Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture);
        int years = WeekdayKeepingShift(original);
        using var renamed = new TemporaryFolder();
        foreach (var file in Directory.EnumerateFiles(original).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)))
            File.WriteAllText(Path.Combine(renamed.Path, Path.GetFileName(file)), Rename(File.ReadAllText(file), names, years));

        var expected = picture(original, text => text);
        // Back from the renamed output; derived text (a contradiction's topic) may write names in lower case.
        (string, string)[] back = [.. names.Select(n => (n.To, n.From)), .. names.Select(n => (n.To.ToLowerInvariant(), n.From.ToLowerInvariant()))];
        var actual = picture(renamed.Path, text => Rename(text, back, -years));

        // Both sides in one message: "+" found only after renaming, "-" lost by it.
        string[] differences = [.. actual.Except(expected).Order().Select(l => "+ " + l), .. expected.Except(actual).Order().Select(l => "- " + l)];
        differences.ShouldBeEmpty($"renamed {fixture}, years +{years}:\n{string.Join("\n", differences)}\n");
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Each_renaming_is_one_to_one_so_the_output_maps_back(string fixture)
    {
        var names = Renamings[fixture];
        names.Select(n => n.To).Distinct().Count().ShouldBe(names.Length);
        names.Select(n => n.To).Intersect(names.Select(n => n.From)).ShouldBeEmpty();
    }

    /// <summary>
    /// The claims, contradictions, forecasts, summary, timeline and situations (what this layer adds
    /// above entities and places) of every multi-outlet fixture survive a consistent renaming.
    /// </summary>
    [Theory]
    [InlineData("cabo-delgado")]
    [InlineData("kharkiv")]
    [InlineData("el-fasher", Skip = "open in issue 17: 'Tawila' is typed ORG but 'Kalma' LOC, so two reports of one flight to it are one development only before renaming")]
    public void A_consistently_renamed_and_shifted_coverage_gives_the_same_claims_and_digest(string fixture) => AssertSamePicture(fixture, Digest);

    private static HashSet<string> Digest(string folder, Func<string, string> back)
    {
        using var output = new TemporaryFolder();
        AnalyzeRun.Run([folder], output.Path).ShouldBe(SitrepCommandLine.Success);
        var situation = JsonDocument.Parse(back(File.ReadAllText(Path.Combine(output.Path, "situation.json")))).RootElement;
        var lines = new HashSet<string>();
        foreach (var d in situation.GetProperty("documents").EnumerateArray())
            lines.Add($"document {S(d, "id")} published={S(d, "published")} inferred={d.GetProperty("published_inferred")} derived={L(d, "derived_from")}");
        foreach (var s in situation.GetProperty("stories").EnumerateArray())
        {
            var story = L(s, "documents");
            foreach (var c in Items(s, "claims")) lines.Add($"{story} claim {S(c, "text")} sources={L(c, "sources")} derived={L(c, "derived")} support={c.GetProperty("support")}");
            foreach (var c in Items(s, "contradictions"))
                lines.Add($"{story} contradiction {S(c, "about")}: {string.Join(" / ", Items(c, "statements").Select(st => $"{S(st, "value")} {L(st, "sources")}").Order())}");
            foreach (var f in Items(s, "forecasts")) lines.Add($"{story} forecast {S(f, "text")} if={S(f, "condition")} then={S(f, "outcome")} sources={L(f, "sources")}");
            foreach (var t in Items(s, "summary")) lines.Add($"{story} summary {S(t, "date")} {S(t, "text")} sources={L(t, "sources")}");
            // A line's sources follow the events' coreference, which renaming still moves (issue 17): the lines themselves must not move.
            foreach (var t in Items(s, "timeline")) lines.Add($"{story} timeline {S(t, "date")} {S(t, "text")}");
        }
        foreach (var v in Items(situation, "situations"))
            lines.Add($"situation {L(v, "documents")}: {Items(v, "summary").Count()} summary sentences, timeline {string.Join(",", Items(v, "timeline").Select(t => S(t, "date")))}");
        return lines;
    }

    [Fact]
    public void Renaming_replaces_whole_names_and_shifts_years_keeping_weekdays()
    {
        Rename("RSF drones hit El Fasher on Sunday, May 4, 2025 (RSFX).", [("RSF", "NDB"), ("El Fasher", "El Geneina")], 6)
            .ShouldBe("NDB drones hit El Geneina on Sunday, May 4, 2031 (RSFX).");
        new DateOnly(2031, 5, 4).DayOfWeek.ShouldBe(new DateOnly(2025, 5, 4).DayOfWeek);
    }

    /// <summary>Replaces whole-word names, longest first, then shifts every year 1900-2099.</summary>
    private static string Rename(string text, (string From, string To)[] names, int years)
    {
        foreach (var (from, to) in names.OrderByDescending(n => n.From.Length))
            text = Regex.Replace(text, $@"(?<![\w-]){Regex.Escape(from)}(?![\w-])", to.Replace("$", "$$"));
        return Year().Replace(text, m => (int.Parse(m.Value) + years).ToString());
    }

    /// <summary>The smallest shift of at least five years that keeps the weekday of the fixture's dates.</summary>
    private static int WeekdayKeepingShift(string folder)
    {
        var text = string.Concat(Directory.EnumerateFiles(folder).Select(File.ReadAllText));
        var stated = StatedDate().Matches(text).Select(m => DateOnly.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        stated.ShouldNotBeEmpty();
        return Enumerable.Range(5, 30).First(n => stated.All(d => d.AddYears(n).DayOfWeek == d.DayOfWeek && d.AddYears(n).Day == d.Day));
    }

    /// <summary>What the analysis says, as comparable lines, with the output's names and years mapped back.</summary>
    private static HashSet<string> Picture(string folder, Func<string, string> back)
    {
        using var output = new TemporaryFolder();
        AnalyzeRun.Run([folder], output.Path).ShouldBe(SitrepCommandLine.Success);
        var json = back(File.ReadAllText(Path.Combine(output.Path, "situation.json")));
        var situation = JsonDocument.Parse(json).RootElement;
        var lines = new HashSet<string>();
        foreach (var d in situation.GetProperty("documents").EnumerateArray())
            lines.Add($"document {S(d, "id")} published={S(d, "published")} inferred={d.GetProperty("published_inferred")} derived={L(d, "derived_from")}");
        foreach (var s in situation.GetProperty("stories").EnumerateArray())
        {
            var story = L(s, "documents");
            lines.Add($"story {story}: {Items(s, "claims").Count()} claims, {Items(s, "summary").Count()} summary sentences, {Items(s, "forecasts").Count()} forecasts");
            foreach (var e in Items(s, "entities")) lines.Add($"{story} actor {S(e, "name")} ({S(e, "type")}) aliases={L(e, "aliases")} documents={L(e, "documents")}");
            foreach (var p in Items(s, "places")) lines.Add($"{story} place {S(p, "name")} documents={L(p, "documents")} located={p.GetProperty("lat").ValueKind != JsonValueKind.Null}");
            foreach (var v in Items(s, "events"))
                lines.Add($"{story} event {S(v, "type")}/{S(v, "mode")} actor={S(v, "actor")} target={S(v, "target")} place={S(v, "place")} date={S(v, "date")} sources={L(v, "sources")}");
            foreach (var t in Items(s, "timeline")) lines.Add($"{story} timeline {S(t, "date")} sources={L(t, "sources")}");
            foreach (var c in Items(s, "contradictions"))
                lines.Add($"{story} contradiction {S(c, "about")}: {string.Join(" / ", Items(c, "statements").Select(st => S(st, "value")).Order())}");
        }
        return lines;
    }

    private static IEnumerable<JsonElement> Items(JsonElement e, string name) =>
        e.TryGetProperty(name, out var items) ? items.EnumerateArray() : [];

    private static string? S(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string L(JsonElement e, string name) => string.Join(",", Items(e, name).Select(x => x.GetString()).Order());

    [GeneratedRegex(@"(?<![\d.])(19|20)\d\d(?![\d])")]
    private static partial Regex Year();

    /// <summary>"2025-05-06" or "March 12, 2026".</summary>
    [GeneratedRegex(@"\b(19|20)\d\d-\d\d-\d\d(?!\d)|\b(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, (19|20)\d\d\b")]
    private static partial Regex StatedDate();

    private sealed class TemporaryFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("sitrep-renamed-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
