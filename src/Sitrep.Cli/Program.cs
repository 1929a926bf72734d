using Sitrep.Cli;

return SitrepCommandLine.Build().Parse(args).Invoke();
