using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Rounds;

public sealed class RoundUpdateTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task ReplacingARoundReplacesItsParticipantsAndDelegations()
    {
        var (url, body) = await CreateRoundAsync();
        body["participants"] = new JsonArray(
            Participant("ukraine", "negotiating-party"), Participant("russia", "negotiating-party"), Participant("united-states", "mediator"));
        body["delegates"] = new JsonArray(Delegate("vladimir-medinsky", "russia", "head"));
        body["venue"] = "Another hall";

        using var response = await _client.PutCurrentAsync(url, body);

        var round = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, round.GetProperty("version").GetInt64());
        Assert.Equal("Another hall", round.Text("venue"));
        Assert.Equal(["russia:negotiating-party", "ukraine:negotiating-party", "united-states:mediator"],
            round.GetProperty("participants").EnumerateArray().Select(p => $"{p.Text("partyId")}:{p.Text("role")}").Order());
        Assert.Equal(["vladimir-medinsky"], round.GetProperty("delegates").EnumerateArray().Select(d => d.Text("personId")));

        var id = round.Text("id");
        Assert.Equal(3, await factory.InDatabaseAsync(db => db.RoundParticipants.CountAsync(p => p.RoundId == id)));
        Assert.Equal(1, await factory.InDatabaseAsync(db => db.RoundDelegates.CountAsync(d => d.RoundId == id)));
    }

    [Fact]
    public async Task ChangingOnlyADelegationStillMovesTheVersionOn()
    {
        var (url, _) = await CreateRoundAsync();

        using var response = await _client.PatchCurrentAsync(url,
            """{ "delegates": [ { "personId": "serhiy-kyslytsya", "partyId": "ukraine", "role": "member", "notes": null } ] }""");

        var round = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, round.GetProperty("version").GetInt64());
        Http.AssertETagOfVersion(2, response.Headers.ETag?.ToString());
        Assert.Equal("serhiy-kyslytsya", Assert.Single(round.GetProperty("delegates").EnumerateArray()).Text("personId"));
    }

    [Fact]
    public async Task ChangingOnlyAParticipantsNotesStillMovesTheVersionOn()
    {
        var (url, _) = await CreateRoundAsync();

        using var response = await _client.PatchCurrentAsync(url,
            """{ "participants": [ { "partyId": "ukraine", "role": "negotiating-party", "notes": "Arrived late." },""" +
            """ { "partyId": "russia", "role": "negotiating-party", "notes": null },""" +
            """ { "partyId": "turkey", "role": "host", "notes": null } ] }""");

        var round = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, round.GetProperty("version").GetInt64());
        var ukraine = Assert.Single(round.GetProperty("participants").EnumerateArray(), p => p.Text("partyId") == "ukraine");
        Assert.Equal("Arrived late.", ukraine.Text("notes"));
    }

    [Fact]
    public async Task AMergePatchOfOneFieldKeepsTheParticipantsAndDelegations()
    {
        var (url, _) = await CreateRoundAsync();

        using var response = await _client.PatchCurrentAsync(url, """{ "outcome": "Agreed to meet again." }""");

        var round = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Agreed to meet again.", round.Text("outcome"));
        Assert.Equal(3, round.GetProperty("participants").GetArrayLength());
        Assert.Equal(1, round.GetProperty("delegates").GetArrayLength());
        Assert.Equal("A conference hall", round.Text("venue"));
    }

    [Fact]
    public async Task AMergePatchWithNullClearsTheVenue()
    {
        var (url, _) = await CreateRoundAsync();

        using var response = await _client.PatchCurrentAsync(url, """{ "venue": null }""");

        var round = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.True(round.IsNull("venue"));
    }

    [Fact]
    public async Task RemovingAPartyWhoseDelegatesStayIsRejected()
    {
        var (url, _) = await CreateRoundAsync();

        using var response = await _client.PatchCurrentAsync(url,
            """{ "participants": [ { "partyId": "russia", "role": "negotiating-party", "notes": null } ] }""");

        await response.ReadValidationProblemAsync("delegates[0]");
        var round = await _client.GetJsonAsync(url);
        Assert.Equal(3, round.GetProperty("participants").GetArrayLength());
        Assert.Equal(1, round.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task TakingAnotherRoundsSequenceNumberAnswersConflict()
    {
        var talk = (await _client.CreateAsync("/api/v1/talks", Talk(Unique("Numbered talks")))).Text("id");
        await _client.CreateAsync($"/api/v1/talks/{talk}/rounds", Round(Unique("One"), "2025-01-01"));
        var second = await _client.CreateAsync($"/api/v1/talks/{talk}/rounds", Round(Unique("Two"), "2025-02-01"));
        var url = $"/api/v1/rounds/{second.Text("id")}";

        using var response = await _client.PatchCurrentAsync(url, """{ "sequence": 1 }""");

        await response.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(2, (await _client.GetJsonAsync(url)).GetProperty("sequence").GetInt32());
    }

    [Fact]
    public async Task ReplacingWithoutIfMatchAnswers428()
    {
        var (url, body) = await CreateRoundAsync();

        using var response = await _client.PutAsync(url, body, ifMatch: null);

        await response.ReadProblemAsync((HttpStatusCode)428);
    }

    [Fact]
    public async Task ReplacingWithAStaleETagAnswers412AndKeepsTheFirstEdit()
    {
        var (url, body) = await CreateRoundAsync();
        var (_, stale) = await _client.GetWithETagAsync(url);
        using (var first = await _client.PatchAsync(url, """{ "summary": "First analyst." }""", stale))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        body["summary"] = "Second analyst.";
        using var second = await _client.PutAsync(url, body, stale);

        await second.ReadProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal("\"2\"", second.Headers.ETag?.ToString());
        Assert.Equal("First analyst.", (await _client.GetJsonAsync(url)).Text("summary"));
    }

    [Fact]
    public async Task ARoundCannotChangeItsId()
    {
        var (url, body) = await CreateRoundAsync();
        body["id"] = IdFrom(Unique("renamed"));

        using var response = await _client.PutCurrentAsync(url, body);

        await response.ReadValidationProblemAsync("id");
    }

    [Fact]
    public async Task ARoundCannotMoveToAnotherTalk()
    {
        var (url, _) = await CreateRoundAsync();

        using var response = await _client.PatchCurrentAsync(url, """{ "talkId": "russia-ukraine-direct-talks" }""");

        await response.ReadValidationProblemAsync("talkId");
    }

    [Fact]
    public async Task ReplacingAnUnknownRoundAnswers404()
    {
        var (_, body) = await CreateRoundAsync();

        using var response = await _client.PutAsync("/api/v1/rounds/no-such-round", body, "\"1\"");

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task<(string Url, JsonObject Body)> CreateRoundAsync()
    {
        var talk = (await _client.CreateAsync("/api/v1/talks", Talk(Unique("Editable talks")))).Text("id");
        var body = Round(Unique("Vienna"), "2025-06-01",
            new JsonArray(Participant("ukraine", "negotiating-party"), Participant("russia", "negotiating-party"), Participant("turkey", "host")),
            new JsonArray(Delegate("rustem-umerov", "ukraine", "head")));
        var round = await _client.CreateAsync($"/api/v1/talks/{talk}/rounds", body.DeepClone());
        return ($"/api/v1/rounds/{round.Text("id")}", body);
    }
}
