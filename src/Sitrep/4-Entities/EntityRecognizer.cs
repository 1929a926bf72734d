using Sitrep.Text;

namespace Sitrep.Entities;

/// <summary>
/// Finds the named entities of a document (PER, ORG, LOC, MISC) with the shipped tagger, over the
/// tokens and sentences of the text stage.
/// </summary>
public sealed class EntityRecognizer(EntityModel? model = null, EntityGazetteer? gazetteer = null) : IDocumentStep
{
    private readonly SentenceSplitter _splitter = new();

    // The shipped model loads in the background from the moment the pipeline is built, while the
    // steps after this one load their own data.
    private readonly Task _loading = model is null ? Task.Run(() => (EntityModel.Shipped, EntityGazetteer.Shipped)) : Task.CompletedTask;

    public void Process(Document document)
    {
        _splitter.Process(document);
        var labels = (model ?? EntityModel.Shipped).Tag(document.Text, document.Tokens, document.Sentences, gazetteer ?? EntityGazetteer.Shipped);
        foreach (var (first, end, type) in Spans(labels))
        {
            int start = document.Tokens[first].Start, stop = document.Tokens[end - 1].End;
            document.Entities.Add(new EntityMention(start, stop, document.Text[start..stop], (EntityType)(type - 1)));
        }
    }

    /// <summary>Token ranges [first, end) and types (1-based) of the entities in a BIO label sequence.</summary>
    internal static IEnumerable<(int First, int End, int Type)> Spans(byte[] labels)
    {
        int i = 0;
        while (i < labels.Length)
        {
            int type = EntityLabels.TypeOf(labels[i]);
            if (type == 0) { i++; continue; }
            int first = i++;
            while (i < labels.Length && labels[i] == EntityLabels.Begin(type) + 1) i++;
            yield return (first, i, type);
        }
    }
}
