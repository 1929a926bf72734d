namespace Sitrep.Places;

/// <summary>What a place name does in its sentence.</summary>
public enum ToponymRole : byte
{
    /// <summary>Names a place: "fighting in El Fasher".</summary>
    Place,
    /// <summary>Part of an organisation's name: "the Sudan Doctors Network". Context, not a place mention.</summary>
    Organisation,
    /// <summary>A demonym: "Syrian refugees". Tells which country the text is about, not a place mention.</summary>
    Demonym,
    /// <summary>A named feature that holds a place name: "the Kherson airport", "Dublin Airport".</summary>
    Feature,
}

/// <summary>
/// A place name found in a text, with every gazetteer entry it may name. <see cref="Container"/>
/// holds the entries of a place written right after it ("Paris, Texas"; "Gainesville, Ga.").
/// </summary>
public sealed record Toponym(int Start, int End, string Text, string Key, IReadOnlyList<NameMatch> Candidates, ToponymRole Role)
{
    /// <summary>True when the name met its entries only through a transliteration skeleton or a one-letter edit.</summary>
    public bool Fuzzy { get; init; }

    /// <summary>The entries of a containing place named right after this one, when there is one.</summary>
    public IReadOnlyList<NameMatch> Container { get; init; } = [];

    /// <summary>The name is a part of a town ("the Austin neighborhood"): only a namesake near the text's other places may be meant.</summary>
    public bool District { get; init; }

    /// <summary>The name says little of where the text is: it names a street ("Kenwood Avenue"). It votes less for its readings' regions.</summary>
    public bool Weak { get; init; }

    /// <summary>The text reads the name as a region: "Washington state", or a list of states.</summary>
    public bool RegionHint { get; init; }
}
