using System.Text.RegularExpressions;
using Sitrep.Store;

namespace Sitrep.Web;

/// <summary>
/// A search for a name also finds the articles that call it otherwise: when the query holds a name
/// an analysed story merged with others (Jolani and Golani, one actor), the query is searched again
/// with each other name in its place.
/// </summary>
public static class AliasQueries
{
    /// <summary>Queries searched at most, the user's own included: each is a search of the store.</summary>
    public const int Max = 4;

    /// <summary>The query, then the same with another name of each name it holds, at most <see cref="Max"/> in all.</summary>
    public static IReadOnlyList<string> Of(string query, IEnumerable<IReadOnlyList<string>> names)
    {
        var queries = new List<string> { query };
        foreach (var group in names)
        {
            // The longest name first: "Abu Mohammad al-Jolani" before "Jolani".
            var found = group.OrderByDescending(n => n.Length).FirstOrDefault(n => Holds(query, n));
            if (found == null) continue;
            foreach (var other in group.Where(n => !n.Equals(found, StringComparison.OrdinalIgnoreCase)))
            {
                var alternative = Regex.Replace(query, Word(found), other.Replace("$", "$$"), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
                if (!queries.Contains(alternative, StringComparer.OrdinalIgnoreCase)) queries.Add(alternative);
                if (queries.Count == Max) return queries;
            }
        }
        return queries;
    }

    /// <summary>The hits of each query in turn, each article once.</summary>
    public static IReadOnlyList<SearchHit> Hits(IReadOnlyList<string> queries, Func<string, IReadOnlyList<SearchHit>> search)
    {
        var hits = new List<SearchHit>();
        foreach (var query in queries)
            hits.AddRange(search(query).Where(h => hits.All(known => known.Id != h.Id)).ToList());
        return hits;
    }

    private static bool Holds(string query, string name) =>
        name.Length > 2 && Regex.IsMatch(query, Word(name), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static string Word(string name) => $@"(?<!\w){Regex.Escape(name)}(?!\w)";
}
