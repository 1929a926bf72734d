using Sitrep.Stories;

namespace Sitrep.Situation;

/// <summary>
/// Annotated documents (the per-document pipeline and its story features done) to the whole
/// situation picture: stories grouped in input order, each analysed, in parallel.
/// </summary>
public static class SituationBuilder
{
    public static SituationPicture Build(IReadOnlyList<Document> documents)
    {
        var grouping = new StoryGrouping<Document>();
        foreach (var document in documents) grouping.Add(document, document);
        var analyzer = StoryAnalyzer.Default();
        var stories = grouping.Stories()
            .Select((members, i) => (Id: $"s{i + 1}", Members: members))
            .AsParallel().AsOrdered()
            .Select(s => analyzer.Analyze(s.Id, s.Members))
            .ToList();
        return new SituationPicture(documents, stories);
    }

    /// <summary>
    /// The picture of one story whose members are known already (a story of a store), each read by the
    /// per-document pipeline: what each reuses of the ones before it, and the story analysed.
    /// </summary>
    public static StoryPicture Story(string id, IReadOnlyList<Document> members)
    {
        var grouping = new StoryGrouping<Document>();
        foreach (var document in members) grouping.Add(document, document);
        return StoryAnalyzer.Default().Analyze(id, members);
    }
}
