using System.Net;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Rounds;

public sealed class RoundListTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task ATalksRoundsComeInDateOrderNotTheOrderTheyWereEntered()
    {
        var talk = await CreateTalkAsync();
        var late = await CreateRoundAsync(talk, "2025-09-01");
        var early = await CreateRoundAsync(talk, "2025-03-01");
        var middle = await CreateRoundAsync(talk, "2025-06-01");

        var page = await _client.GetJsonAsync($"/api/v1/talks/{talk}/rounds");

        Assert.Equal([early, middle, late], page.Ids());
    }

    [Fact]
    public async Task PagingThroughRoundsOnTheSameDayNeitherRepeatsNorSkips()
    {
        var talk = await CreateTalkAsync();
        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add(await CreateRoundAsync(talk, "2025-04-04"));
        }

        ids.Add(await CreateRoundAsync(talk, "2025-04-05"));

        var seen = new List<string>();
        string? next = $"/api/v1/talks/{talk}/rounds?limit=2";
        while (next is not null)
        {
            using var response = await _client.GetAsync(next);
            var page = await response.ReadJsonAsync(HttpStatusCode.OK);
            seen.AddRange(page.Ids());
            next = response.Link("next");
            Assert.True(seen.Count <= ids.Count, "Paging went past the end.");
        }

        Assert.Equal(ids.Take(4).Order(StringComparer.Ordinal).Append(ids[4]), seen);
    }

    [Fact]
    public async Task RoundsCanBeFilteredByTalkPartyAndDates()
    {
        var talk = await CreateTalkAsync();
        var withTurkey = await CreateRoundAsync(talk, "2025-02-02", Participant("turkey", "host"));
        var without = await CreateRoundAsync(talk, "2025-08-08");

        var turkey = await _client.GetJsonAsync($"/api/v1/rounds?talkId={talk}&partyId=turkey");
        Assert.Equal([withTurkey], turkey.Ids());

        var spring = await _client.GetJsonAsync($"/api/v1/rounds?talkId={talk}&from=2025-01-01&to=2025-06-30");
        Assert.Equal([withTurkey], spring.Ids());

        var onTheDay = await _client.GetJsonAsync($"/api/v1/rounds?talkId={talk}&from=2025-08-08&to=2025-08-08");
        Assert.Equal([without], onTheDay.Ids());

        var istanbul = await _client.GetJsonAsync("/api/v1/rounds?from=2025-05-16&to=2025-05-16");
        Assert.Contains("istanbul-2025-05-16", istanbul.Ids());
        Assert.DoesNotContain("istanbul-2022-03-29", istanbul.Ids());
    }

    [Fact]
    public async Task ListedRoundsCarryParticipantsAndDelegatesButNotTheWholeRound()
    {
        var page = await _client.GetJsonAsync("/api/v1/rounds?talkId=russia-ukraine-direct-talks");

        var round = page.GetProperty("items").WithId("istanbul-2025-05-16");
        Assert.Equal("russia-ukraine-direct-talks", round.Text("talkId"));
        Assert.Equal(5, round.GetProperty("participants").GetArrayLength());
        Assert.False(round.TryGetProperty("positions", out _));
    }

    [Fact]
    public async Task FromAfterToIsRejectedNamingFrom()
    {
        using var response = await _client.GetAsync("/api/v1/rounds?from=2025-06-01&to=2025-01-01");

        await response.ReadValidationProblemAsync("from");
    }

    [Theory]
    [InlineData("from=2025-13-01", "from")]
    [InlineData("to=yesterday", "to")]
    [InlineData("limit=0", "limit")]
    [InlineData("cursor=bogus", "cursor")]
    [InlineData("cursor=WyJ4Il0", "cursor")] // ["x"]: one key where the list issues two
    [InlineData("cursor=WyJub3QtYS1kYXRlIiwieCJd", "cursor")] // ["not-a-date","x"]
    [InlineData("party=ukraine", "party")]
    public async Task ABadListParameterIsRejectedNamingIt(string query, string parameter)
    {
        using var response = await _client.GetAsync($"/api/v1/rounds?{query}");

        await response.ReadValidationProblemAsync(parameter);
    }

    [Fact]
    public async Task ListingTheRoundsOfATalkThatDoesNotExistAnswers404()
    {
        using var response = await _client.GetAsync("/api/v1/talks/no-such-talk/rounds");

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GettingARoundThatDoesNotExistAnswers404()
    {
        using var response = await _client.GetAsync("/api/v1/rounds/no-such-round");

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task<string> CreateTalkAsync() =>
        (await _client.CreateAsync("/api/v1/talks", Talk(Unique("Listed talks")))).Text("id")!;

    private async Task<string> CreateRoundAsync(string talk, string date, System.Text.Json.Nodes.JsonObject? extraParticipant = null)
    {
        var body = Round(Unique("Bern"), date);
        if (extraParticipant is not null)
        {
            body["participants"]!.AsArray().Add(extraParticipant);
        }

        return (await _client.CreateAsync($"/api/v1/talks/{talk}/rounds", body)).Text("id")!;
    }
}
