namespace Sitrep.Situation;

/// <summary>
/// A document of the story without a publication date gets the date most of the others carry,
/// marked inferred: rewrites of one report appear within a day of it.
/// </summary>
public sealed class PublicationDateInference : IStoryStep
{
    public void Process(StoryPicture story)
    {
        var common = story.Documents.Where(d => d.Published != null && !d.PublishedInferred)
            .GroupBy(d => d.Published!.Value.DateText())
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => PartialDate.TryParse(g.Key, out var date) ? date : (PartialDate?)null)
            .FirstOrDefault();
        if (common == null) return;
        foreach (var document in story.Documents.Where(d => d.Published == null))
        {
            document.Published = common;
            document.PublishedInferred = true;
        }
    }
}

/// <summary>Splits every document of the story into sentences with their mentions.</summary>
public sealed class SentenceCollector : IStoryStep
{
    public void Process(StoryPicture story)
    {
        foreach (var document in story.Documents)
            story.Sentences.AddRange(SentenceSplitter.Split(document));
    }
}

/// <summary>
/// Which documents reuse which: a rewrite's "Original Source" line names an outlet, matched to the
/// story's document from that outlet when there is one.
/// </summary>
public sealed class ProvenanceFinder : IStoryStep
{
    public void Process(StoryPicture story)
    {
        foreach (var document in story.Documents.Where(d => d.OriginalSource != null))
        {
            var origin = story.Documents.FirstOrDefault(o => o != document && SameOutlet(o, document.OriginalSource!));
            story.DerivedFrom[document.Id] = [origin?.Id ?? document.OriginalSource!];
        }
    }

    private static bool SameOutlet(Document candidate, string source)
    {
        var wanted = Host(source);
        return wanted.Length > 0 && (Host(candidate.Url ?? "") == wanted || Host(candidate.Outlet ?? "") == wanted
                                     || (candidate.Outlet != null && wanted.StartsWith(Squash(candidate.Outlet) + ".", StringComparison.Ordinal)));
    }

    /// <summary>"https://www.Example-News.com/a/b" -> "example-news.com"; an outlet name passes through squashed.</summary>
    private static string Host(string s)
    {
        s = s.Trim().ToLowerInvariant();
        int scheme = s.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0) s = s[(scheme + 3)..];
        int slash = s.IndexOf('/');
        if (slash >= 0) s = s[..slash];
        if (s.StartsWith("www.")) s = s[4..];
        return s.Contains('.') ? s : Squash(s);
    }

    private static string Squash(string s) => new(s.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());
}

/// <summary>The places of the story: mentions grouped by the gazetteer entry they resolve to.</summary>
public sealed class PlaceAggregator : IStoryStep
{
    public void Process(StoryPicture story)
    {
        var mentions = story.Documents.SelectMany(d => d.Places.Select(p => (Document: d, Place: p)));
        foreach (var group in mentions.GroupBy(m => m.Place.Lat != null ? $"{m.Place.Name}|{m.Place.Country}" : m.Place.Text.ToLowerInvariant())
                                      .OrderByDescending(g => g.Count()))
        {
            var first = group.First().Place;
            var name = group.GroupBy(m => m.Place.Text).OrderByDescending(g => g.Count()).First().Key;
            story.Places.Add(new StoryPlace(name, first.Country, first.Lat, first.Lon, first.Kind,
                group.Select(m => m.Document.Id).Distinct().ToList(), group.Count()));
        }
    }
}
