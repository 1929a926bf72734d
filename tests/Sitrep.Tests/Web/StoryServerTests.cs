using System.Net;
using System.Text;
using System.Text.Json;
using Sitrep.Store;
using Sitrep.Web;

namespace Sitrep.Tests.Web;

/// <summary><c>sitrep serve</c> over a store holding the El Fasher fixture, through HTTP on 127.0.0.1.</summary>
public sealed class StoryServerTests : IAsyncLifetime
{
    private ServedStore served = null!;

    public async Task InitializeAsync() => served = await ServedStore.Start();

    public async Task DisposeAsync() => await served.DisposeAsync();

    private async Task<JsonElement> Json(string path) => JsonDocument.Parse(await served.Http.GetStringAsync(path)).RootElement;

    [Fact]
    public async Task The_api_lists_the_story_and_gives_its_situation()
    {
        var stories = await Json("/api/stories");
        var story = stories.EnumerateArray().ShouldHaveSingleItem();
        story.GetProperty("documents").GetArrayLength().ShouldBe(5);

        var picture = await Json($"/api/stories/{story.GetProperty("id").GetString()}");
        picture.GetProperty("stories")[0].GetProperty("events").EnumerateArray()
            .ShouldContain(e => e.GetProperty("type").GetString() == "ASSAULT" && e.GetProperty("place").GetString() == "El Fasher");
        (await served.Http.GetAsync("/api/stories/s99")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Search_finds_articles_by_their_words_and_names_their_story()
    {
        var hits = (await Json("/api/search?q=Tawila%20arrivals")).EnumerateArray().ToList();
        hits.Select(h => h.GetProperty("id").GetString()).ShouldContain("sahel-observer");
        hits.ShouldAllBe(h => h.GetProperty("story").GetString() == "s1");
        hits.First().GetProperty("snippet").GetString()!.ShouldContain("[Tawila]");
    }

    [Theory]
    [InlineData("'; DROP TABLE articles; --")]
    [InlineData("\"NEAR(drones")]
    [InlineData("title:* OR 1=1")]
    public async Task Hostile_search_input_is_only_ever_words(string query)
    {
        var response = await served.Http.GetAsync("/api/search?q=" + Uri.EscapeDataString(query));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Json("/api/stories")).GetArrayLength().ShouldBe(1); // the articles are all still there
    }

    [Fact]
    public async Task Added_articles_join_the_picture_and_titles_are_escaped_on_the_pages()
    {
        var article = JsonSerializer.Serialize(new
        {
            id = "late-wire",
            title = "Drones strike El Fasher again <script>window.pwned = 1</script>",
            text = "RSF drones struck El Fasher again on Monday, hitting the Saudi Hospital, medics said.",
            published = "2025-05-06",
        });
        var added = await served.Http.PostAsync("/api/articles", new StringContent(article + "\n", Encoding.UTF8, "application/x-ndjson"));
        added.StatusCode.ShouldBe(HttpStatusCode.OK);
        JsonDocument.Parse(await added.Content.ReadAsStringAsync()).RootElement.GetProperty("added").GetInt32().ShouldBe(1);

        var list = await served.Http.GetStringAsync("/");
        var search = await served.Http.GetStringAsync("/search?q=" + Uri.EscapeDataString("<script>"));
        foreach (var page in new[] { list, search }) page.ShouldNotContain("<script>window.pwned");
        (await served.Http.GetStringAsync("/search?q=again")).ShouldContain("Drones strike El Fasher again &lt;script&gt;");
    }

    [Theory]
    [InlineData("/stories/..%2F..%2Fsitrep.db")]
    [InlineData("/../sitrep.db")]
    [InlineData("/sitrep.db")]
    [InlineData("/api/stories/%2e%2e%2f%2e%2e%2fetc%2fpasswd")]
    public async Task No_path_reaches_a_file(string path)
    {
        var response = await served.Http.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("SQLite format");
    }

    [Fact]
    public async Task An_oversized_request_is_refused()
    {
        // Asking first (Expect: 100-continue) lets the server answer before the body is sent.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = new ByteArrayContent(new byte[StoryServer.MaxRequestBytes + 1]) { Headers = { ContentType = new("application/x-ndjson") } } };
        request.Headers.ExpectContinue = true;
        (await served.Http.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }
}
