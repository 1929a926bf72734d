using Sitrep.Composition;
using System.CommandLine;
using System.CommandLine.Parsing;

namespace Sitrep.Cli;

/// <summary>The <c>sitrep</c> command tree (CONTRACT.md). Exit codes: 0 success, 1 some input unreadable, 2 bad usage.</summary>
public static class SitrepCommandLine
{
    public const int Success = 0, InputProblems = 1, BadUsage = 2;

    public static RootCommand Build()
    {
        var root = new RootCommand("Sitrep: turns news articles from many outlets into one verified situation picture.") { HelpName = "sitrep" };
        root.Subcommands.Add(Extract());
        root.Subcommands.Add(Annotate());
        root.Subcommands.Add(Parse());
        root.Subcommands.Add(Cluster());
        root.Subcommands.Add(Analyze());
        root.Subcommands.Add(Ingest());
        root.Subcommands.Add(Watch());
        root.Subcommands.Add(Worker());
        root.Subcommands.Add(Serve());
        root.Subcommands.Add(TrainCommand.Build());
        root.Subcommands.Add(About());
        return root;
    }

    private static Command About()
    {
        var command = new Command("about", "Prints the licence notice: every data source Sitrep ships, its licence and attribution.");
        command.SetAction(_ =>
        {
            using var notice = typeof(SitrepCommandLine).Assembly.GetManifestResourceStream("Sitrep.Cli.NOTICE")!;
            using var reader = new StreamReader(notice);
            Console.Out.Write(reader.ReadToEnd());
            return Success;
        });
        return command;
    }

    /// <summary>The help command for the command a parse ended in, e.g. <c>sitrep analyze --help</c>.</summary>
    public static string HelpFor(ParseResult parsed)
    {
        var names = new List<string>();
        for (var result = parsed.CommandResult; result.Parent is CommandResult parent; result = parent) names.Insert(0, result.Command.Name);
        return string.Join(' ', ["sitrep", .. names, "--help"]);
    }

    /// <summary>
    /// Input files and folders. A word that starts with '-' (other than '-', standard input) and
    /// names no file is an option this command does not have, not a missing file.
    /// </summary>
    private static Argument<string[]> Inputs()
    {
        var inputs = new Argument<string[]>("INPUT")
        {
            Description = "Files, folders (walked recursively) and '-' for JSON Lines on standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        inputs.Validators.Add(result =>
        {
            foreach (var word in result.GetValueOrDefault<string[]>() ?? [])
                if (word.Length > 1 && word[0] == '-' && !Path.Exists(word)) result.AddError($"unknown option {word}");
        });
        return inputs;
    }

    /// <summary><c>--create</c>: the commands that read a store refuse one that does not exist, so that a mistyped name is not a new, empty store.</summary>
    private static Option<bool> Create() => new("--create") { Description = "Make the store when it does not exist (ingest makes one too)." };

    private static void RequireStore<T>(Command command, Option<T> database, Option<bool> create) =>
        command.Validators.Add(result =>
        {
            if (result.GetValue(database) is string path && !result.GetValue(create) && Missing(path))
                result.AddError($"{path}: no such store ('sitrep ingest INPUT... --db {path}' makes one, --create an empty one)");
        });

    /// <summary>An SQLite file that is not there; a PostgreSQL address is checked by connecting.</summary>
    private static bool Missing(string database) => !Store.PostgresArticleStore.IsAddress(database) && !File.Exists(database);

    private static Option<string?> Out(string what) => new("--out", "-o") { Description = what };

    private static Command Extract()
    {
        var inputs = Inputs();
        var output = Out("Write JSON Lines here instead of standard output.");
        var command = new Command("extract", "Recovers each article's body and metadata (JSON Lines, one record per article).") { inputs, output };
        command.SetAction(parsed => new DocumentRun(Pipeline.Extraction(), JsonRecords.Extracted, "extracted")
            .Run(parsed.GetValue(inputs)!, parsed.GetValue(output)));
        return command;
    }

    private static Command Annotate()
    {
        var inputs = Inputs();
        var output = Out("Write JSON Lines here instead of standard output.");
        var command = new Command("annotate", "Finds entities, places and time expressions with exact offsets (JSON Lines).") { inputs, output };
        command.SetAction(parsed => new DocumentRun(Pipeline.Annotation(), JsonRecords.Annotated, "annotated")
            .Run(parsed.GetValue(inputs)!, parsed.GetValue(output)));
        return command;
    }

    private static Command Parse()
    {
        var inputs = Inputs();
        var output = Out("Write JSON Lines here instead of standard output.");
        var command = new Command("parse", "Part-of-speech tags, lemmas, features and dependency trees of every sentence (JSON Lines).") { inputs, output };
        command.SetAction(parsed => new DocumentRun(Pipeline.Parsing(), JsonRecords.Parsed, "parsed")
            .Run(parsed.GetValue(inputs)!, parsed.GetValue(output)));
        return command;
    }

