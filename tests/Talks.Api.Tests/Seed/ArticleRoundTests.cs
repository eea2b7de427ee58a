using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Seed;

/// <summary>The article's facts about the meeting itself, as a front-end reads them from one round request.</summary>
public sealed class ArticleRoundTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private const string Round = "/api/v1/rounds/istanbul-2025-05-16";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task TheIstanbulRoundWasHeldAtAHistoricOttomanPalaceOnTheBosphorus()
    {
        var round = await _client.GetJsonAsync(Round);

        Assert.Equal("Istanbul", round.Text("city"));
        Assert.Equal("TR", round.Text("countryCode"));
        Assert.Equal("Dolmabahçe Palace", round.Text("venue"));
        Assert.Contains("historic Ottoman palace along the Bosphorus", round.Text("venueDescription"));
        Assert.Equal("2025-05-16", round.Text("date"));
    }

    [Fact]
    public async Task TheIstanbulRoundLastedUnderTwoHours()
    {
        var round = await _client.GetJsonAsync(Round);

        Assert.Equal(120, round.GetProperty("durationMinutes").GetInt32());
        Assert.Equal("less-than", round.Text("durationBound"));
        Assert.True(round.IsNull("startsAt"), "The article gives no start time; none should be invented.");
    }

    [Fact]
    public async Task TheIstanbulRoundBelongsToTheDirectTalksAsTheirSecondRound()
    {
        var round = await _client.GetJsonAsync(Round);

        Assert.Equal("russia-ukraine-direct-talks", round.GetProperty("talk").Text("id"));
        Assert.False(string.IsNullOrWhiteSpace(round.GetProperty("talk").Text("title")));
        Assert.Equal(2, round.GetProperty("sequence").GetInt32());
        Assert.Contains(ArticleSource, round.GetProperty("sourceIds").Strings());
    }

    [Fact]
    public async Task TheRoundBeforeWasTheMarch2022TalksInIstanbul()
    {
        var rounds = await _client.GetJsonAsync("/api/v1/talks/russia-ukraine-direct-talks/rounds");

        var items = rounds.Items();
        Assert.Equal(["istanbul-2022-03-29", "istanbul-2025-05-16"], items.Select(r => r.Text("id")).Take(2));
        var previous = items[0];
        Assert.Equal("2022-03-29", previous.Text("date"));
        Assert.Equal(1, previous.GetProperty("sequence").GetInt32());
        Assert.Contains("public-record-istanbul-2022-03-29", previous.GetProperty("sourceIds").Strings());
    }

    [Fact]
    public async Task UkraineAndRussiaNegotiatedWhileTurkeyHostedAndTurkeyAndTheUnitedStatesPressed()
    {
        var round = await _client.GetJsonAsync(Round);

        var roles = round.GetProperty("participants").EnumerateArray()
            .Select(p => $"{p.Text("partyId")}:{p.Text("role")}").Order().ToList();
        Assert.Equal(
            ["russia:negotiating-party", "turkey:facilitator", "turkey:host", "ukraine:negotiating-party", "united-states:facilitator"],
            roles);
        var usa = Assert.Single(round.GetProperty("participants").EnumerateArray(), p => p.Text("partyId") == "united-states");
        Assert.Equal("United States", usa.Text("partyName"));
    }

    [Fact]
    public async Task UmerovHeadedUkrainesDelegationAndMedinskyRussias()
    {
        var round = await _client.GetJsonAsync(Round);

        var delegates = round.GetProperty("delegates").EnumerateArray().ToList();
        var umerov = Assert.Single(delegates, d => d.Text("personId") == "rustem-umerov");
        Assert.Equal(("ukraine", "head"), (umerov.Text("partyId"), umerov.Text("role")));
        Assert.Equal("Rustem Umerov", umerov.Text("personName"));
        Assert.Equal("Minister of Defence of Ukraine", umerov.Text("office"));

        var medinsky = Assert.Single(delegates, d => d.Text("personId") == "vladimir-medinsky");
        Assert.Equal(("russia", "head"), (medinsky.Text("partyId"), medinsky.Text("role")));

        var kyslytsya = Assert.Single(delegates, d => d.Text("personId") == "serhiy-kyslytsya");
        Assert.Equal(("ukraine", "member"), (kyslytsya.Text("partyId"), kyslytsya.Text("role")));

        Assert.Contains(delegates, d => d.Text("personId") == "hakan-fidan" && d.Text("partyId") == "turkey");
    }

    [Fact]
    public async Task TheRoundCarriesItsFraughtAtmosphereAndItsOutcome()
    {
        var round = await _client.GetJsonAsync(Round);

        Assert.Contains("military fatigues", round.Text("atmosphere"));
        Assert.Contains("flags", round.Text("atmosphere"));
        Assert.Contains("1,000 prisoners of war", round.Text("outcome"));
        Assert.Contains("No substantial resolution on a truce", round.Text("outcome"));
        Assert.Contains("since March 2022", round.Text("summary"));
    }

    [Fact]
    public async Task OneRequestForTheRoundBringsItsPositionsStatementsAndAgreements()
    {
        var round = await _client.GetJsonAsync(Round);

        var positions = round.GetProperty("positions").Ids();
        Assert.Contains("russia-demands-withdrawal-for-ceasefire", positions);
        Assert.Contains("ukraine-rejects-withdrawal-demand", positions);
        Assert.Contains("ukraine-proposes-leaders-meeting", positions);
        Assert.Contains("russia-acknowledges-leaders-meeting", positions);

        var statements = round.GetProperty("statements").Ids();
        Assert.Contains("fidan-two-paths", statements);
        Assert.Contains("kyslytsya-good-news-for-families", statements);

        var agreement = round.GetProperty("agreements").WithId("istanbul-2025-prisoner-exchange");
        Assert.Equal(2, agreement.GetProperty("obligations").GetArrayLength());
    }
}
