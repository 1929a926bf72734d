namespace Sitrep;

/// <summary>TimeML's types of temporal expression.</summary>
public enum TimeType : byte { Date, Time, Duration, Set }

/// <summary>The TimeML names of <see cref="TimeType"/> (DATE, TIME, DURATION, SET), parsed once at the edge.</summary>
public static class TimeTypes
{
    private static readonly string[] Names = ["DATE", "TIME", "DURATION", "SET"];

    public static string Name(this TimeType type) => Names[(int)type];

    public static TimeType Parse(string name) => (TimeType)Array.IndexOf(Names, name) is var t && (int)t >= 0
        ? t : throw new FormatException($"'{name}' is not a TimeML type (DATE, TIME, DURATION, SET)");
}

/// <summary>
/// A temporal expression: its TimeML type and TIMEX3 value, and the calendar date the value names when
/// it names one ("2025-05-04", "2025-Q2" as its first month, "2025-W18" as its Monday), read once
/// here so that no later stage parses the value again.
/// </summary>
public sealed record TimeMention(TextSpan Span, string Text, TimeType Type, string Value)
{
    public int Start => Span.Start;
    public int End => Span.End;
    public PartialDate? Date { get; } = PartialDate.TryParse(Value, out var date) ? date : null;
}
