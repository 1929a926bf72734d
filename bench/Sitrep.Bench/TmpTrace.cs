using System.Text.Json;
using Sitrep;
using Sitrep.Ingest;
using Sitrep.Stories;
static class TmpTrace
{
    public static int Run(string docs, string goldPath)
    {
        var gold = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(goldPath))!;
        var p = new ProblemList();
        var prof = new StoryProfiler();
        var list = new ArticleSource(p).Read([docs]).Select(d => { Pipeline.Annotation().Process(d); return (d.Id, T: prof.Count(d), Title: d.Text.Split('\n')[0]); }).ToList();
        var df = new DocumentFrequencies();
        foreach (var d in list) df.Observe(d.T);
        var cl = new StoryClusterer();
        var members = new Dictionary<int, List<string>>();
        foreach (var (id, t, title) in list)
        {
            var prof1 = t.Weigh(df);
            var cands = cl.Candidates(prof1).ToList();
            int s = cl.Add(prof1);
            if (!members.ContainsKey(s)) members[s] = [];
            var maj = members[s].GroupBy(x => gold[x]).OrderByDescending(g => g.Count()).FirstOrDefault()?.Key;
            if (maj != null && maj != gold[id])
            {
                Console.WriteLine($"WRONG JOIN {gold[id]} -> story of {maj} ({members[s].Count}) : {title[..Math.Min(80, title.Length)]}");
                foreach (var (cs, f) in cands)
                {
                    var cm = members[cs].GroupBy(x => gold[x]).OrderByDescending(g => g.Count()).First().Key;
                    Console.WriteLine($"    {cm} n={members[cs].Count} odds={StoryDecision.Default.LogOdds(f):F2} {string.Join(" ", f.ToArray().Select(v => v.ToString("F2")))}");
                }
            }
            members[s].Add(id);
        }
        return 0;
    }
}
