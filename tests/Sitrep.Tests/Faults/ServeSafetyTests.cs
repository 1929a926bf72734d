using System.Net;
using System.Text;
using System.Text.Json;
using Sitrep.Web;

using Sitrep.Tests.Web;

namespace Sitrep.Tests.Faults;

/// <summary>
/// <c>sitrep serve</c> against other web pages (issue 21): writes only from a same-origin JSON request,
/// no host but the bound served.Address (DNS rebinding), protective headers, searches that cannot stall it.
/// </summary>
public sealed class ServeSafetyTests : IAsyncLifetime
{
    private ServedStore served = null!;

    public async Task InitializeAsync() => served = await ServedStore.Start();

    public async Task DisposeAsync() => await served.DisposeAsync();

    private static readonly string Forged = JsonSerializer.Serialize(new
    {
        id = "forged",
        outlet = "Reuters",
        text = "Reuters reported that the army shelled the Abu Shouk camp near El Fasher on Sunday.",
    }) + "\n";

    private async Task<HttpStatusCode> Post(string contentType, string? origin = null, string? host = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = new StringContent(Forged, Encoding.UTF8, contentType) };
        if (origin != null) request.Headers.Add("Origin", origin);
        if (host != null) request.Headers.Host = host;
        return (await served.Http.SendAsync(request)).StatusCode;
    }

    private async Task<bool> Stored() => (await served.Http.GetStringAsync("/api/search?q=Abu%20Shouk%20shelled")).Contains("forged");

    [Theory]
    [InlineData("text/plain", null, null)]                                  // a form or fetch without preflight from any page
    [InlineData("application/x-www-form-urlencoded", null, null)]
    [InlineData("application/x-ndjson", "http://news.example", null)]       // another site's script
    [InlineData("application/json", "null", null)]                          // a sandboxed frame
    [InlineData("application/x-ndjson", null, "rebound.example")]           // DNS rebinding: the page's own name for 127.0.0.1
    public async Task Writes_from_other_pages_are_refused_and_nothing_is_stored(string contentType, string? origin, string? host)
    {
        var status = await Post(contentType, origin, host == null ? null : $"{host}:{served.Address.Port}");

        status.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.UnsupportedMediaType, HttpStatusCode.MisdirectedRequest);
        (await Stored()).ShouldBeFalse();
    }

    [Fact]
    public async Task A_same_origin_json_request_is_stored()
    {
        (await Post("application/x-ndjson", origin: $"http://{served.Address.Authority}")).ShouldBe(HttpStatusCode.OK);
        (await Stored()).ShouldBeTrue();
    }

    [Fact]
    public async Task A_posted_record_with_a_lone_surrogate_escape_is_reported_and_the_others_are_stored()
    {
        var body = "{\"id\":\"broken\",\"text\":\"Shelling resumed \\udc00 near Abu Shouk.\"}\n" +
                   "{\"id\":\"tawila-road\",\"text\":\"Aid trucks reached Tawila on Sunday after the road from El Fasher reopened, the UN said.\"}\n";

        var response = await served.Http.PostAsync("/api/articles", new StringContent(body, Encoding.UTF8, "application/x-ndjson"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        answer.GetProperty("added").GetInt32().ShouldBe(1);
        answer.GetProperty("problems").EnumerateArray().Select(p => p.GetString()).ShouldBe(["request.jsonl:1: invalid UTF-16 inside a JSON string (a lone surrogate escape)"]);
        (await served.Http.GetStringAsync("/api/search?q=Tawila%20trucks")).ShouldContain("tawila-road");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/stories")]
    [InlineData("/search?q=drones")]
    public async Task Reads_under_another_host_name_are_refused(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = $"rebound.example:{served.Address.Port}";
        var response = await served.Http.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.MisdirectedRequest);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("El Fasher");
    }

    [Fact]
    public async Task Pages_forbid_framing_sniffing_and_foreign_content()
    {
        await served.Server.Analysed;
        foreach (var path in new[] { "/", "/stories/s1", "/search?q=drones", "/api/stories" })
        {
            var response = await served.Http.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
            response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);
            var policy = response.Headers.GetValues("Content-Security-Policy").ShouldHaveSingleItem();
            policy.ShouldContain("default-src 'none'");
            policy.ShouldContain("frame-ancestors 'none'");
        }
    }

    [Theory]
    [InlineData("%00")]
    [InlineData("drones%00%01")]
    [InlineData("%E2%80%8B")]
    public async Task Control_characters_in_a_search_are_only_ever_words(string query)
    {
        (await served.Http.GetAsync("/api/search?q=" + query)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await served.Http.GetAsync("/search?q=" + query)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_search_repeating_one_word_thousands_of_times_finds_what_the_word_finds()
    {
        var once = await served.Http.GetStringAsync("/api/search?q=drones");
        var repeated = await served.Http.GetStringAsync("/api/search?q=" + string.Join("+", Enumerable.Repeat("drones", 1_000))); // 7 KB, under the 8 KB request line
        repeated.ShouldBe(once);
    }

    [Fact]
    public async Task A_search_over_its_time_limit_is_stopped_and_answered_503_while_the_pages_answer()
    {
        using var limited = StoryServer.Open(served.Database, searchTimeLimit: TimeSpan.Zero);
        await using var limitedApp = limited.Build(port: 0);
        await limitedApp.StartAsync();
        await limited.QueueRead;
        using var client = new HttpClient { BaseAddress = new Uri(limitedApp.Urls.First()) };

        var api = await client.GetAsync("/api/search?q=drones");
        var page = await client.GetAsync("/search?q=drones");

        api.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await api.Content.ReadAsStringAsync()).ShouldContain("the search took longer than 0 s and was stopped");
        page.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await page.Content.ReadAsStringAsync()).ShouldContain("fewer or rarer words find sooner");
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await served.Http.GetStringAsync("/api/search?q=drones")).ShouldContain("\"snippet\"");
    }

    [Fact]
    public async Task The_story_list_shows_each_picture_s_headline_once_it_is_analysed()
    {
        var early = await served.Http.GetStringAsync("/"); // before the pictures, perhaps: the first articles' titles
        await served.Server.Analysed;

        var stories = JsonDocument.Parse(await served.Http.GetStringAsync("/api/stories")).RootElement.EnumerateArray().ToList();
        var list = await served.Http.GetStringAsync("/");

        early.ShouldContain("<ol class=\"stories\">");
        stories.ShouldNotBeEmpty();
        foreach (var story in stories)
        {
            var headline = JsonDocument.Parse(await served.Http.GetStringAsync($"/api/stories/{story.GetProperty("id").GetString()}")).RootElement
                .GetProperty("stories")[0].GetProperty("headline").GetString()!;
            story.GetProperty("headline").GetString().ShouldBe(headline);
            list.ShouldContain(WebUtility.HtmlEncode(headline));
        }
    }

    [Fact]
    public async Task A_story_bigger_than_a_page_analyses_is_shown_from_its_latest_articles_and_says_so()
    {
        using var capped = StoryServer.Open(served.Database, maxStoryArticles: 3);
        await using var cappedApp = capped.Build(port: 0);
        await cappedApp.StartAsync();
        await capped.QueueRead;
        using var client = new HttpClient { BaseAddress = new Uri(cappedApp.Urls.First()) };

        var page = await client.GetStringAsync("/stories/s1");
        var picture = JsonDocument.Parse(await client.GetStringAsync("/api/stories/s1")).RootElement;

        page.ShouldContain("This page analyses the latest 3 of the story's 5 articles");
        picture.GetProperty("documents").GetArrayLength().ShouldBe(3);
    }
}
