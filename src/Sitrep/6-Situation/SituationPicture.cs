namespace Sitrep.Situation;

/// <summary>The whole situation picture: every document read, and the stories they make up.</summary>
public sealed record SituationPicture(IReadOnlyList<Document> Documents, IReadOnlyList<StoryPicture> Stories)
{
    /// <summary>What a document reuses (documents or outlets), from the story that holds it.</summary>
    public IReadOnlyList<string> DerivedFrom(Document document) =>
        Stories.Select(s => s.DerivedFrom.GetValueOrDefault(document.Id)).FirstOrDefault(d => d != null) ?? [];
}
