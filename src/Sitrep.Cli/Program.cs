using System.CommandLine;
using System.Data.Common;
using Sitrep.Cli;
using Sitrep.Store;

var parsed = SitrepCommandLine.Build().Parse(args);
if (parsed.Errors.Count > 0 && parsed.Action is not System.CommandLine.Help.HelpAction)
{
    // One line per mistake and where to read more, instead of the whole help text.
    foreach (var error in parsed.Errors) Console.Error.WriteLine($"sitrep: {error.Message} (see '{SitrepCommandLine.HelpFor(parsed)}')");
    return SitrepCommandLine.BadUsage;
}
try
{
    return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e) when (e is StoreException or DbException)
{
    // A store that cannot be opened, or a server lost mid-run: one line, no stack trace.
    Console.Error.WriteLine($"sitrep: {e.Message}");
    return SitrepCommandLine.InputProblems;
}
catch (Exception e) when (e is not OutOfMemoryException)
{
    // A fault of the engine itself: still one line, and whatever was written stays whole.
    var fault = e is AggregateException { InnerException: { } inner } ? inner : e;
    Console.Error.WriteLine($"sitrep: failed: {fault.GetType().Name}: {fault.Message}");
    return SitrepCommandLine.InputProblems;
}
