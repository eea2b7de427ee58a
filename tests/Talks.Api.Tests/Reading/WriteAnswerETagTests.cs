using System.Net;
using System.Text.Json.Nodes;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Reading;

/// <summary>
/// One representation, one ETag: the answer to a write carries the ETag a read of the same record gives, so a client
/// that keeps what its own write returned can revalidate it with a 304 instead of reading it again.
/// </summary>
public sealed class WriteAnswerETagTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private readonly HttpClient _analyst = factory.CreateClient();
    private readonly HttpClient _reader = factory.CreateAnonymousClient();

    [Fact]
    public async Task ACreatedRecordRevalidatesWithTheETagItsPostReturned()
    {
        using var created = await _analyst.PostJsonAsync("/api/v1/parties", Party(Unique("Tagged State")));
        await created.ReadJsonAsync(HttpStatusCode.Created);

        await AssertNotModifiedAsync(created.Headers.Location!.OriginalString, created.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task APatchedRecordRevalidatesWithTheETagItsPatchReturned()
    {
        var url = $"/api/v1/parties/{(await _analyst.CreateAsync("/api/v1/parties", Party(Unique("Patched State")))).Text("id")}";

        using var patched = await _analyst.PatchCurrentAsync(url, """{ "notes": "Changed." }""");
        await patched.ReadJsonAsync(HttpStatusCode.OK);

        await AssertNotModifiedAsync(url, patched.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task AReplacedRoundRevalidatesWithTheETagItsPutReturned()
    {
        var talk = (await _analyst.CreateAsync("/api/v1/talks", Talk(Unique("Tagged talks")))).Text("id");
        var body = Round(Unique("Riga"), "2025-04-04");
        var url = $"/api/v1/rounds/{(await _analyst.CreateAsync($"/api/v1/talks/{talk}/rounds", body)).Text("id")}";
        body["summary"] = "Replaced.";

        using var replaced = await _analyst.PutCurrentAsync(url, body);
        await replaced.ReadJsonAsync(HttpStatusCode.OK);

        await AssertNotModifiedAsync(url, replaced.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task ARoundPostedWholeRevalidatesWithTheETagItsPostReturned()
    {
        var talk = (await _analyst.CreateAsync("/api/v1/talks", Talk(Unique("Whole talks")))).Text("id");
        var round = Round(Unique("Vilnius"), "2025-05-05");
        var position = Position("ignored", "ukraine", "ceasefire", "proposal");
        position.Remove("roundId");
        round["positions"] = new JsonArray(position);
        var agreement = Agreement("An exchange", "ignored");
        agreement.Remove("roundId");
        round["agreements"] = new JsonArray(agreement);

        using var created = await _analyst.PostJsonAsync($"/api/v1/talks/{talk}/rounds", round);
        var body = await created.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Single(body.GetProperty("positions").EnumerateArray());

        await AssertNotModifiedAsync(created.Headers.Location!.OriginalString, created.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task AnAgreementEventRevalidatesWithTheETagItsPostReturned()
    {
        var events = "/api/v1/agreements/istanbul-2025-prisoner-exchange/events";
        using var created = await _analyst.PostJsonAsync(events, new JsonObject
        {
            ["occurredOn"] = "2025-05-23",
            ["description"] = Unique("A stage of the exchange"),
            ["quantity"] = 1,
            ["unit"] = "people",
            ["statusAfter"] = null,
            ["sourceIds"] = new JsonArray(ArticleSource),
        });
        await created.ReadJsonAsync(HttpStatusCode.Created);

        await AssertNotModifiedAsync(created.Headers.Location!.OriginalString, created.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task TheETagAWriteReturnedStillServesAsIfMatchForTheNextOne()
    {
        var url = $"/api/v1/parties/{(await _analyst.CreateAsync("/api/v1/parties", Party(Unique("Twice Patched State")))).Text("id")}";
        using var first = await _analyst.PatchCurrentAsync(url, """{ "notes": "First." }""");
        await first.ReadJsonAsync(HttpStatusCode.OK);
        Http.AssertETagOfVersion(2, first.Headers.ETag?.ToString());

        using var second = await _analyst.PatchAsync(url, """{ "notes": "Second." }""", first.Headers.ETag?.ToString());

        var body = await second.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Second.", body.Text("notes"));
    }

    private async Task AssertNotModifiedAsync(string url, string? writeETag)
    {
        Assert.False(string.IsNullOrEmpty(writeETag), "The write answered without an ETag.");
        var (_, readETag) = await _reader.GetWithETagAsync(url);
        Assert.Equal(readETag, writeETag);

        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("If-None-Match", writeETag);
        using var again = await _reader.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }
}
