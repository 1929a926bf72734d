namespace Sitrep;

/// <summary>An input that could not be read, reported as <c>FILE:LINE: reason</c>.</summary>
public sealed record Problem(SourceLocation Where, string Reason)
{
    public override string ToString() => $"{Where}: {Reason}";
}

/// <summary>Where readers report what they could not read; the rest of the input goes on.</summary>
public interface IProblemSink
{
    void Report(Problem problem);
}

/// <summary>Collects problems in memory (tests, and callers that decide later how to show them).</summary>
public sealed class ProblemList : IProblemSink
{
    private readonly List<Problem> problems = [];

    public IReadOnlyList<Problem> Items
    {
        get { lock (problems) return problems.ToArray(); }
    }

    public void Report(Problem problem)
    {
        lock (problems) problems.Add(problem);
    }
}
