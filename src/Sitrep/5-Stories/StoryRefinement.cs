namespace Sitrep.Stories;

/// <summary>
/// A second pass over finished stories. In one pass the first report of a second event of the same
/// kind (another earthquake, another patch) can join the first event's story when nothing better
/// exists yet, and the mixed story then draws reports of both. This pass splits a story in two
/// when its documents form two groups that the decision would not join: bisection over the
/// log-odds of document pairs, split while the two groups' mean log-odds stay below a threshold.
/// Then the reverse: a story of one or two documents, opened before its real story had grown
/// recognisable, joins the grown story its documents now match best when the log-odds are high enough.
/// </summary>
/// <remarks>The thresholds are the decision's own (<see cref="StoryDecision.SplitBelow"/>, <see cref="StoryDecision.AbsorbAbove"/>), fitted with it.</remarks>
public sealed class StoryRefinement(StoryDecision decision, int largestStory = 300)
{
    private const int SmallStory = 2;
    private readonly float splitBelow = decision.SplitBelow, absorbAbove = decision.AbsorbAbove;

    public StoryRefinement() : this(StoryDecision.Default) { }

    /// <summary>Moves the documents of small stories into the grown story they match best; returns the remaining stories.</summary>
    public List<List<int>> Absorb(List<List<int>> stories, IReadOnlyList<StoryProfile> profiles)
    {
        if (float.IsPositiveInfinity(absorbAbove)) return stories;
        var index = new StoryClusterer(decision, new ClusteringOptions { QuietDocuments = int.MaxValue, QuietDays = double.PositiveInfinity });
        var grown = new Dictionary<int, List<int>>();
        foreach (var story in stories.Where(s => s.Count > SmallStory))
        {
            int id = index.Join(profiles[story[0]], null);
            foreach (var d in story.Skip(1)) index.Join(profiles[d], id);
            grown[id] = story;
        }
        var remaining = new List<List<int>>();
        foreach (var story in stories)
        {
            if (story.Count > SmallStory) { remaining.Add(story); continue; }
            var odds = new Dictionary<int, float>();
            foreach (var d in story)
                foreach (var (candidate, features) in index.Candidates(profiles[d]))
                    odds[candidate] = odds.GetValueOrDefault(candidate) + decision.LogOdds(features) / story.Count;
            var best = odds.Where(o => grown.ContainsKey(o.Key)).OrderByDescending(o => o.Value).FirstOrDefault();
            if (odds.Count > 0 && best.Value > absorbAbove) grown[best.Key].AddRange(story);
            else remaining.Add(story);
        }
        foreach (var story in remaining) story.Sort();
        return remaining;
    }

    /// <summary>The story's documents in groups (indices into <paramref name="members"/>, each group in input order).</summary>
    public List<List<int>> Split(IReadOnlyList<StoryProfile> members)
    {
        var all = Enumerable.Range(0, members.Count).ToList();
        if (members.Count < 4 || members.Count > largestStory) return [all];
        var singles = members.Select(m => Story.Of([m])).ToArray();
        var odds = new float[members.Count, members.Count];
        for (int i = 0; i < members.Count; i++)
            for (int j = i + 1; j < members.Count; j++)
            {
                // Between two single documents every feature but the top names is symmetric: compare once.
                var forward = singles[j].Compare(members[i]);
                var backward = forward with { TopNames = singles[i].TopNamesKnown(members[j].Names) };
                odds[i, j] = odds[j, i] = (decision.LogOdds(forward) + decision.LogOdds(backward)) / 2;
            }
        var groups = new List<List<int>>();
        SplitInto(all, odds, groups);
        groups.Sort((a, b) => a[0].CompareTo(b[0]));
        return groups;
    }

    private void SplitInto(List<int> documents, float[,] odds, List<List<int>> groups)
    {
        if (documents.Count >= 4)
        {
            var (a, b, between) = TwoGroups(documents, odds);
            if (a.Count >= 2 && b.Count >= 2 && between < splitBelow)
            {
                SplitInto(a, odds, groups);
                SplitInto(b, odds, groups);
                return;
            }
        }
        groups.Add(documents);
    }

    /// <summary>
    /// Bisection: the two documents least likely together seed two groups, then every document moves
    /// to the group it is on average more likely to join, a few rounds over. Returns the groups and
    /// their mean log-odds across.
    /// </summary>
    private static (List<int> A, List<int> B, float Between) TwoGroups(List<int> documents, float[,] odds)
    {
        int seedA = documents[0], seedB = documents[1];
        foreach (int i in documents)
            foreach (int j in documents)
                if (i < j && odds[i, j] < odds[seedA, seedB]) (seedA, seedB) = (i, j);
        var inA = documents.ToDictionary(d => d, d => odds[d, seedA] >= odds[d, seedB] && d != seedB);
        inA[seedA] = true;
        for (int round = 0; round < 5; round++)
        {
            var next = new Dictionary<int, bool>();
            foreach (int i in documents)
            {
                double toA = 0, toB = 0;
                int nA = 0, nB = 0;
                foreach (int j in documents)
                {
                    if (j == i) continue;
                    if (inA[j]) { toA += odds[i, j]; nA++; }
                    else { toB += odds[i, j]; nB++; }
                }
                next[i] = nB == 0 || (nA > 0 && toA / nA >= toB / nB);
            }
            if (next.All(p => p.Value == inA[p.Key])) break;
            inA = next;
        }
        var a = documents.Where(d => inA[d]).ToList();
        var b = documents.Where(d => !inA[d]).ToList();
        if (a.Count == 0 || b.Count == 0) return (a, b, float.PositiveInfinity);
        double sum = 0;
        foreach (int i in a)
            foreach (int j in b)
                sum += odds[i, j];
        return (a, b, (float)(sum / (a.Count * b.Count)));
    }
}

/// <summary>
/// Clusters a batch the way <c>sitrep cluster</c> does: document frequencies counted over the whole
/// batch first (the only look-ahead), one pass in input order, then <see cref="StoryRefinement"/>.
/// </summary>
public static class StoryBatch
{
    /// <summary>Stories as lists of document indices, ordered by their first document.</summary>
    public static List<List<int>> Cluster(IReadOnlyList<DocumentTerms> documents, StoryDecision decision, StoryRefinement? refinement)
    {
        var frequencies = new DocumentFrequencies();
        foreach (var terms in documents) frequencies.Observe(terms);
        var profiles = documents.AsParallel().AsOrdered().Select(t => t.Weigh(frequencies)).ToList();
        // A batch need not arrive in time order, so stories retire by document count alone.
        var clusterer = new StoryClusterer(decision, new ClusteringOptions { QuietDays = double.PositiveInfinity });
        var stories = new List<List<int>>();
        for (int i = 0; i < profiles.Count; i++)
        {
            int story = clusterer.Add(profiles[i]);
            if (story == stories.Count) stories.Add([]);
            stories[story].Add(i);
        }
        if (refinement == null) return stories;
        // Splitting compares every pair of a story's documents; stories split independently, in parallel.
        var refined = stories.AsParallel().AsOrdered()
            .SelectMany(story => refinement.Split(story.Select(i => profiles[i]).ToList()).Select(group => group.Select(g => story[g]).ToList()))
            .ToList();
        refined = refinement.Absorb(refined, profiles);
        refined.Sort((a, b) => a[0].CompareTo(b[0]));
        return refined;
    }
}
