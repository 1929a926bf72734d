namespace Sitrep;

/// <summary>The CoNLL entity types, in the order of the CoNLL scheme's codes (PER, ORG, LOC, MISC).</summary>
public enum EntityType : byte { Person, Organization, Location, Misc }

/// <summary>The CoNLL codes of <see cref="EntityType"/>: what files and JSON say, parsed once at the edge.</summary>
public static class EntityTypes
{
    private static readonly string[] Codes = ["PER", "ORG", "LOC", "MISC"];

    public static string Code(this EntityType type) => Codes[(int)type];

    public static bool TryParse(ReadOnlySpan<char> code, out EntityType type)
    {
        for (int i = 0; i < Codes.Length; i++)
            if (code.SequenceEqual(Codes[i])) { type = (EntityType)i; return true; }
        type = default;
        return false;
    }

    public static EntityType Parse(string code) =>
        TryParse(code, out var type) ? type : throw new FormatException($"'{code}' is not a CoNLL entity type (PER, ORG, LOC, MISC)");
}

/// <summary>A named-entity mention: a span of the text, its type and the entity it names.</summary>
public sealed record EntityMention(TextSpan Span, string Text, EntityType Type)
{
    public EntityMention(int start, int end, string text, EntityType type) : this(new TextSpan(start, end), text, type) { }

    public int Start => Span.Start;
    public int End => Span.End;

    /// <summary>The name of the entity this mention refers to: the same string for every alias of it.</summary>
    public string? Canonical { get; set; }
}