    private static Command Cluster()
    {
        var inputs = Inputs();
        var output = Out("Write the JSON object here instead of standard output.");
        var command = new Command("cluster", "Groups documents into stories, as a stream delivers them (one JSON object).") { inputs, output };
        command.SetAction(parsed => ClusterRun.Run(parsed.GetValue(inputs)!, parsed.GetValue(output)));
        return command;
    }

    private static Command Analyze()
    {
        var inputs = Inputs();
        inputs.Arity = ArgumentArity.ZeroOrMore;
        var output = new Option<string>("--out", "-o") { Description = "The folder to write the report files into.", Required = true };
        var database = new Option<string?>("--db") { Description = "A store to analyse (see ingest, worker): its own stories; with INPUTs, its articles regrouped with them." };
        var create = Create();
        var command = new Command("analyze", "Writes the fused situation picture (situation.json, report.html, report.md, events.csv, places.geojson) to --out DIR.")
            { inputs, output, database, create };
        RequireStore(command, database, create);
        command.Validators.Add(result =>
        {
            if (result.GetValue(inputs) is not { Length: > 0 } && result.GetValue(database) == null) result.AddError("give INPUT files or folders, or --db");
        });
        command.SetAction(parsed => AnalyzeRun.Run(parsed.GetValue(inputs) ?? [], parsed.GetValue(output)!, parsed.GetValue(database)));
        return command;
    }

    private static Command Ingest()
    {
        var inputs = Inputs();
        var database = Database("The store to keep the articles in");
        var command = new Command("ingest", "Stores and queues every article not stored yet (recognised by its content).") { inputs, database };
        command.SetAction(parsed => IngestRun.Run(parsed.GetValue(inputs)!, parsed.GetValue(database)!));
        return command;
    }

    private static Command Watch()
    {
        var folder = new Argument<string>("DIR") { Description = "The folder to follow (walked recursively)." };
        var database = Database("The store to keep the articles in");
        var every = new Option<double>("--every") { Description = "Seconds between looks at the folder.", DefaultValueFactory = _ => 2 };
        var command = new Command("watch", "Follows a growing folder and stores the articles of new and changed files until stopped (Ctrl+C).") { folder, database, every };
        command.SetAction((parsed, stop) => Task.FromResult(WatchRun.Run(parsed.GetValue(folder)!, parsed.GetValue(database)!, TimeSpan.FromSeconds(parsed.GetValue(every)), stop)));
        return command;
    }

    /// <summary>Where articles are kept: an SQLite file, or a PostgreSQL server shared by several workers.</summary>
    private static Option<string> Database(string what) => new("--db")
    {
        Description = what + ": an SQLite file, or postgres://user@host:port/database.",
        DefaultValueFactory = _ => "sitrep.db",
    };

    private static Command Worker()
    {
        var database = Database("The store whose queued articles to read");
        var name = new Option<string?>("--name") { Description = "This worker's name in the store (default: machine:process)." };
        var batch = new Option<int>("--batch") { Description = "Articles claimed per transaction.", DefaultValueFactory = _ => 128 };
        var untilEmpty = new Option<bool>("--until-empty") { Description = "Stop when no article is queued instead of waiting for more." };
        var every = new Option<double>("--every") { Description = "Seconds between looks at an empty queue.", DefaultValueFactory = _ => 1 };
        var create = Create();
        var command = new Command("worker", "Reads a store's queued articles into stories, sharing the queue with any other workers.")
            { database, name, batch, untilEmpty, every, create };
        RequireStore(command, database, create);
        batch.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1) result.AddError("--batch must be at least 1");
        });
        command.SetAction((parsed, stop) => Task.FromResult(WorkerRun.Run(parsed.GetValue(database)!, parsed.GetValue(name), parsed.GetValue(batch),
            parsed.GetValue(untilEmpty), TimeSpan.FromSeconds(parsed.GetValue(every)), stop)));
        return command;
    }

    private static Command Serve()
    {
        var database = Database("The store of articles (see ingest)");
        var port = new Option<int>("--port") { Description = "The port on 127.0.0.1.", DefaultValueFactory = _ => 8080 };
        var create = Create();
        var command = new Command("serve", "Serves the stories of a store on 127.0.0.1: pages, search and a JSON API.") { database, port, create };
        RequireStore(command, database, create);
        command.SetAction(async (parsed, stop) =>
        {
            var store = parsed.GetValue(database)!;
            using var server = Web.StoryServer.Open(store);
            try
            {
                await server.RunAsync(parsed.GetValue(port), line => Console.Error.WriteLine($"sitrep: {line}"), stop);
            }
            catch (IOException e) when (e.InnerException is { } reason && !stop.IsCancellationRequested)
            {
                // Kestrel's bind failure: the port is taken or not ours to use.
                Console.Error.WriteLine($"sitrep: cannot serve {store} on 127.0.0.1:{parsed.GetValue(port)}: {reason.Message}");
                return BadUsage;
            }
            return Success;
        });
        return command;
    }
}
