namespace Sitrep.Places;

/// <summary>
/// The places step: finds the place names of a document (<see cref="ToponymFinder"/>), resolves
/// them to gazetteer entries (<see cref="PlaceResolver"/>) and adds them to
/// <see cref="Document.Places"/>, each also as a LOC entity when the entity step did not tag it.
/// Place names inside organisation names and demonyms only inform the resolution.
/// </summary>
public sealed class Geoparser(Gazetteer gazetteer, WordLists words) : IDocumentStep
{
    private readonly ToponymFinder finder = new(gazetteer, words);
    private readonly PlaceResolver resolver = new();

    public Geoparser() : this(Gazetteer.Default, WordLists.Default) { }

    public void Process(Document document)
    {
        var toponyms = finder.Find(document.Text, document.Entities);
        var entries = resolver.Resolve(toponyms);
        var tagged = document.Entities.ToList();
        for (int i = 0; i < toponyms.Count; i++)
        {
            var t = toponyms[i];
            if (t.Role is not (ToponymRole.Place or ToponymRole.Feature) && Environment.GetEnvironmentVariable("GEO_ALL") == null) continue;
            var e = entries[i];
            document.Places.Add(new PlaceMention(t.Start, t.End, t.Text, e?.Name, NullIfEmpty(e?.Country), e?.Lat, e?.Lon,
                t.Role == ToponymRole.Feature ? "feature" : KindName(e)));
            if (!tagged.Any(x => x.Start < t.End && t.Start < x.End))
                document.Entities.Add(new EntityMention(t.Start, t.End, t.Text, "LOC"));
        }
        document.Entities.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;

    private static string? KindName(GazetteerEntry? e) => e?.Kind switch
    {
        null => null,
        PlaceKind.City => "city",
        PlaceKind.Admin1 or PlaceKind.Admin2 => "admin",
        PlaceKind.Country => "country",
        _ => "feature", // continents and large regions: named areas with no administration
    };
}
