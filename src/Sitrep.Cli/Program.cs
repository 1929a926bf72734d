using Sitrep.Cli;

var parsed = SitrepCommandLine.Build().Parse(args);
int code = parsed.Invoke();
// System.CommandLine answers a parse error with 1; the contract keeps 1 for unreadable input.
return parsed.Errors.Count > 0 ? SitrepCommandLine.BadUsage : code;
