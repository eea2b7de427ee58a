using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Seed;

/// <summary>Who demanded, rejected, proposed and acknowledged what at the round, and which position answers which.</summary>
public sealed class ArticlePositionTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task RussiaDemandedAWithdrawalInExchangeForACeasefire()
    {
        var demand = await _client.GetJsonAsync("/api/v1/positions/russia-demands-withdrawal-for-ceasefire");

        Assert.Equal("russia", demand.Text("partyId"));
        Assert.Equal("demand", demand.Text("kind"));
        Assert.Equal("territory", demand.Text("topic"));
        Assert.Equal("istanbul-2025-05-16", demand.Text("roundId"));
        Assert.Contains("withdraw", demand.Text("summary"));
        Assert.Contains("ceasefire", demand.Text("summary"));
        Assert.Contains(ArticleSource, demand.GetProperty("sourceIds").Strings());
    }

    [Fact]
    public async Task UkraineRejectedTheDemandAsNewAndUnacceptable()
    {
        var rejection = await _client.GetJsonAsync("/api/v1/positions/ukraine-rejects-withdrawal-demand");

        Assert.Equal("ukraine", rejection.Text("partyId"));
        Assert.Equal("rejection", rejection.Text("kind"));
        Assert.Equal("new and unacceptable", rejection.Text("quote"));
        Assert.Equal("russia-demands-withdrawal-for-ceasefire", rejection.Text("answersId"));
    }

    [Fact]
    public async Task UmerovProposedAMeetingOfZelenskyAndPutin()
    {
        var proposal = await _client.GetJsonAsync("/api/v1/positions/ukraine-proposes-leaders-meeting");

        Assert.Equal("ukraine", proposal.Text("partyId"));
        Assert.Equal("proposal", proposal.Text("kind"));
        Assert.Equal("leaders-meeting", proposal.Text("topic"));
        Assert.Equal("rustem-umerov", proposal.Text("voicedById"));
        Assert.Contains("Zelensky", proposal.Text("summary"));
        Assert.Contains("Putin", proposal.Text("summary"));
    }

    [Fact]
    public async Task MedinskyAcknowledgedTheProposalWithoutCommitting()
    {
        var acknowledgement = await _client.GetJsonAsync("/api/v1/positions/russia-acknowledges-leaders-meeting");

        Assert.Equal("russia", acknowledgement.Text("partyId"));
        Assert.Equal("acknowledgement", acknowledgement.Text("kind"));
        Assert.Equal("vladimir-medinsky", acknowledgement.Text("voicedById"));
        Assert.Equal("ukraine-proposes-leaders-meeting", acknowledgement.Text("answersId"));
        Assert.Contains("did not fully commit", acknowledgement.Text("summary"));
    }

    [Fact]
    public async Task BothSidesAcceptedThePrisonerExchange()
    {
        var accepted = await _client.GetJsonAsync("/api/v1/positions?topic=prisoners&kind=acceptance");

        var parties = accepted.Items().Where(p => p.Text("roundId") == "istanbul-2025-05-16").Select(p => p.Text("partyId")).Order().ToList();
        Assert.Equal(["russia", "ukraine"], parties);
    }

    [Fact]
    public async Task TheLeadersMeetingPositionsAreFoundByTopic()
    {
        var page = await _client.GetJsonAsync("/api/v1/positions?roundId=istanbul-2025-05-16&topic=leaders-meeting");

        var ids = page.Ids();
        Assert.Contains("ukraine-proposes-leaders-meeting", ids);
        Assert.Contains("russia-acknowledges-leaders-meeting", ids);
        Assert.DoesNotContain("russia-demands-withdrawal-for-ceasefire", ids);
    }

    [Fact]
    public async Task TheEuWasPreparingItsEighteenthSanctionsPackage()
    {
        var warning = await _client.GetJsonAsync("/api/v1/positions/eu-prepares-18th-sanctions-package");

        Assert.Equal("european-union", warning.Text("partyId"));
        Assert.Equal("sanctions", warning.Text("topic"));
        Assert.Contains("18th", warning.Text("summary"));
        var eu = await _client.GetJsonAsync("/api/v1/parties/european-union");
        Assert.Equal("international-organisation", eu.Text("kind"));
    }

    [Fact]
    public async Task TrumpAssertedHisOwnInvolvementWasNeeded()
    {
        var assertion = await _client.GetJsonAsync("/api/v1/positions/us-trump-involvement-needed");

        Assert.Equal("united-states", assertion.Text("partyId"));
        Assert.Equal("assertion", assertion.Text("kind"));
        Assert.Equal("donald-trump", assertion.Text("voicedById"));
    }
}
