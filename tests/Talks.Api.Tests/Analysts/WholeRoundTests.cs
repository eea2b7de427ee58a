using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Analysts;

/// <summary>An analyst posts a round with everything that happened in it: all of it lands, or none of it.</summary>
public sealed class WholeRoundTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private const string TalkRounds = "/api/v1/talks/russia-ukraine-direct-talks/rounds";
    private readonly HttpClient _client = factory.CreateClient();

    private static JsonObject WholeRound(string suffix)
    {
        var round = Round("Istanbul", "2025-06-02");
        round["id"] = $"istanbul-whole-{suffix}";
        round["sources"] = new JsonArray(new JsonObject { ["id"] = $"report-{suffix}", ["title"] = "Wire report on the second round", ["kind"] = "article" });
        round["sourceIds"] = new JsonArray($"report-{suffix}");
        round["parties"] = new JsonArray(new JsonObject
        {
            ["id"] = $"observer-{suffix}",
            ["name"] = $"Observer {suffix}",
            ["kind"] = "international-organisation",
            ["sourceIds"] = new JsonArray($"report-{suffix}"),
        });
        round["people"] = new JsonArray(new JsonObject
        {
            ["id"] = $"envoy-{suffix}",
            ["name"] = $"Envoy {suffix}",
            ["partyId"] = $"observer-{suffix}",
            ["sourceIds"] = new JsonArray($"report-{suffix}"),
        });
        round["positions"] = new JsonArray(
            new JsonObject
            {
                ["id"] = $"russia-memorandum-{suffix}",
                ["partyId"] = "russia",
                ["topic"] = "ceasefire",
                ["kind"] = "proposal",
                ["summary"] = "A memorandum setting out conditions for a ceasefire.",
                ["sourceIds"] = new JsonArray($"report-{suffix}"),
            },
            new JsonObject
            {
                ["partyId"] = "ukraine",
                ["topic"] = "ceasefire",
                ["kind"] = "rejection",
                ["summary"] = "The conditions amount to an ultimatum.",
                ["answersId"] = $"russia-memorandum-{suffix}",
                ["voicedById"] = "rustem-umerov",
                ["sourceIds"] = new JsonArray(ArticleSource),
            },
            new JsonObject
            {
                ["partyId"] = $"observer-{suffix}",
                ["topic"] = "humanitarian-access",
                ["kind"] = "offer",
                ["summary"] = "Offers to monitor exchanges.",
                ["voicedById"] = $"envoy-{suffix}",
                ["sourceIds"] = new JsonArray($"report-{suffix}"),
            });
        round["statements"] = new JsonArray(new JsonObject
        {
            ["speakerPersonId"] = $"envoy-{suffix}",
            ["quote"] = "We stand ready.",
            ["wording"] = "verbatim",
            ["sourceIds"] = new JsonArray($"report-{suffix}"),
        });
        var agreement = Agreement("Exchange of the bodies of the fallen", roundId: "ignored");
        agreement.Remove("roundId");
        agreement["obligations"] = new JsonArray(Obligation("russia", 6000, "ukraine"));
        agreement["sourceIds"] = new JsonArray($"report-{suffix}");
        round["agreements"] = new JsonArray(agreement);
        return round;
    }

    [Fact]
    public async Task EveryPartOfARoundPostedWholeIsThereAfterwardsAndPartsMayReferToEachOther()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var created = await _client.CreateAsync(TalkRounds, WholeRound(suffix));
        var id = created.Text("id")!;

        var round = await _client.GetJsonAsync($"/api/v1/rounds/{id}");
        Assert.Equal(3, round.GetProperty("positions").GetArrayLength());
        var rejection = round.GetProperty("positions").EnumerateArray().Single(p => p.Text("kind") == "rejection");
        Assert.Equal($"russia-memorandum-{suffix}", rejection.Text("answersId"));
        Assert.Equal(id, rejection.Text("roundId"));
        Assert.Equal("We stand ready.", round.GetProperty("statements")[0].Text("quote"));
        Assert.Equal(6000, round.GetProperty("agreements")[0].GetProperty("obligations")[0].GetProperty("quantity").GetInt32());

        await _client.GetJsonAsync($"/api/v1/parties/observer-{suffix}");
        var envoy = await _client.GetJsonAsync($"/api/v1/people/envoy-{suffix}");
        Assert.Equal($"observer-{suffix}", envoy.Text("partyId"));
        await _client.GetJsonAsync($"/api/v1/sources/report-{suffix}");
    }

    [Fact]
    public async Task OneBadPositionRefusesTheWholeRoundNamingItsPathAndLeavesNoTrace()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var body = WholeRound(suffix);
        body["positions"]![2]!["partyId"] = "atlantis";

        using var response = await _client.PostJsonAsync(TalkRounds, body);

        var errors = await response.ReadValidationProblemAsync("positions[2].partyId");
        Assert.Single(errors);
        await factory.InDatabaseAsync(async db =>
        {
            Assert.False(await db.Rounds.AnyAsync(r => r.Id == $"istanbul-whole-{suffix}"));
            Assert.False(await db.Sources.AnyAsync(s => s.Id == $"report-{suffix}"));
            Assert.False(await db.Parties.AnyAsync(p => p.Id == $"observer-{suffix}"));
            Assert.False(await db.People.AnyAsync(p => p.Id == $"envoy-{suffix}"));
            Assert.False(await db.Positions.AnyAsync(p => p.Id == $"russia-memorandum-{suffix}"));
            Assert.False(await db.Agreements.AnyAsync(a => a.RoundId == $"istanbul-whole-{suffix}"));
        });
    }

    [Fact]
    public async Task PartsNamingAnotherRoundOrRepeatingAnIdAreRefused()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var body = WholeRound(suffix);
        body["statements"]![0]!["roundId"] = "istanbul-2025-05-16";
        ((JsonArray)body["positions"]!).Add(new JsonObject
        {
            ["id"] = $"russia-memorandum-{suffix}",
            ["partyId"] = "russia",
            ["topic"] = "ceasefire",
            ["kind"] = "demand",
            ["summary"] = "Repeated.",
            ["sourceIds"] = new JsonArray(ArticleSource),
        });

        using var response = await _client.PostJsonAsync(TalkRounds, body);

        await response.ReadValidationProblemAsync("statements[0]", "positions[3].id");
        Assert.False(await factory.InDatabaseAsync(db => db.Rounds.AnyAsync(r => r.Id == $"istanbul-whole-{suffix}")));
    }

    [Fact]
    public async Task ANewPartyWithoutAnIdIsRefusedBecauseNothingCouldReferToIt()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var body = WholeRound(suffix);
        body["parties"]![0]!.AsObject().Remove("id");

        using var response = await _client.PostJsonAsync(TalkRounds, body);

        await response.ReadValidationProblemAsync("parties[0]");
    }
}
