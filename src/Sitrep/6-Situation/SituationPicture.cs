namespace Sitrep.Situation;

/// <summary>The whole situation picture: every document read, the stories they make up, and the situations the stories make up.</summary>
public sealed record SituationPicture(IReadOnlyList<Document> Documents, IReadOnlyList<StoryPicture> Stories)
{
    private readonly Lazy<IReadOnlyList<SituationView>> situations = new(() => SituationGrouper.Group(Stories));

    /// <summary>Related stories grouped (see <see cref="SituationGrouper"/>), computed when first asked for.</summary>
    public IReadOnlyList<SituationView> Situations => situations.Value;

    /// <summary>What a document reuses (documents or outlets), from the story that holds it.</summary>
    public IReadOnlyList<string> DerivedFrom(Document document) =>
        Stories.Select(s => s.DerivedFrom.GetValueOrDefault(document.Id)).FirstOrDefault(d => d != null) ?? [];
}
