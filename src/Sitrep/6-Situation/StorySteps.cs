using Sitrep.Time;
using Sitrep.Text;

namespace Sitrep.Situation;

/// <summary>
/// A document of the story without a publication date gets one from its neighbours, marked inferred:
/// the date of the document it rewrites, else of the dated report nearest it in the stream that shares
/// most of its words (rewrites and follow-ups of one report appear within a day of it), never earlier
/// than the latest full date its own text states. Its time expressions are then resolved against it.
/// Never the story's latest or commonest date: an undated page of a two-week offensive is not dated
/// to the day the pile was gathered.
/// </summary>
public sealed class PublicationDateInference : IStoryStep
{
    private static readonly TemporalTagger TimeStage = new();

    /// <summary>How many dated documents before and after an undated one are its neighbours.</summary>
    private const int Neighbours = 25;

    public void Process(StoryPicture story)
    {
        var documents = story.Documents;
        var dated = documents.Select((d, i) => (Document: d, Position: i)).Where(x => x.Document.Published != null).ToList();
        if (dated.Count == 0) return;
        var words = new Dictionary<Document, HashSet<string>>();
        HashSet<string> WordsOf(Document d) => words.TryGetValue(d, out var w) ? w : words[d] = ContentWords(d);
        for (int i = 0; i < documents.Count; i++)
        {
            var document = documents[i];
            if (document.Published != null) continue;
            var original = document.DerivedFrom.Select(d => documents.FirstOrDefault(o => o.Id == d.Source && o.Published != null)).FirstOrDefault(o => o != null);
            var neighbour = original ?? dated.OrderBy(x => Math.Abs(x.Position - i)).Take(2 * Neighbours)
                .Select(x => (x.Document, Shared: Shared(WordsOf(document), WordsOf(x.Document)), Distance: Math.Abs(x.Position - i)))
                .OrderByDescending(x => x.Shared).ThenBy(x => x.Distance).Select(x => x.Document).First();
            var date = neighbour.Published!.Value;
            // Its own text bounds it from below: a page reporting "June 7, 2025" was not published before June 7.
            var stated = document.Times.Select(t => t.Date).Where(d => d is { Precision: >= DatePrecision.Day }).Select(d => d!.Value)
                .OrderByDescending(d => d.FirstDay).FirstOrDefault();
            if (stated.Precision >= DatePrecision.Day && stated.FirstDay > date.FirstDay) date = stated;
            document.SetPublished(PartialDate.TryParse(date.DateText(), out var day) ? day : date, DateProvenance.InferredFromStory);
            // "On Sunday" had nothing to resolve against; the time stage resolves it with the inferred date.
            TimeStage.Anchor(document);
        }
    }

    private static HashSet<string> ContentWords(Document d) =>
        SentenceWords.LowerWords(d.Text).Where(w => w.Length > 3 && !FactWords.StopWords.Contains(w)).ToHashSet();

    private static int Shared(HashSet<string> a, HashSet<string> b) => a.Count(b.Contains);
}

/// <summary>
/// Collects every document's sentences (the text stage's, within the body) with the mentions
/// inside each, and the sentences of the lead block printed before the headline.
/// </summary>
public sealed class SentenceCollector : IStoryStep
{
    public void Process(StoryPicture story)
    {
        foreach (var document in story.Documents)
        {
            int first = story.Sentences.Count;
            foreach (var (start, end) in Spans(document.Text, document.Tokens, document.Sentences))
                story.Sentences.Add(new StorySentence
                {
                    Document = document, Start = start, End = end, Index = story.Sentences.Count - first, Text = document.Text[start..end],
                    Entities = document.Entities.Where(e => e.Start >= start && e.End <= end).ToList(),
                    // Places named inside other names or by their people are where nothing happens.
                    Places = document.Places.Where(p => p.Start >= start && p.End <= end && p.Context == null).ToList(),
                    Times = document.Times.Where(t => t.Start >= start && t.End <= end).ToList(),
                });
            if (string.IsNullOrWhiteSpace(document.Lead)) continue;
            var lead = document.Lead;
            var tokens = Tokenizer.Tokenize(lead);
            foreach (var (start, end) in Spans(lead, tokens, Tokenizer.SplitSentences(lead, tokens)))
                story.Sentences.Add(new StorySentence
                {
                    Document = document, Start = start, End = end, Index = story.Sentences.Count - first, InLead = true,
                    Text = lead[start..end].TrimStart('-', '*', '•', ' '),
                });
        }
    }

