using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Sitrep.Tests;

/// <summary>
/// The command line's habits, as a user meets them in a terminal: a good report is never lost, one
/// line says what a run did or why it refused, and no mistake ends in a stack trace.
/// </summary>
public sealed class CliHabitsTests : TestFolder
{
    private const string Raid = "Gunmen raid Kidal market\n\nGunmen attacked the market in Kidal on Monday, killing four traders, officials said.\n";
    private const string Talks = "Talks resume in Algiers\n\nMalian officials and rebel leaders resumed talks in Algiers on Tuesday, mediators said.\n";

    private string Write(string name, string text)
    {
        var path = Path.Combine(Folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Every line a command wrote is a one-line message: no exception type, no "   at Namespace.Method" frames.</summary>
    private static void NoStackTrace(string[] lines)
    {
        lines.ShouldNotContain(line => line.TrimStart().StartsWith("at ") || line.Contains("Exception:") || line.Contains("Unhandled"));
    }

    [Fact]
    public void Analyze_says_what_it_wrote_in_one_line()
    {
        var inbox = Path.GetDirectoryName(Write("in/raid.txt", Raid))!;
        Write("in/talks.txt", Talks);
        var report = Path.Combine(Folder, "report");

        var (exitCode, output, errors) = CliProcess.Run("analyze", inbox, "--out", report);

        exitCode.ShouldBe(0);
        errors.ShouldBeEmpty();
        output.Single().ShouldMatch($@"^2 documents, [12] stor(y|ies), \d+ events? → {Regex.Escape(Path.Combine(report, "report.html"))}$");
        Directory.GetFiles(report).Select(Path.GetFileName).ShouldBe(["events.csv", "places.geojson", "report.html", "report.md", "situation.json"], ignoreOrder: true);
    }

    [Fact]
    public void Analyze_of_a_mistyped_input_keeps_the_last_good_report()
    {
        var report = Path.Combine(Folder, "report");
        CliProcess.Run("analyze", Write("raid.txt", Raid), "--out", report).ExitCode.ShouldBe(0);
        var good = File.ReadAllText(Path.Combine(report, "report.html"));
        good.ShouldContain("Kidal");

        var typo = Path.Combine(Folder, "riad.txt");
        var (exitCode, output, errors) = CliProcess.Run("analyze", typo, "--out", report);

        exitCode.ShouldBe(1);
        output.ShouldBeEmpty();
        errors.ShouldBe([$"{typo}: no such file or folder", $"sitrep: no documents read; {report} left as it was"]);
        File.ReadAllText(Path.Combine(report, "report.html")).ShouldBe(good);
        Directory.GetFileSystemEntries(Folder).Select(Path.GetFileName).ShouldBe(["raid.txt", "report"], ignoreOrder: true); // no staging folder left
    }

    [Fact]
    public void An_out_folder_that_cannot_be_made_is_one_line_and_a_usage_error()
    {
        var file = Write("notes.txt", "not a folder");
        var (exitCode, output, errors) = CliProcess.Run("analyze", Write("raid.txt", Raid), "--out", Path.Combine(file, "report"));

        exitCode.ShouldBe(2);
        output.ShouldBeEmpty();
        errors.Single().ShouldStartWith($"sitrep: {Path.Combine(file, "report")}: cannot write the report there: ");
        NoStackTrace(errors);
    }

    [Theory]
    [InlineData("analyze", "--outt")]
    [InlineData("extract", "--utf8")]
    [InlineData("cluster", "-x")]
    public void Unknown_options_are_usage_errors_not_file_names(string command, string option)
    {
        var raid = Write("raid.txt", Raid);
        var (exitCode, output, errors) = CliProcess.Run(command, raid, option, "--out", Path.Combine(Folder, "out"));

        exitCode.ShouldBe(2);
        output.ShouldBeEmpty();
        errors.ShouldBe([$"sitrep: unknown option {option} (see 'sitrep {command} --help')"]);
        Directory.Exists(Path.Combine(Folder, "out")).ShouldBeFalse();
        File.Exists(Path.Combine(Folder, "out")).ShouldBeFalse();
    }

    [Fact]
    public void A_file_whose_name_starts_with_a_dash_is_still_read_and_usage_names_sitrep()
    {
        var dashed = Write("-raid.txt", Raid);
        CliProcess.Run("extract", dashed).ExitCode.ShouldBe(0);
        var (exitCode, output, _) = CliProcess.Run("analyze", "--help");
        exitCode.ShouldBe(0);
        output.ShouldContain(line => line.Trim() == "sitrep analyze [<INPUT>...] [options]");
        output.ShouldNotContain(line => line.Contains("Sitrep.Cli"));
    }

    [Theory]
    [InlineData("serve", "--port 0")]
    [InlineData("worker", "--until-empty")]
    [InlineData("analyze", "--out REPORT")]
    public void Commands_that_read_a_store_refuse_one_that_does_not_exist(string command, string options)
    {
        var typo = Path.Combine(Folder, "sitrpe.db");
        var (exitCode, _, errors) = CliProcess.Run([command, "--db", typo, .. options.Replace("REPORT", Path.Combine(Folder, "report")).Split(' ')]);

        exitCode.ShouldBe(2);
        errors.ShouldBe([$"sitrep: {typo}: no such store ('sitrep ingest INPUT... --db {typo}' makes one, --create an empty one) (see 'sitrep {command} --help')"]);
        Directory.GetFileSystemEntries(Folder).ShouldBeEmpty();
    }

    [Fact]
    public void Create_makes_the_store_a_worker_is_given()
    {
        var database = Path.Combine(Folder, "new.db");
        var (exitCode, _, errors) = CliProcess.Run("worker", "--db", database, "--until-empty", "--create");
        exitCode.ShouldBe(0);
        errors.ShouldContain(line => line.EndsWith(": 0 articles read into stories"));
        File.Exists(database).ShouldBeTrue();
    }

    [Fact]
    public void Serve_on_a_port_in_use_says_so_in_one_line()
    {
        var database = Path.Combine(Folder, "sitrep.db");
        CliProcess.Run("ingest", Write("raid.txt", Raid), "--db", database).ExitCode.ShouldBe(0);
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        int port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var (exitCode, _, errors) = CliProcess.Run("serve", "--db", database, "--port", port.ToString());

        exitCode.ShouldBe(2);
        errors.Single().ShouldBe($"sitrep: cannot serve {database} on 127.0.0.1:{port}: Address already in use");
    }

    [Fact]
    public void Serve_says_where_it_listens_before_it_reads_the_queue_then_how_far_it_came()
    {
        var database = Path.Combine(Folder, "sitrep.db");
        CliProcess.Run("ingest", Write("in/raid.txt", Raid), Write("in/talks.txt", Talks), "--db", database).ExitCode.ShouldBe(0);
        using var serve = CliProcess.Start("serve", "--db", database, "--port", "0");
        try
        {
            string? Next() => serve.StandardError.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(2)).Result;
            Next().ShouldMatch($@"^sitrep: serving {Regex.Escape(database)} on http://127\.0\.0\.1:\d+$");
            var progress = Next();
            while (progress != null && progress.StartsWith("sitrep: read 2 of 2")) progress = Next(); // a slow machine's interim line
            progress.ShouldMatch(@"^sitrep: read 2 queued articles into stories; [12] stor(y|ies) in all$");
        }
        finally
        {
            serve.Kill();
            serve.WaitForExit();
        }
    }

    [Fact]
    public void Watch_stopped_by_sigterm_ends_cleanly()
    {
        var inbox = Path.GetDirectoryName(Write("inbox/raid.txt", Raid))!;
        using var watch = CliProcess.Start("watch", inbox, "--db", Path.Combine(Folder, "sitrep.db"), "--every", "0.2");
        var errors = new List<string>();
        var line = watch.StandardError.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(2)).Result;
        line.ShouldEndWith(": 1 new articles from 1 files, 1 in all");
        using (var kill = Process.Start("kill", ["-TERM", watch.Id.ToString()])) kill.WaitForExit();
        watch.WaitForExit(TimeSpan.FromSeconds(30)).ShouldBeTrue();
        for (var rest = watch.StandardError.ReadLine(); rest != null; rest = watch.StandardError.ReadLine()) errors.Add(rest);

        watch.ExitCode.ShouldBe(0);
        NoStackTrace([.. errors]);
    }

    [Fact]
    public void Train_writes_into_the_users_data_folder_unless_told_where()
    {
        var corpus = Write("tiny.conll", "-DOCSTART- -X- -X- O\n\nRebels NNS I-NP O\nseized VBD I-VP O\nKidal NNP I-NP I-LOC\n. . O O\n\n" +
                                         "-DOCSTART- -X- -X- O\n\nTalks NNS I-NP O\nresumed VBD I-VP O\nin IN I-PP O\nAlgiers NNP I-NP I-LOC\n. . O O\n");
        var home = Path.Combine(Folder, "data-home");
        var (exitCode, _, errors) = CliProcess.Run(new Dictionary<string, string> { ["XDG_DATA_HOME"] = home }, "train", "idf", "--data", corpus);

        exitCode.ShouldBe(0);
        var written = Path.Combine(home, "sitrep", "document-frequencies.bin.gz");
        errors.Single().ShouldStartWith($"wrote {written}: 2 documents");
        File.Exists(written).ShouldBeTrue();
    }
}
