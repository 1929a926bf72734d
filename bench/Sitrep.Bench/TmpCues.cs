using Sitrep;
using Sitrep.Ingest;
using Sitrep.Stories;
static class TmpCues
{
    public static int Run(string docs, string ids)
    {
        var want = File.ReadAllLines(ids).ToHashSet();
        var p = new ProblemList();
        foreach (var d in new ArticleSource(p).Read([docs]).Where(d => want.Contains(d.Id)))
        {
            Pipeline.Annotation().Process(d);
            var words = Words.Scan(d.Text);
            var c = new DocumentCues();
            new ScannedCues().Collect(d, words, default, c);
            Console.WriteLine($"{d.Id}: NAMES {string.Join(" | ", c.Names.Select(n => n.Name).Distinct())}\n   DATES {string.Join(" ", c.Dates)}\n   NUM {string.Join(" ", c.Numbers)}");
        }
        return 0;
    }
}
