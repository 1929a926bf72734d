using Sitrep.Situation;

namespace Sitrep.Report;

/// <summary>How the report groups events for drawing: the kinds an analyst scans a map for first.</summary>
public static class EventKind
{
    public const string Strike = "strike", Capture = "capture", Displacement = "displacement", Other = "other";

    public static IReadOnlyList<string> All { get; } = [Strike, Capture, Displacement, Other];

    /// <summary>The kind the event lexicon's map= setting gives the event's type and mode.</summary>
    public static string Of(StoryEvent e) => EventLexicon.Default.Setting(e.Type, e.Mode, "map") is { } kind && All.Contains(kind) ? kind : Other;

    /// <summary>"ASSAULT (aerial)", "DISPLACE".</summary>
    public static string Label(StoryEvent e) => e.Mode != null ? $"{e.Type} ({e.Mode})" : e.Type;
}
