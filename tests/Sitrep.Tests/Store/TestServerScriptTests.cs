using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Sitrep.Tests.Report;

namespace Sitrep.Tests.Store;

/// <summary>
/// tools/postgres-test-server, as ./test uses it: a server of the run's own on a free port, gone
/// with its folder after --stop, so that a test run leaves no PostgreSQL behind.
/// </summary>
public sealed class TestServerScriptTests
{
    private static readonly string Script = Path.Combine(RenderedReport.RepositoryRoot(), "tools", "postgres-test-server");

    /// <summary>A fact that starts a server: skipped, saying why, where Debian's PostgreSQL is not installed.</summary>
    public sealed class PostgresInstalledFactAttribute : FactAttribute
    {
        public PostgresInstalledFactAttribute()
        {
            if (!Directory.Exists("/usr/lib/postgresql")) Skip = "PostgreSQL is not installed (apt-get install postgresql; tools/postgres-test-server installs it)";
        }
    }

    [PostgresInstalledFact]
    public void A_server_started_on_a_port_is_stopped_and_its_folder_removed_by_stop()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var folder = Path.Combine(Environment.GetEnvironmentVariable("TMPDIR") ?? "/tmp", $"sitrep-postgres-{port}");

        var address = Run();
        try
        {
            address.ShouldBe($"postgres://postgres@127.0.0.1:{port}/postgres");
            using (var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false"))
            {
                connection.Open();
                using var query = new NpgsqlCommand("SELECT 1", connection);
                query.ExecuteScalar().ShouldBe(1);
            }
            Directory.Exists(folder).ShouldBeTrue();
        }
        finally
        {
            Run("--stop");
        }
        Directory.Exists(folder).ShouldBeFalse();
        using var refused = new TcpClient();
        Should.Throw<SocketException>(() => refused.Connect(IPAddress.Loopback, port));

        string Run(params string[] arguments)
        {
            var start = new ProcessStartInfo(Script, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
            start.Environment["SITREP_POSTGRES_PORT"] = port.ToString();
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            process.StandardError.ReadToEnd();
            process.WaitForExit(TimeSpan.FromMinutes(2)).ShouldBeTrue();
            process.ExitCode.ShouldBe(0);
            return output.Result.Trim();
        }
    }
}
