using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Sitrep.Stories;
using Sitrep.Text;

namespace Sitrep.Tests.Situation;

/// <summary>
/// Builds an annotated document from text with inline marks, so story-level tests state exactly
/// which annotations the earlier stages found:
/// <c>{ORG RSF=Rapid Support Forces}</c> an entity (text = canonical name),
/// <c>{PLACE El Fasher=SD:13.63:25.35}</c> a resolved place (also a LOC entity),
/// <c>{DATE Monday=2025-05-05}</c> a time expression.
/// </summary>
public static partial class MarkedText
{
    public static Document Document(string id, string marked, string? published = null, string? title = null, string? outlet = null)
    {
        var text = new StringBuilder();
        var document = new Document(id, new SourceLocation(id + ".txt")) { Title = title, Outlet = outlet, TextIsInput = true };
        int last = 0;
        foreach (Match m in Mark().Matches(marked))
        {
            text.Append(marked, last, m.Index - last);
            var (kind, surface, value) = (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Success ? m.Groups[3].Value : null);
            int start = text.Length;
            text.Append(surface);
            int end = text.Length;
            switch (kind)
            {
                case "PLACE":
                    var parts = value!.Split(':');
                    document.Places.Add(new PlaceMention(new TextSpan(start, end), surface, surface, parts[0],
                        new GeoPoint(double.Parse(parts[1], CultureInfo.InvariantCulture), double.Parse(parts[2], CultureInfo.InvariantCulture)), PlaceKind.City));
                    document.Entities.Add(new EntityMention(start, end, surface, EntityType.Location) { Canonical = surface });
                    break;
                case "DATE":
                    document.Times.Add(new TimeMention(new TextSpan(start, end), surface, TimeType.Date, value!));
                    break;
                default:
                    document.Entities.Add(new EntityMention(start, end, surface, EntityTypes.Parse(kind)) { Canonical = value ?? surface });
                    break;
            }
            last = m.Index + m.Length;
        }
        text.Append(marked, last, marked.Length - last);
        document.Text = text.ToString();
        document.Body.Add(new TextSpan(0, document.Text.Length));
        if (published != null && PartialDate.TryParse(published, out var date)) document.SetPublished(date, DateProvenance.Given);
        new SentenceSplitter().Process(document);
        return document;
    }

    /// <summary>What each document reuses, found in input order by the stories stage as analyze does.</summary>
    public static void FindDerivations(IReadOnlyList<Document> documents)
    {
        var index = new DerivationIndex();
        foreach (var document in documents)
        {
            document.DerivedFrom.Clear();
            document.DerivedFrom.AddRange(index.Add(document));
        }
    }

    [GeneratedRegex(@"\{(ORG|PER|LOC|MISC|PLACE|DATE) ([^=}]+)(?:=([^}]+))?\}")]
    private static partial Regex Mark();
}
