namespace Sitrep;

/// <summary>A named-entity mention: a span of the text, its CoNLL type (PER, ORG, LOC, MISC) and the entity it names.</summary>
public sealed record EntityMention(int Start, int End, string Text, string Type)
{
    /// <summary>The name of the entity this mention refers to: the same string for every alias of it.</summary>
    public string? Canonical { get; set; }
}
