using System.Diagnostics;
using System.Text;
using Sitrep;
using Sitrep.Time;

/// <summary>
/// The temporal tagger alone on one core (tokenize, match, resolve), over the documents' text:
/// MB/s of UTF-8 text, comparable with single-threaded taggers such as chrono-node.
/// </summary>
internal static class TimeBench
{
    public static int Run(List<Document> documents, int repeat)
    {
        var texts = documents.Select(d => (d.Text, d.Published)).ToList();
        long bytes = texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t.Text));
        var tagger = new TemporalTagger();
        int rounds = Math.Max(1, (int)(50_000_000 / Math.Max(1, bytes))); // about 50 MB a round
        for (int round = 0; round <= repeat; round++)
        {
            long found = 0;
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            for (int r = 0; r < rounds; r++)
                foreach (var (text, published) in texts)
                {
                    var d = new Document("bench", new SourceLocation("bench")) { Text = text, Published = published };
                    tagger.Process(d);
                    found += d.Times.Count;
                }
            clock.Stop();
            double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            if (round == 0) continue; // warm-up
            // On a shared machine the wall clock includes time the thread waited for a core; CPU seconds do not.
            double mb = bytes * rounds / 1e6, s = clock.Elapsed.TotalSeconds;
            Console.WriteLine($"time round {round}: {texts.Count * rounds} docs, {mb:F1} MB in {s:F3} s wall, {cpu:F3} s CPU = " +
                              $"{mb / s:F1} MB/s wall, {mb / cpu:F1} MB/s per CPU second, {texts.Count * rounds / cpu:F0} docs/s " +
                              $"({found / rounds} expressions a pass)");
        }
        return 0;
    }
}
