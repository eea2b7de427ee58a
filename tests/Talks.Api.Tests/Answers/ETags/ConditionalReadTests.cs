using System.Net;
using System.Net.Http.Headers;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Answers.ETags;

/// <summary>Front-ends poll; an unchanged answer costs them a 304, and a changed one is never served stale.</summary>
public sealed class ConditionalReadTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private readonly HttpClient _client = factory.CreateAnonymousClient();
    private readonly HttpClient _analyst = factory.CreateClient();

    [Fact]
    public async Task ARecordReadAgainWithItsETagAnswers304WithoutABody()
    {
        var (_, etag) = await _client.GetWithETagAsync("/api/v1/parties/ukraine");

        using var again = await GetIfNoneMatchAsync("/api/v1/parties/ukraine", etag);

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, again.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task AfterAnEditTheOldETagGetsTheNewRecord()
    {
        var created = await _analyst.CreateAsync("/api/v1/parties", Party(Unique("Polled State")));
        var url = $"/api/v1/parties/{created.Text("id")}";
        var (_, before) = await _client.GetWithETagAsync(url);
        using (var edit = await _analyst.PatchCurrentAsync(url, """{ "notes": "Changed." }"""))
        {
            Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        }

        using var again = await GetIfNoneMatchAsync(url, before);

        var body = await again.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Changed.", body.Text("notes"));
        Assert.NotEqual(before, again.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task AWholeRoundIsNotServedStaleWhenSomethingInsideItChanges()
    {
        var talk = (await _analyst.CreateAsync("/api/v1/talks", Talk(Unique("Polled talks")))).Text("id");
        var round = (await _analyst.CreateAsync($"/api/v1/talks/{talk}/rounds", Round(Unique("Tallinn"), "2025-03-03"))).Text("id");
        var url = $"/api/v1/rounds/{round}";
        var (_, before) = await _client.GetWithETagAsync(url);

        await _analyst.CreateAsync("/api/v1/positions", Position(round!, "ukraine", "ceasefire", "proposal"));

        using var again = await GetIfNoneMatchAsync(url, before);
        var body = await again.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Single(body.GetProperty("positions").EnumerateArray());
        Assert.Equal(1, body.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task AReadETagStillServesAsIfMatchForTheRecordsVersion()
    {
        var created = await _analyst.CreateAsync("/api/v1/parties", Party(Unique("Matched State")));
        var url = $"/api/v1/parties/{created.Text("id")}";
        var (_, readTag) = await _client.GetWithETagAsync(url);

        using var edit = await _analyst.PatchAsync(url, """{ "notes": "With a read ETag." }""", readTag);

        await edit.ReadJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AListReadAgainWithItsETagAnswers304()
    {
        using var first = await _client.GetAsync("/api/v1/parties?kind=state");
        await first.ReadJsonAsync(HttpStatusCode.OK);
        var etag = first.Headers.ETag?.ToString();
        Assert.False(string.IsNullOrEmpty(etag));

        using var again = await GetIfNoneMatchAsync("/api/v1/parties?kind=state", etag!);

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    [Fact]
    public async Task ReadsTellCachesToRevalidate()
    {
        using var response = await _client.GetAsync("/api/v1/parties/ukraine");

        Assert.True(response.Headers.CacheControl?.NoCache, $"Cache-Control was '{response.Headers.CacheControl}'.");
    }

    [Fact]
    public async Task ANotFoundIsNeverAnswered304()
    {
        using var response = await GetIfNoneMatchAsync("/api/v1/parties/no-such-party", "*");

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ARepeatedReadWithTheETagAnswers304UntilSomethingItShowsChanges()
    {
        const string url = "/api/v1/rounds/istanbul-2025-05-16";
        using var first = await _analyst.GetAsync(url);
        var etag = first.Headers.ETag!.Tag;
        Assert.Contains("no-cache", first.Headers.CacheControl!.ToString());

        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag));
        using var notModified = await _analyst.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        // A new position changes the full round without changing the round's own version.
        await _analyst.CreateAsync("/api/v1/positions", Position("istanbul-2025-05-16", "turkey", "further-talks", "offer"));
        using var afterWrite = new HttpRequestMessage(HttpMethod.Get, url);
        afterWrite.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag));
        using var changed = await _analyst.SendAsync(afterWrite);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task ListsHaveETagsAndAnswer304Too()
    {
        using var first = await _analyst.GetAsync("/api/v1/talks");
        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/v1/talks");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await _analyst.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    private Task<HttpResponseMessage> GetIfNoneMatchAsync(string url, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        return _client.SendAsync(request);
    }
}