    private static IEnumerable<(int Start, int End)> Spans(string text, IReadOnlyList<Token> tokens, IReadOnlyList<Sentence> sentences) =>
        sentences.Where(s => s.TokenCount > 0).Select(s => (tokens[s.FirstToken].Start, tokens[s.EndToken - 1].End));
}

/// <summary>
/// Which documents reuse which, as the stories stage found it (an "Original Source" line, aligned
/// sentences, near-duplicates): earlier documents' ids, or an outlet's name. A named outlet that
/// one of the story's documents comes from is that document, even when the rewrite arrived first;
/// when no document is known to come from it, the document the rewrite copies most sentences from.
/// </summary>
public sealed class ProvenanceFinder : IStoryStep
{
    public void Process(StoryPicture story)
    {
        var ids = story.Documents.Select(d => d.Id).ToHashSet();
        foreach (var document in story.Documents.Where(d => d.DerivedFrom.Count > 0))
            story.DerivedFrom[document.Id] = document.DerivedFrom
                .Select(d => ids.Contains(d.Source) ? d.Source
                    : (story.Documents.FirstOrDefault(o => o != document && SameOutlet(o, d.Source)) ?? MostCopied(story, document))?.Id ?? d.Source)
                .Distinct().ToList();
    }

    /// <summary>
    /// The story's document a rewrite shares most sentences with, word for word: its original when
    /// the original's outlet is not known by name (a text file has no URL).
    /// </summary>
    private static Document? MostCopied(StoryPicture story, Document rewrite)
    {
        var own = LongSentences(rewrite);
        return story.Documents.Where(o => o != rewrite)
            .Select(o => (Document: o, Shared: LongSentences(o).Count(own.Contains)))
            .Where(o => o.Shared > 0).OrderByDescending(o => o.Shared).Select(o => o.Document).FirstOrDefault();
    }

    private static HashSet<string> LongSentences(Document document) =>
        document.Sentences.Where(s => s.TokenCount >= 8)
            .Select(s => document.Text[document.Tokens[s.FirstToken].Start..document.Tokens[s.EndToken - 1].End]).ToHashSet();

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

/// <summary>The places of the story: mentions grouped by the gazetteer entry they resolve to (not those only inside other names or demonyms).</summary>
public sealed class PlaceAggregator : IStoryStep
{
    public void Process(StoryPicture story)
    {
        // Not after the article either: an author's biography or a comment form names places the story is not about.
        var mentions = story.Documents.SelectMany(d => d.Places.Where(p => p.Context == null && p.Start < ArticleEnd(d)).Select(p => (Document: d, Place: p)));
        foreach (var group in mentions.GroupBy(m => m.Place.Lat != null ? $"{m.Place.Name}|{m.Place.Country}" : m.Place.Text.ToLowerInvariant())
                                      .OrderByDescending(g => g.Count()))
        {
            var first = group.First().Place;
            var name = group.GroupBy(m => m.Place.Text).OrderByDescending(g => g.Count()).First().Key;
            story.Places.Add(new StoryPlace(name, first.Country, first.Point, first.Kind,
                group.Select(m => m.Document.Id).Distinct().ToList(), group.Count()));
        }
    }

    private static int ArticleEnd(Document d) => d.Body.Count > 0 ? d.Body[^1].End : d.Text.Length;
}
