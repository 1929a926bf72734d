using Microsoft.AspNetCore.Builder;
using Sitrep.Cli;
using Sitrep.Web;

namespace Sitrep.Tests.Web;

/// <summary><c>sitrep serve</c> over a new store holding a fixture's articles, listening on a free port of 127.0.0.1.</summary>
public sealed class ServedStore : IAsyncDisposable
{
    private ServedStore() { }

    public string Folder { get; private init; } = "";
    public string Database { get; private init; } = "";
    public StoryServer Server { get; private set; } = null!;
    public WebApplication App { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;
    public Uri Address { get; private set; } = null!;

    /// <summary>
    /// Ingests the fixture into <paramref name="database"/> (a new SQLite file by default), starts the
    /// server (searches limited to <paramref name="searchTimeLimit"/>, by default the server's) and waits until it has read the store's queue.
    /// </summary>
    public static async Task<ServedStore> Start(string fixture = "el-fasher", string? database = null, TimeSpan? searchTimeLimit = null)
    {
        var folder = Directory.CreateTempSubdirectory("sitrep-served-").FullName;
        var served = new ServedStore { Folder = folder, Database = database ?? Path.Combine(folder, "sitrep.db") };
        IngestRun.Run([Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture)], served.Database);
        served.Server = StoryServer.Open(served.Database, searchTimeLimit: searchTimeLimit);
        served.App = served.Server.Build(port: 0);
        await served.App.StartAsync();
        await served.Server.QueueRead;
        served.Address = new Uri(served.App.Urls.First());
        served.Http = new HttpClient { BaseAddress = served.Address };
        return served;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.DisposeAsync();
        Server.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
