using Talks.Api.Tests.Infrastructure;

namespace Talks.Api.Tests.Answers.Embedding;

/// <summary><c>include=</c> saves a front end its second and third requests.</summary>
public sealed class IncludeTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task ATalkEmbedsItsRoundsInDateOrder()
    {
        var talk = await _client.GetJsonAsync("/api/v1/talks/russia-ukraine-direct-talks?include=rounds");
        var rounds = talk.GetProperty("rounds").Ids();
        Assert.Equal(["istanbul-2022-03-29", "istanbul-2025-05-16"], rounds.Take(2));
    }

    [Fact]
    public async Task RoundsEmbedTheirTalkAndAgreementsAndAgreementsTheirRoundAndParties()
    {
        var rounds = await _client.GetJsonAsync("/api/v1/rounds?ids=istanbul-2025-05-16&include=talk,agreements,positions");
        var round = rounds.Items().Single();
        Assert.Equal("russia-ukraine-direct-talks", round.GetProperty("talk").Text("id"));
        Assert.Equal(["istanbul-2025-prisoner-exchange"], round.GetProperty("agreements").Ids());
        Assert.Contains("ukraine-rejects-withdrawal-demand", round.GetProperty("positions").Ids());

        var agreement = await _client.GetJsonAsync("/api/v1/agreements/istanbul-2025-prisoner-exchange?include=round,parties");
        Assert.Equal("istanbul-2025-05-16", agreement.GetProperty("round").Text("id"));
        Assert.Equal(["russia", "ukraine"], agreement.GetProperty("parties").Ids().Order());
    }

    [Fact]
    public async Task AnUnknownIncludeIsRefusedListingTheAllowedOnes()
    {
        using var response = await _client.GetAsync("/api/v1/talks?include=parties");
        var errors = await response.ReadValidationProblemAsync("include");
        Assert.Contains("rounds", errors["include"][0]);
    }
}
