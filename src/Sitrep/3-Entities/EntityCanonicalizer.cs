namespace Sitrep.Entities;

/// <summary>
/// Gives every entity mention of a document its canonical name (<see cref="EntityMention.Canonical"/>):
/// mentions of one entity share one name. An acronym in parentheses right after a name is linked to it.
/// </summary>
public sealed class EntityCanonicalizer(EntityAliases? aliases = null) : IDocumentStep
{
    public void Process(Document document)
    {
        var mentions = document.Entities;
        if (mentions.Count == 0) return;
        var resolver = new EntityResolver(aliases);
        var handles = new int[mentions.Count];
        for (int i = 0; i < mentions.Count; i++)
        {
            handles[i] = resolver.Add(mentions[i].Text, mentions[i].Type);
            if (i > 0 && DefinesInParentheses(document.Text, mentions[i - 1], mentions[i])) resolver.Link(handles[i - 1], handles[i]);
        }
        for (int i = 0; i < mentions.Count; i++) mentions[i].Canonical = resolver.CanonicalOf(handles[i]);
    }

    /// <summary>"Rapid Support Forces (RSF)": the second mention sits alone in parentheses right after the first.</summary>
    private static bool DefinesInParentheses(string text, EntityMention name, EntityMention shortForm)
    {
        var between = text.AsSpan(name.End, shortForm.Start - name.End).Trim();
        return between is "(" or "[" && shortForm.End < text.Length && text[shortForm.End] is ')' or ']';
    }
}
