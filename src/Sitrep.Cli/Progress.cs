using System.Diagnostics;
using Spectre.Console;

namespace Sitrep.Cli;

/// <summary>
/// Progress of a long run on standard error: a live line on a terminal, nothing at all when
/// standard error is redirected (pipes, CI, scorers).
/// </summary>
public abstract class Progress : IDisposable
{
    /// <param name="outputOnTerminal">Records go to the same terminal: a status line would tear them.</param>
    public static Progress Start(string verb, bool outputOnTerminal) =>
        Console.IsErrorRedirected || outputOnTerminal || Environment.GetEnvironmentVariable("CI") == "true"
            ? new Silent()
            : new Terminal(verb);

    public abstract void Advance(Document document);

    public virtual void Dispose() { }

    private sealed class Silent : Progress
    {
        public override void Advance(Document document) { }
    }

    /// <summary>Redraws one status line at most ten times a second, from the thread that writes output.</summary>
    private sealed class Terminal(string verb) : Progress
    {
        private readonly IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private long lastDraw;
        private int count;
        private long characters;

        public override void Advance(Document document)
        {
            count++;
            characters += document.Text.Length;
            if (clock.ElapsedMilliseconds - lastDraw < 100) return;
            lastDraw = clock.ElapsedMilliseconds;
            Draw();
        }

        private void Draw()
        {
            double seconds = Math.Max(clock.Elapsed.TotalSeconds, 1e-3);
            console.Markup($"\r[grey]{verb}[/] [bold]{count:N0}[/] documents  {count / seconds:N0}/s  {characters / seconds / 1e6:N1} MB/s ");
        }

        public override void Dispose()
        {
            if (count == 0) return;
            Draw();
            console.WriteLine();
        }
    }
}
