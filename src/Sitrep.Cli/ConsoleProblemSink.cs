namespace Sitrep.Cli;

/// <summary>Writes each problem to standard error at once, as FILE:LINE: reason, and counts them.</summary>
public sealed class ConsoleProblemSink : IProblemSink
{
    private int count;

    public int Count => Volatile.Read(ref count);

    public void Report(Problem problem)
    {
        Interlocked.Increment(ref count);
        lock (Console.Error) Console.Error.WriteLine(problem.ToString());
    }
}
