using System.Diagnostics;
using Sitrep.Cli;
using Sitrep.Store;

namespace Sitrep.Tests.Store;

public sealed class WatchTests : TestFolder
{
    [Fact]
    public void Watch_stores_the_articles_of_files_that_appear_and_keeps_each_once()
    {
        var inbox = Directory.CreateDirectory(Path.Combine(Folder, "inbox")).FullName;
        var database = Path.Combine(Folder, "sitrep.db");
        File.WriteAllText(Path.Combine(inbox, "a.txt"), "Road reopens\n\nThe river road reopened on Friday after the floods receded.\n");
        using var stop = new CancellationTokenSource();
        var watching = Task.Run(() => WatchRun.Run(inbox, database, TimeSpan.FromMilliseconds(50), stop.Token));

        WaitForCount(database, 1);
        File.WriteAllText(Path.Combine(inbox, "b.txt"), "Schools close\n\nSchools in the valley closed on Monday as the water rose.\n");
        WaitForCount(database, 2);
        Directory.CreateDirectory(Path.Combine(inbox, "wire"));
        File.WriteAllText(Path.Combine(inbox, "wire", "c.jsonl"),
            "{\"id\": \"c1\", \"text\": \"Relief flights resumed at the airport on Sunday.\"}\n" +
            "{\"id\": \"c2\", \"text\": \"Road reopens\\n\\nThe river road reopened on Friday after the floods receded.\\n\"}\n");
        WaitForCount(database, 4); // c2 repeats a's text under an id of its own: another outlet's copy, kept

        stop.Cancel();
        watching.Wait(TimeSpan.FromSeconds(10)).ShouldBeTrue();
        watching.Result.ShouldBe(SitrepCommandLine.Success);
        using var store = ArticleStore.Open(database);
        store.Documents().Select(d => d.Id).ShouldBe(["a", "b", "c1", "c2"]);
    }

    private static void WaitForCount(string database, long expected)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using (var store = ArticleStore.Open(database))
                if (store.Count == expected) return;
            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20), $"waiting for {expected} stored articles");
            Thread.Sleep(50);
        }
    }
}
