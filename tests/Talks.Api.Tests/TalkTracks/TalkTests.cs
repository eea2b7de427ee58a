using System.Net;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.TalkTracks;

public sealed class TalkTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private const string Url = "/api/v1/talks";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task TheSeededTalkSummarisesItsRoundsAndParties()
    {
        var talk = await _client.GetJsonAsync($"{Url}/russia-ukraine-direct-talks");

        Assert.Equal(2, talk.GetProperty("roundCount").GetInt32());
        Assert.Equal("2022-03-29", talk.Text("firstRoundDate"));
        Assert.Equal("2025-05-16", talk.Text("latestRoundDate"));
        Assert.Equal(["russia", "turkey", "ukraine", "united-states"], talk.GetProperty("partyIds").Strings());
    }

    [Fact]
    public async Task ANewTalkHasNoRoundsYet()
    {
        var title = Unique("Black Sea talks");

        using var response = await _client.PostJsonAsync(Url, Talk(title, "Shipping safety."));

        var talk = await response.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(IdFrom(title), talk.Text("id"));
        Assert.Equal(0, talk.GetProperty("roundCount").GetInt32());
        Assert.True(talk.IsNull("firstRoundDate"));
        Assert.Empty(talk.GetProperty("partyIds").EnumerateArray());
    }

    [Fact]
    public async Task TalksAreFoundByAPartyThatTookPart()
    {
        var usa = await _client.GetJsonAsync($"{Url}?partyId=united-states");
        var eu = await _client.GetJsonAsync($"{Url}?partyId=european-union");

        Assert.Contains("russia-ukraine-direct-talks", usa.Ids());
        Assert.DoesNotContain("russia-ukraine-direct-talks", eu.Ids());
    }

    [Fact]
    public async Task ATalkWithoutATitleIsRejected()
    {
        var body = Talk("");

        using var response = await _client.PostJsonAsync(Url, body);

        await response.ReadValidationProblemAsync("title");
    }

    [Fact]
    public async Task ARetitledTalkKeepsItsId()
    {
        var talk = await _client.CreateAsync(Url, Talk(Unique("Working title")));

        using var response = await _client.PatchCurrentAsync($"{Url}/{talk.Text("id")}", """{ "title": "Final title" }""");

        var patched = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(talk.Text("id"), patched.Text("id"));
        Assert.Equal("Final title", patched.Text("title"));
    }
}
