using Sitrep.Situation;

namespace Sitrep.Report;

/// <summary>How the report groups events for drawing: the kinds an analyst scans a map for first.</summary>
public static class EventKind
{
    public const string Strike = "strike", Capture = "capture", Displacement = "displacement", Other = "other";

    public static IReadOnlyList<string> All { get; } = [Strike, Capture, Displacement, Other];

    public static string Of(StoryEvent e) => e.Type switch
    {
        "ASSAULT" when e.Mode == "territory-captured" => Capture,
        "ASSAULT" => Strike,
        "DISPLACE" => Displacement,
        _ => Other,
    };

    /// <summary>"ASSAULT (aerial)", "DISPLACE".</summary>
    public static string Label(StoryEvent e) => e.Mode != null ? $"{e.Type} ({e.Mode})" : e.Type;
}
