namespace Sitrep;

/// <summary>
/// What a document reuses: an earlier document of the input (<see cref="Document"/>, its id) or an outlet
/// the text names as its origin that no document of the input is from (<see cref="Outlet"/>).
/// </summary>
public sealed record Derivation
{
    private Derivation(string? document, string? outlet, string evidence) => (Document, Outlet, Evidence) = (document, outlet, evidence);

    public static Derivation FromDocument(string id, string evidence) => new(id, null, evidence);

    public static Derivation FromOutlet(string outlet, string evidence) => new(null, outlet, evidence);

    public string? Document { get; }
    public string? Outlet { get; }

    /// <summary>Why it counts as reuse ("near-duplicate (Jaccard 0.91)", "original source line").</summary>
    public string Evidence { get; }

    /// <summary>The document id, else the outlet's name: what the contract's <c>derived_from</c> lists.</summary>
    public string Source => Document ?? Outlet!;
}
