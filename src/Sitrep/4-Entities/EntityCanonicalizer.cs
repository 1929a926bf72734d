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
        var defined = new Dictionary<string, EntityType>(StringComparer.Ordinal);
        for (int i = 0; i < mentions.Count; i++)
        {
            handles[i] = resolver.Add(mentions[i].Text, mentions[i].Type);
            if (i == 0) continue;
            if (DefinesInParentheses(document.Text, mentions[i - 1], mentions[i]))
            {
                resolver.Link(handles[i - 1], handles[i]);
                if (EntityResolver.Spells(mentions[i].Text, mentions[i - 1].Text)) defined.TryAdd(mentions[i].Text, mentions[i - 1].Type);
            }
            else if (NamesAgain(document.Text, mentions[i - 1], mentions[i])) resolver.Link(handles[i - 1], handles[i]);
        }
        for (int i = 0; i < mentions.Count; i++)
        {
            // An acronym the text defines is what it defines wherever it recurs: "DRC" after "Danish Refugee Council (DRC)" is the council, not a country.
            if (defined.TryGetValue(mentions[i].Text, out var type) && mentions[i].Type != type) mentions[i] = mentions[i] with { Type = type };
            mentions[i].Canonical = resolver.CanonicalOf(handles[i]);
        }
    }

    private static readonly string[] AliasCues = [.. DataFiles.Lines("Entities", "alias-cues.txt")];

    /// <summary>"Mohamed Hamdan Dagalo, widely known as Hemedti": a name, a few words ending in an alias cue, another name of the same type.</summary>
    private static bool NamesAgain(string text, EntityMention name, EntityMention other)
    {
        if (name.Type != other.Type || other.Start - name.End is < 2 or > 60) return false;
        var words = text[name.End..other.Start].ToLowerInvariant()
            .Split([' ', ',', '(', ')', '"', '\'', '\n', '\u2018', '\u2019', '\u201c', '\u201d'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 5) return false;
        var between = string.Join(' ', words);
        return AliasCues.Any(cue => between == cue || between.EndsWith(" " + cue, StringComparison.Ordinal));
    }

    /// <summary>"Rapid Support Forces (RSF)": the second mention sits alone in parentheses right after the first.</summary>
    private static bool DefinesInParentheses(string text, EntityMention name, EntityMention shortForm)
    {
        var between = text.AsSpan(name.End, shortForm.Start - name.End).Trim();
        return between is "(" or "[" && shortForm.End < text.Length && text[shortForm.End] is ')' or ']';
    }
}
