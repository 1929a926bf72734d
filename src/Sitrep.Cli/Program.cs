using System.CommandLine;
using System.Data.Common;
using Sitrep.Cli;
using Sitrep.Store;

var parsed = SitrepCommandLine.Build().Parse(args);
int code;
try
{
    code = parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
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
// System.CommandLine answers a parse error with 1; the contract keeps 1 for unreadable input.
return parsed.Errors.Count > 0 ? SitrepCommandLine.BadUsage : code;
