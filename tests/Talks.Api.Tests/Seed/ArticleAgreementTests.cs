using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Seed;

/// <summary>The one notable achievement of the round: 1,000 prisoners of war returned by each side.</summary>
public sealed class ArticleAgreementTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private const string Agreement = "/api/v1/agreements/istanbul-2025-prisoner-exchange";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task ThePrisonerExchangeWasAgreedAtTheIstanbulRound()
    {
        var agreement = await _client.GetJsonAsync(Agreement);

        Assert.Equal("istanbul-2025-05-16", agreement.Text("roundId"));
        Assert.Equal("prisoner-exchange", agreement.Text("type"));
        Assert.Equal("agreed", agreement.Text("status"));
        Assert.Equal("2025-05-16", agreement.Text("agreedOn"));
        Assert.Contains("1,000", agreement.Text("title"));
        Assert.Contains(ArticleSource, agreement.GetProperty("sourceIds").Strings());
    }

    [Fact]
    public async Task EachSideReturnsAThousandPrisonersOfWarToTheOther()
    {
        var agreement = await _client.GetJsonAsync(Agreement);

        var obligations = agreement.GetProperty("obligations").EnumerateArray().ToList();
        Assert.Equal(2, obligations.Count);
        var ukraine = Assert.Single(obligations, o => o.Text("partyId") == "ukraine");
        Assert.Equal(1000, ukraine.GetProperty("quantity").GetInt32());
        Assert.Equal("prisoners-of-war", ukraine.Text("unit"));
        Assert.Equal("russia", ukraine.Text("beneficiaryPartyId"));
        var russia = Assert.Single(obligations, o => o.Text("partyId") == "russia");
        Assert.Equal(1000, russia.GetProperty("quantity").GetInt32());
        Assert.Equal("prisoners-of-war", russia.Text("unit"));
        Assert.Equal("ukraine", russia.Text("beneficiaryPartyId"));
    }

    [Fact]
    public async Task TheImplementationDateIsUnknownBecauseItWasKeptConfidential()
    {
        var agreement = await _client.GetJsonAsync(Agreement);

        Assert.True(agreement.IsNull("implementationDate"));
        Assert.Equal("confidential", agreement.Text("implementationDatePrecision"));
        Assert.Contains("onfidential", agreement.Text("implementationDateNote"));
        Assert.Contains("Umerov", agreement.Text("implementationDateNote"));
    }

    [Fact]
    public async Task TheExchangeIsDueSoonOnAConfidentialDateSoNoDueDateCanBeWorkedOut()
    {
        var agreement = await _client.GetJsonAsync(Agreement);

        foreach (var obligation in agreement.GetProperty("obligations").EnumerateArray())
        {
            Assert.Contains("confidential", obligation.Text("condition"));
            Assert.True(obligation.IsNull("deadline") && obligation.IsNull("deadlineDays") && obligation.IsNull("dueOn"));
        }

        Assert.Equal(["ukraine", "russia"], agreement.GetProperty("obligations").EnumerateArray().Select(o => o.Text("partyId")));
        Assert.Equal([1, 2], agreement.GetProperty("obligations").EnumerateArray().Select(o => o.GetProperty("number").GetInt32()));
    }

    [Fact]
    public async Task NoImplementationEventsAreRecordedYet()
    {
        var agreement = await _client.GetJsonAsync(Agreement);
        var events = await _client.GetJsonAsync($"{Agreement}/events");

        Assert.Equal(0, agreement.GetProperty("events").GetArrayLength());
        Assert.Empty(events.Items());
    }

    [Fact]
    public async Task TheExchangeIsFoundByEitherPartyAndByType()
    {
        foreach (var query in new[] { "partyId=ukraine", "partyId=russia", "type=prisoner-exchange", "roundId=istanbul-2025-05-16", "status=agreed" })
        {
            var page = await _client.GetJsonAsync($"/api/v1/agreements?{query}");
            Assert.Contains("istanbul-2025-prisoner-exchange", page.Ids());
        }

        var turkey = await _client.GetJsonAsync("/api/v1/agreements?partyId=turkey");
        Assert.DoesNotContain("istanbul-2025-prisoner-exchange", turkey.Ids());
    }
}
