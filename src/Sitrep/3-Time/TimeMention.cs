namespace Sitrep;

/// <summary>A temporal expression: its TimeML type (DATE, TIME, DURATION, SET) and TIMEX3 value.</summary>
public sealed record TimeMention(int Start, int End, string Text, string Type, string Value);
