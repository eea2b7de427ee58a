using System.Net;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Positions;

public sealed class PositionTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private const string Url = "/api/v1/positions";
    private const string Round = "istanbul-2025-05-16";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task ARejectionRecordedAgainstADemandLinksToIt()
    {
        var demand = await _client.CreateAsync(Url, Position(Round, "russia", await NewTopicAsync("buffer zone"), "demand"));

        using var response = await _client.PostJsonAsync(Url,
            Position(Round, "ukraine", demand.Text("topic")!, "rejection", answersId: demand.Text("id"), voicedById: "rustem-umerov"));

        var rejection = await response.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(demand.Text("id"), rejection.Text("answersId"));
        Assert.Equal("rustem-umerov", rejection.Text("voicedById"));
        Assert.Equal($"ukraine-rejection-{demand.Text("topic")}", rejection.Text("id"));
        var round = await _client.GetJsonAsync($"/api/v1/rounds/{Round}");
        Assert.Contains(rejection.Text("id"), round.GetProperty("positions").Ids());
    }

    [Fact]
    public async Task APositionWithBadReferencesIsRejectedNamingEachOne()
    {
        var topic = IdFrom(Unique("topic"));
        var body = Position("no-such-round", "atlantis", topic, "demand", answersId: "no-such-position", voicedById: "nobody");

        using var response = await _client.PostJsonAsync(Url, body);

        await response.ReadValidationProblemAsync("roundId", "partyId", "answersId", "voicedById");
        Assert.False(await factory.InDatabaseAsync(db => db.Positions.AnyAsync(p => p.Topic == topic)));
    }

    [Theory]
    [InlineData("Leaders Meeting")]
    [InlineData("leaders_meeting")]
    [InlineData("")]
    public async Task ATopicThatIsNotAKebabCaseWordIsRejected(string topic)
    {
        using var response = await _client.PostJsonAsync(Url, Position(Round, "ukraine", topic, "proposal"));

        await response.ReadValidationProblemAsync("topic");
    }

    [Fact]
    public async Task APositionWithoutARoundIsRejectedOutsideAWholeRound()
    {
        var body = Position(Round, "ukraine", await NewTopicAsync("roundless"), "proposal");
        body.Remove("roundId");

        using var response = await _client.PostJsonAsync(Url, body);

        await response.ReadValidationProblemAsync("roundId");
    }

    [Fact]
    public async Task APositionCannotAnswerItself()
    {
        var created = await _client.CreateAsync(Url, Position(Round, "ukraine", await NewTopicAsync("loop"), "proposal"));
        var url = $"{Url}/{created.Text("id")}";

        using var response = await _client.PatchCurrentAsync(url, $$"""{ "answersId": "{{created.Text("id")}}" }""");

        await response.ReadValidationProblemAsync("answersId");
    }

    [Fact]
    public async Task TwoPositionsCannotAnswerEachOther()
    {
        var topic = await NewTopicAsync("circle");
        var demand = await _client.CreateAsync(Url, Position(Round, "russia", topic, "demand"));
        var rejection = await _client.CreateAsync(Url, Position(Round, "ukraine", topic, "rejection", answersId: demand.Text("id")));
        var url = $"{Url}/{demand.Text("id")}";

        using var response = await _client.PatchCurrentAsync(url, $$"""{ "answersId": "{{rejection.Text("id")}}" }""");

        await response.ReadValidationProblemAsync("answersId");
        Assert.True((await _client.GetJsonAsync(url)).IsNull("answersId"));
    }

    [Fact]
    public async Task APositionThatAnotherAnswersCannotBeDeleted()
    {
        var (_, etag) = await _client.GetWithETagAsync($"{Url}/russia-demands-withdrawal-for-ceasefire");

        using var response = await _client.DeleteAsync($"{Url}/russia-demands-withdrawal-for-ceasefire", etag);

        var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("ukraine-rejects-withdrawal-demand", problem.GetProperty("references").GetProperty("positions").Strings());
    }

    [Fact]
    public async Task APositionNothingAnswersCanBeDeleted()
    {
        var created = await _client.CreateAsync(Url, Position(Round, "turkey", await NewTopicAsync("venue"), "offer"));

        using var response = await _client.DeleteCurrentAsync($"{Url}/{created.Text("id")}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var id = created.Text("id");
        Assert.False(await factory.InDatabaseAsync(db => db.Positions.AnyAsync(p => p.Id == id)));
    }

    [Fact]
    public async Task EditingAQuoteKeepsEverythingElse()
    {
        var created = await _client.CreateAsync(Url, Position(Round, "ukraine", await NewTopicAsync("quoted"), "proposal"));
        var url = $"{Url}/{created.Text("id")}";

        using var response = await _client.PatchCurrentAsync(url, """{ "quote": "Let the leaders meet." }""");

        var patched = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Let the leaders meet.", patched.Text("quote"));
        Assert.Equal(created.Text("summary"), patched.Text("summary"));
        Assert.Equal(created.Text("topic"), patched.Text("topic"));
    }

    [Fact]
    public async Task PositionsAreFilteredByRoundPartyTopicAndKind()
    {
        var topic = await NewTopicAsync("filtered");
        var created = await _client.CreateAsync(Url, Position(Round, "united-states", topic, "warning"));
        var id = created.Text("id")!;

        Assert.Equal([id], (await _client.GetJsonAsync($"{Url}?topic={topic}")).Ids());
        Assert.Equal([id], (await _client.GetJsonAsync($"{Url}?topic={topic}&partyId=united-states&kind=warning&roundId={Round}")).Ids());
        Assert.Empty((await _client.GetJsonAsync($"{Url}?topic={topic}&kind=demand")).Items());
        Assert.Empty((await _client.GetJsonAsync($"{Url}?topic={topic}&partyId=ukraine")).Items());
    }

    [Theory]
    [InlineData("kind=threat", "kind")]
    [InlineData("limit=abc", "limit")]
    [InlineData("speaker=ukraine", "speaker")]
    public async Task ABadListParameterIsRejectedNamingIt(string query, string parameter)
    {
        using var response = await _client.GetAsync($"{Url}?{query}");

        await response.ReadValidationProblemAsync(parameter);
    }

    [Fact]
    public async Task GettingAPositionThatDoesNotExistAnswers404()
    {
        using var response = await _client.GetAsync($"{Url}/no-such-position");

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    /// <summary>A topic of this test's own, so the ids made from it and the lists filtered by it are the test's alone.</summary>
    private async Task<string> NewTopicAsync(string name) => (await _client.CreateAsync("/api/v1/topics", Topic(Unique(name)))).Text("id")!;
}
