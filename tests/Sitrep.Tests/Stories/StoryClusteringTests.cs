using Sitrep.Stories;
using static Sitrep.Tests.Stories.StoryFixtures;

namespace Sitrep.Tests.Stories;

public class StoryClusteringTests
{
    private static List<List<string>> Cluster(params Document[] documents)
    {
        var profiler = new StoryProfiler();
        var terms = documents.Select(profiler.Count).ToList();
        return StoryBatch.Cluster(terms, StoryDecision.Default, new StoryRefinement())
            .Select(story => story.Select(i => documents[i].Id).ToList()).ToList();
    }

    private static List<string> StoryOf(List<List<string>> stories, string id) => stories.Single(s => s.Contains(id));

    [Fact]
    public void Two_earthquakes_in_different_countries_stay_apart_though_they_share_their_words()
    {
        var (n, m, s) = (NorvaniaQuake, MeridiaQuake, HarbourStrike);
        var stories = Cluster(n[0], m[0], s[0], n[1], s[1], m[1], s[2], n[2], m[2], s[3], s[4]);

        StoryOf(stories, "norvania-1").ShouldBe(["norvania-1", "norvania-2", "norvania-3"]);
        StoryOf(stories, "meridia-1").ShouldBe(["meridia-1", "meridia-2", "meridia-3"]);
    }

    [Fact]
    public void Five_outlets_versions_of_one_story_join_it()
    {
        var (n, m, s) = (NorvaniaQuake, MeridiaQuake, HarbourStrike);
        var stories = Cluster(s[0], n[0], s[1], m[0], s[2], n[1], s[3], m[1], s[4]);

        StoryOf(stories, "strike-1").ShouldBe(["strike-1", "strike-2", "strike-3", "strike-4", "strike-5"]);
        stories.Count.ShouldBe(3);
    }

    [Fact]
    public void A_stream_keeps_one_events_reports_together_and_another_stream_replays_it_exactly()
    {
        var (n, m, s) = (NorvaniaQuake, MeridiaQuake, HarbourStrike);
        var profiler = new StoryProfiler();
        var terms = new[] { s[0], n[0], s[1], m[0], s[2], n[1], s[3], m[1], s[4], n[2], m[2] }.Select(d => (d.Id, Terms: profiler.Count(d))).ToList();
        var stream = new StoryStream();
        var assigned = terms.Select(t => (t.Id, Story: stream.Assign(t.Terms))).ToList();

        assigned.Where(a => a.Id.StartsWith("strike")).Select(a => a.Story).Distinct().ShouldHaveSingleItem();
        assigned.Where(a => a.Id.StartsWith("norvania")).Select(a => a.Story).ShouldNotContain(assigned[0].Story);
        var replica = new StoryStream();
        foreach (var (t, a) in terms.Zip(assigned)) replica.Replay(t.Terms, a.Story);
        replica.Assign(profiler.Count(s[0])).ShouldBe(stream.Assign(profiler.Count(s[0])));
        Should.Throw<InvalidOperationException>(() => new StoryStream().Replay(terms[0].Terms, 5)).Message.ShouldContain("diverged");
    }

    [Fact]
    public void Quiet_stories_are_retired_so_memory_stays_bounded()
    {
        var clusterer = new StoryClusterer(StoryDecision.Default, new ClusteringOptions { QuietDocuments = 100 });
        var profiler = new StoryProfiler();
        var frequencies = new DocumentFrequencies();
        for (int k = 0; k < 3_000; k++)
        {
            // Every document is about something else: each opens a story that never grows again.
            var terms = profiler.Count(Article($"d{k}", $"Topic{k} item{k} subject{k} matter{k} reported by outlet{k % 7}."));
            frequencies.Observe(terms);
            clusterer.Add(terms.Weigh(frequencies));
        }
        clusterer.StoriesOpened.ShouldBe(3_000);
        clusterer.ActiveStories.ShouldBeLessThan(1_024 + 100);
        clusterer.StoriesRetired.ShouldBe(3_000 - clusterer.ActiveStories);
    }
}

public class StoryCueTests
{
    private static DocumentCues Scan(Document document)
    {
        var cues = new DocumentCues();
        new AnnotatedCues(new ScannedCues()).Collect(document, Words.Scan(document.Text), default, cues);
        return cues;
    }

    [Fact]
    public void Scanning_finds_names_dates_and_numbers_but_not_words_capitalised_by_position()
    {
        var cues = Scan(StoryFixtures.Article("a", """
            Police said Ilona Varga arrived in Kestrel Bay on Sunday, March 3, 2024, with 1,200 soldiers.
            The police chief of Kestrel Bay met her at the harbour in May 2023 and again on 12 June.
            """));

        cues.Names.Select(n => n.Name).ShouldBe(["Ilona Varga", "Kestrel Bay", "Kestrel Bay"]);
        cues.Dates.ShouldBe(["XXXX-WXX-7", "2024-03-03", "2023-05", "XXXX-06-12"]);
        cues.Numbers.ShouldBe(["1200"]);
    }

    [Fact]
    public void Resolved_times_replace_the_scanned_dates_and_a_respelled_place_adds_its_gazetteer_name()
    {
        var document = StoryFixtures.Article("b", "The RSF shelled Al Fashir on Monday.", published: "2025-05-05");
        document.Places.Add(new PlaceMention(new TextSpan(16, 25), "Al Fashir", "El Fasher", "SD", new GeoPoint(13.63, 25.35), PlaceKind.City));
        document.Times.Add(new TimeMention(new TextSpan(29, 35), "Monday", TimeType.Date, "2025-05-05"));

        var cues = Scan(document);

        cues.Names.ShouldContain(("Al Fashir", 16));
        cues.Names.ShouldContain(("El Fasher", 16));
        cues.Dates.ShouldBe(["2025-05-05"]);
    }
}
