using Sitrep.Text;

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
        // The document's tokens when they cover its whole text; a page's cover only its body.
        var shared = document.Body.Count == 0 && document.Tokens.Count > 0 ? document.Tokens : Tokenizer.Tokenize(document.Text);
        var toponyms = finder.Find(document.Text, shared, document.Entities);
        var entries = resolver.Resolve(toponyms);
        var placedNearby = AttachFeatures(document.Text, toponyms, entries);
        var tagged = document.Entities.ToList();
        for (int i = 0; i < toponyms.Count; i++)
        {
            var t = toponyms[i];
            var e = entries[i];
            // A place inside an organisation's name ("Kharkiv Regional Administration") or named by
            // its people ("Syrian") is still a place the text mentions; it just names no LOC entity.
            if (t.Role is ToponymRole.Organisation or ToponymRole.Demonym && e == null) continue;
            if (t.Role == ToponymRole.Feature && t.Candidates.Count == 0 && e == null) continue; // a feature we cannot place
            // A feature, or a place placed by its neighbours, keeps its own name and takes the position of the place it belongs to.
            document.Places.Add(t.Role == ToponymRole.Feature || placedNearby[i]
                ? new PlaceMention(new TextSpan(t.Start, t.End), t.Text, t.Text, NullIfEmpty(e?.Country), PointOf(e), PlaceKind.Feature)
                : new PlaceMention(new TextSpan(t.Start, t.End), t.Text, e?.Name, NullIfEmpty(e?.Country), PointOf(e), e?.Kind)
                {
                    Context = t.Role switch { ToponymRole.Organisation => PlaceContext.Organisation, ToponymRole.Demonym => PlaceContext.Demonym, _ => null },
                });
            if (t.Role is ToponymRole.Place or ToponymRole.Feature && !tagged.Any(x => x.Start < t.End && t.Start < x.End))
                document.Entities.Add(new EntityMention(t.Start, t.End, t.Text, EntityType.Location));
        }
        document.Entities.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
    }

    /// <summary>
    /// A named feature, or a place the gazetteer does not know ("Ghouta", "Grants Town"), lies at the
    /// nearest place of its sentence; a place with none there, at the town the document names most
    /// (local news names its streets and suburbs around its own town).
    /// </summary>
    /// <returns>Which toponyms took another place's position.</returns>
    private static bool[] AttachFeatures(string text, IReadOnlyList<Toponym> toponyms, GazetteerEntry?[] entries)
    {
        var resolved = entries.ToArray();
        var placed = new bool[toponyms.Count];
        GazetteerEntry? main = resolved.Where((e, j) => e is { Kind: PlaceKind.City } && toponyms[j].Role == ToponymRole.Place)
            .GroupBy(e => e!.Id).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.First()).FirstOrDefault();
        for (int i = 0; i < toponyms.Count; i++)
        {
            if (toponyms[i].Role is not (ToponymRole.Feature or ToponymRole.Place) || resolved[i] != null) continue;
            int best = -1, distance = int.MaxValue;
            for (int j = 0; j < toponyms.Count; j++)
            {
                if (resolved[j] is not { Kind: PlaceKind.City or PlaceKind.Admin2 or PlaceKind.Admin1 } || toponyms[j].Role != ToponymRole.Place) continue;
                int from = Math.Min(toponyms[i].End, toponyms[j].End), to = Math.Max(toponyms[i].Start, toponyms[j].Start);
                if (from < to && text.AsSpan(from, to - from).IndexOfAny(".!?\n") >= 0) continue; // another sentence
                int d = Math.Abs(toponyms[i].Start - toponyms[j].Start);
                if (d < distance) (best, distance) = (j, d);
            }
            entries[i] = best >= 0 ? resolved[best] : toponyms[i].Role == ToponymRole.Place ? main : null;
            placed[i] = entries[i] != null;
        }
        return placed;
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;

    private static GeoPoint? PointOf(GazetteerEntry? e) => e == null ? null : new GeoPoint(e.Lat, e.Lon);
}
