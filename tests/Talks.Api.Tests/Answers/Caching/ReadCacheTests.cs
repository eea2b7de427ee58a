using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Answers.Caching;

/// <summary>
/// Reads are kept and served again (an <c>Age</c> header says so) until anything is written — through this API or
/// straight into the database, as another instance sharing it would.
/// </summary>
public sealed class ReadCacheTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private readonly HttpClient _client = factory.CreateAnonymousClient();
    private readonly HttpClient _analyst = factory.CreateClient();

    [Fact]
    public async Task ARepeatedReadIsServedFromTheCacheWithTheSameBodyAndETag()
    {
        var url = $"/api/v1/parties/{await NewPartyAsync()}";
        using var first = await _client.GetAsync(url);
        using var second = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Null(first.Headers.Age);
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
    }

    [Theory]
    [InlineData("/api/v1/topics?parentId=security")]
    [InlineData("/api/v1/obligations?overdue=true")]
    [InlineData("/api/v1/talks/russia-ukraine-direct-talks/popolo")]
    [InlineData("/api/v1/rounds/istanbul-2025-05-16/status-history")]
    public async Task TheVocabularyObligationsPopoloAndStatusHistoryAreCachedLikeEveryRead(string url)
    {
        using var first = await _client.GetAsync(url);
        using var second = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ACachedAnswerCarriesTheCallersOwnRateLimitCount()
    {
        var url = $"/api/v1/parties/{await NewPartyAsync()}";
        await ReadTwiceAsync(url);

        using var third = await _client.GetAsync(url);
        using var fourth = await _client.GetAsync(url);

        Assert.NotNull(fourth.Headers.Age);
        Assert.NotEqual(third.Headers.GetValues("RateLimit-Remaining").Single(), fourth.Headers.GetValues("RateLimit-Remaining").Single());
    }

    [Fact]
    public async Task AReadAfterAnEditThroughTheApiIsFresh()
    {
        var url = $"/api/v1/parties/{await NewPartyAsync()}";
        await ReadTwiceAsync(url);

        using (var edit = await _analyst.PatchCurrentAsync(url, """{ "notes": "Edited through the API." }"""))
        {
            Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        }

        Assert.Equal("Edited through the API.", (await _client.GetJsonAsync(url)).Text("notes"));
    }

    [Fact]
    public async Task AWholeRoundIsFreshAfterAnotherInstanceChangesAPositionInIt()
    {
        var talk = (await _analyst.CreateAsync("/api/v1/talks", Talk(Unique("Cached talks")))).Text("id");
        var round = (await _analyst.CreateAsync($"/api/v1/talks/{talk}/rounds", Round(Unique("Riga"), "2025-04-04"))).Text("id");
        var position = (await _analyst.CreateAsync("/api/v1/positions", Position(round!, "ukraine", "ceasefire", "proposal"))).Text("id");
        var url = $"/api/v1/rounds/{round}";
        await ReadTwiceAsync(url);

        // What another API instance on the same database does: a save, which records the change with it.
        await factory.InDatabaseAsync(async db =>
        {
            var stored = await db.Positions.SingleAsync(p => p.Id == position);
            stored.Summary = "Changed by another instance.";
            await db.SaveChangesAsync();
        });

        var body = await _client.GetJsonAsync(url);
        Assert.Equal("Changed by another instance.", body.GetProperty("positions").WithId(position!).Text("summary"));
    }

    [Fact]
    public async Task AListIsFreshAfterAnotherInstanceAddsToIt()
    {
        var name = Unique("Listed State");
        var url = $"/api/v1/parties?q={Uri.EscapeDataString(name)}";
        await ReadTwiceAsync(url);

        await factory.InDatabaseAsync(async db =>
        {
            db.Parties.Add(new global::Talks.Data.Entities.Party { Id = IdFrom(name), Name = name });
            await db.SaveChangesAsync();
        });

        Assert.Equal([IdFrom(name)], (await _client.GetJsonAsync(url)).Ids());
    }

    [Fact]
    public async Task ACachedReadStillAnswers304ToItsETag()
    {
        var url = $"/api/v1/parties/{await NewPartyAsync()}";
        var etag = (await ReadTwiceAsync(url)).Headers.ETag;

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(etag!);
        using var again = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, again.Headers.ETag);
    }

    [Fact]
    public async Task DifferentFieldsGetDifferentBodies()
    {
        var url = $"/api/v1/parties/{await NewPartyAsync()}";
        await ReadTwiceAsync(url + "?fields=name");
        await ReadTwiceAsync(url + "?fields=kind");

        var names = await _client.GetJsonAsync(url + "?fields=name");
        var kinds = await _client.GetJsonAsync(url + "?fields=kind");

        Assert.Equal(["id", "name"], names.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["id", "kind"], kinds.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task CsvAndJsonOfTheSameListAreKeptApart()
    {
        await ReadTwiceAsync("/api/v1/parties?kind=state");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/parties?kind=state");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var csv = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task IdsDifferingOnlyInCaseAreNotConfused()
    {
        await ReadTwiceAsync("/api/v1/parties/ukraine");

        using var other = await _client.GetAsync("/api/v1/parties/UKRAINE");

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task ErrorsAreNotKept()
    {
        using var first = await _client.GetAsync("/api/v1/parties/ukraine?fields=nonsense");
        using var second = await _client.GetAsync("/api/v1/parties/ukraine?fields=nonsense");

        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Null(second.Headers.Age);
    }

    [Fact]
    public async Task CachingCanBeSwitchedOff()
    {
        await using var uncached = TalksApiFactory.WithSettings(new Dictionary<string, string> { ["Caching:Enabled"] = "false" });
        var client = uncached.CreateAnonymousClient();

        using var first = await client.GetAsync("/api/v1/parties/ukraine");
        using var second = await client.GetAsync("/api/v1/parties/ukraine");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Null(second.Headers.Age);
    }

    private async Task<string> NewPartyAsync() => (await _analyst.CreateAsync("/api/v1/parties", Party(Unique("Cached State")))).Text("id")!;

    /// <summary>Reads twice, insisting the second answer came from the cache; returns it.</summary>
    private async Task<HttpResponseMessage> ReadTwiceAsync(string url)
    {
        using (var first = await _client.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        var second = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotNull(second.Headers.Age);
        return second;
    }
}
