using System.Net;
using System.Text.Json.Nodes;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Errors;

/// <summary>
/// An analyst fixes a request once: a body with faults of shape (unknown fields, values that are not allowed, missing
/// required fields) and faults of content (unknown ids, rules across fields) gets all of them in one 400.
/// </summary>
public sealed class EveryFaultAtOnceTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task ARoundPostedWholeWithFaultsOfEveryKindNamesThemAllInOneAnswer()
    {
        var talk = (await _client.CreateAsync("/api/v1/talks", Talk(Unique("Faulty talks")))).Text("id");
        var city = Unique("Ankara");
        var round = Round(city, "2025-06-02",
            participants: new JsonArray(Participant("no-such-party", "negotiating-party")),
            delegates: new JsonArray(Delegate("no-such-person", "ukraine", "head")));
        round["bogus"] = true;
        var agreement = Agreement("An exchange", "ignored", status: "half-agreed");
        agreement.Remove("roundId");
        agreement.Remove("summary");
        ((JsonArray)agreement["obligations"]!)[1]!["partyId"] = "no-such-party-either";
        round["agreements"] = new JsonArray(agreement);

        using var response = await _client.PostJsonAsync($"/api/v1/talks/{talk}/rounds", round);

        await response.ReadValidationProblemAsync(
            "bogus",
            "agreements[0].status",
            "agreements[0].summary",
            "participants[0].partyId",
            "delegates[0].personId",
            "agreements[0].obligations[1].partyId");
        var rounds = await _client.GetJsonAsync($"/api/v1/talks/{talk}/rounds");
        Assert.Empty(rounds.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task AProblemWithFaultsOfShapeSaysWhatCouldNotBeChecked()
    {
        var party = Party(Unique("Shapeless State"), kind: "planet", countryCode: "not-a-code");
        party["bogus"] = 1;

        using var response = await _client.PostJsonAsync("/api/v1/parties", party);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        var errors = Problem.Errors(problem);
        Assert.Equal(["bogus", "countryCode", "kind"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("state", errors["kind"].Single());
        Assert.Contains("checked once they are fixed", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AFieldMissingAndAFieldMisspeltAreBothNamedNotOnlyTheFirst()
    {
        var party = Party(Unique("Half State"));
        party.Remove("name");
        party["nmae"] = "Typo";

        using var response = await _client.PostJsonAsync("/api/v1/parties", party);

        var errors = await response.ReadValidationProblemAsync("name", "nmae");
        Assert.Equal(2, errors.Count);
    }

    [Fact]
    public async Task AMergePatchWithFaultsOfShapeAndContentNamesThemAllAndChangesNothing()
    {
        var url = $"/api/v1/parties/{(await _client.CreateAsync("/api/v1/parties", Party(Unique("Patched State")))).Text("id")}";

        using var response = await _client.PatchCurrentAsync(url, """{ "kind": "planet", "countryCode": "toolong", "bogus": 2 }""");

        await response.ReadValidationProblemAsync("kind", "countryCode", "bogus");
        var (party, _) = await _client.GetWithETagAsync(url);
        Assert.Equal("state", party.Text("kind"));
        Assert.Equal(1, party.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task ABodyThatIsNotJsonSaysNothingInItWasChecked()
    {
        using var response = await _client.PostAsync("/api/v1/parties", Http.Json("""{ "name": "Cut off", "kind": """));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["body"], Problem.Errors(problem).Keys);
        Assert.Contains("not well-formed JSON", problem.GetProperty("detail").GetString());
    }
}
