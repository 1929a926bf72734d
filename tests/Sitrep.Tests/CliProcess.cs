using System.Diagnostics;

namespace Sitrep.Tests;

/// <summary>The command line as a child process (the build's own Sitrep.Cli.dll), its output captured.</summary>
public static class CliProcess
{
    public static Process Start(params string[] arguments) => Start(new Dictionary<string, string>(), arguments);

    /// <summary>Starts the command with <paramref name="environment"/> added to this process's own.</summary>
    public static Process Start(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Sitrep.Cli.dll"), .. arguments])
            { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var (name, value) in environment) start.Environment[name] = value;
        return Process.Start(start)!;
    }

    /// <summary>Runs the command to its end (at most two minutes) and returns its exit code and both outputs, as lines.</summary>
    public static (int ExitCode, string[] Output, string[] Errors) Run(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        using var process = Start(environment, arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"sitrep {string.Join(' ', arguments)} did not end");
        }
        return (process.ExitCode, Lines(output.Result), Lines(errors.Result));
    }

    public static (int ExitCode, string[] Output, string[] Errors) Run(params string[] arguments) => Run(new Dictionary<string, string>(), arguments);

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
