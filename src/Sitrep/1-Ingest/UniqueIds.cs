using System.Security.Cryptography;
using System.Text;

namespace Sitrep.Ingest;

/// <summary>
/// Keeps every id of a run naming one text. The same id with the same content again (a folder or
/// a feed given twice) is a repeat: read once, and reported. The same id with other content (two
/// folders each holding <c>report.txt</c>) is another article: kept, under the next free
/// <c>ID#N</c>, and reported, so that nothing an outlet published disappears.
/// </summary>
public sealed class UniqueIds(IProblemSink problems)
{
    private readonly Dictionary<string, (string Hash, SourceLocation Source)> seen = new(StringComparer.Ordinal);

    public IEnumerable<Document> Filter(IEnumerable<Document> documents)
    {
        foreach (var document in documents)
        {
            var hash = ContentHash(document);
            if (seen.TryGetValue(document.Id, out var first))
            {
                if (first.Hash == hash)
                {
                    problems.Report(new Problem(document.Source, $"repeats {document.Id} of {first.Source} (same content); read once"));
                    continue;
                }
                var taken = document.Id;
                document.Id = NextFree(taken, id => seen.ContainsKey(id));
                problems.Report(new Problem(document.Source, $"id {taken} is taken by {first.Source} (other content); read as {document.Id}"));
            }
            seen[document.Id] = (hash, document.Source);
            yield return document;
        }
    }

    /// <summary>The first of <c>ID#2</c>, <c>ID#3</c>, ... not taken.</summary>
    public static string NextFree(string id, Func<string, bool> taken)
    {
        for (int n = 2; ; n++)
            if (!taken($"{id}#{n}")) return $"{id}#{n}";
    }

    /// <summary>What makes two records the same article: the page as it arrived, or the text when there was no page.</summary>
    public static string ContentHash(Document document) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(document.Html ?? document.Text)));
}
