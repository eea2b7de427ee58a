using System.Net;
using System.Text.Json.Nodes;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Answers.ETags;

/// <summary>
/// What a create or an update answers is the record as stored: a client that keeps the answer instead of reading the
/// record again holds exactly what every later read returns (times, version, nulls and lists included). One
/// representation, one ETag: the answer to a write carries the ETag a read of the same record gives, so a client that
/// keeps what its own write returned can revalidate it with a 304 instead of reading it again.
/// </summary>
public sealed class WriteAnswerTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
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

    public static TheoryData<string, string, string> Kinds => new()
    {
        { "/api/v1/parties", "party", """{ "notes": "Edited." }""" },
        { "/api/v1/people", "person", """{ "office": "Edited office" }""" },
        { "/api/v1/sources", "source", """{ "notes": "Edited.", "publisher": null }""" },
        { "/api/v1/positions", "position", """{ "summary": "Edited.", "quote": "A quote." }""" },
        { "/api/v1/statements", "statement", """{ "context": "Edited.", "saidOn": "2025-05-16" }""" },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task TheAnswerToACreateAndToAnUpdateIsWhatAReadReturns(string collection, string kind, string mergePatch)
    {
        var created = await _analyst.CreateAsync(collection, Body(kind));
        var url = $"{collection}/{created.Text("id")}";
        var (stored, _) = await _analyst.GetWithETagAsync(url);
        Assert.Equal(stored.GetRawText(), created.GetRawText());

        using var edit = await _analyst.PatchCurrentAsync(url, mergePatch);
        var edited = await edit.ReadJsonAsync(HttpStatusCode.OK);
        var (storedAfterEdit, _) = await _analyst.GetWithETagAsync(url);

        Assert.Equal(storedAfterEdit.GetRawText(), edited.GetRawText());
        Assert.Equal(2, edited.GetProperty("version").GetInt64());
        Assert.Matches("^\"2[-\"]", edit.Headers.ETag?.ToString());
    }

    private static JsonObject Body(string kind) => kind switch
    {
        "party" => Party(Unique("Answering State")),
        "person" => Person(Unique("Answering Person"), "ukraine", "Negotiator"),
        "source" => Source(Unique("Answering Source"), url: "https://example.org/answer"),
        "position" => AnsweringPosition(),
        "statement" => Statement(Unique("We answer with what is stored"), "rustem-umerov", "ukraine", "istanbul-2025-05-16"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static JsonObject AnsweringPosition()
    {
        var position = Position("istanbul-2025-05-16", "ukraine", "ceasefire", "proposal", voicedById: "rustem-umerov");
        position["id"] = IdFrom(Unique("answering position"));
        return position;
    }
}
