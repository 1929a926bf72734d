using System.Diagnostics;
using Sitrep;
using Sitrep.Stories;
static class TmpProf
{
    public static int Run()
    {
        var s = new SyntheticStories(7);
        var docs = Enumerable.Range(0, 5000).Select(_ => s.Next().Document).ToList();
        var sw = Stopwatch.StartNew();
        foreach (var d in docs) Words.Scan(d.Text);
        Console.WriteLine($"scan {docs.Count / sw.Elapsed.TotalSeconds:F0}/s");
        sw.Restart();
        var c = new ScannedCues();
        foreach (var d in docs) c.Collect(d, Words.Scan(d.Text), default, new DocumentCues());
        Console.WriteLine($"scan+cues {docs.Count / sw.Elapsed.TotalSeconds:F0}/s");
        sw.Restart();
        var p = new StoryProfiler();
        var terms = docs.Select(p.Count).ToList();
        Console.WriteLine($"count {docs.Count / sw.Elapsed.TotalSeconds:F0}/s");
        sw.Restart();
        var f = new DocumentFrequencies();
        foreach (var t in terms) f.Observe(t);
        var prof = terms.Select(t => t.Weigh(f)).ToList();
        Console.WriteLine($"observe+weigh {docs.Count / sw.Elapsed.TotalSeconds:F0}/s");
        sw.Restart();
        var cl = new StoryClusterer();
        foreach (var x in prof) cl.Add(x);
        Console.WriteLine($"add {docs.Count / sw.Elapsed.TotalSeconds:F0}/s");
        return 0;
    }
}
