using System.Diagnostics;

namespace Sitrep.Tests;

/// <summary>The command line as a child process (the build's own Sitrep.Cli.dll), its output captured.</summary>
public static class CliProcess
{
    public static Process Start(params string[] arguments) =>
        Process.Start(new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Sitrep.Cli.dll"), .. arguments])
            { RedirectStandardError = true, RedirectStandardOutput = true })!;
}
