using System.Net;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Rounds;

public sealed class RoundDeleteTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task DeletingAnEmptyRoundRemovesItWithItsParticipantsAndDelegations()
    {
        var id = await CreateRoundAsync();

        using var response = await _client.DeleteCurrentAsync($"/api/v1/rounds/{id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        using var gone = await _client.GetAsync($"/api/v1/rounds/{id}");
        await gone.ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.False(await factory.InDatabaseAsync(db => db.RoundParticipants.AnyAsync(p => p.RoundId == id)));
        Assert.False(await factory.InDatabaseAsync(db => db.RoundDelegates.AnyAsync(d => d.RoundId == id)));
    }

    [Fact]
    public async Task DeletingTheSeededRoundAnswersConflictNamingWhatBelongsToIt()
    {
        var (_, etag) = await _client.GetWithETagAsync("/api/v1/rounds/istanbul-2025-05-16");

        using var response = await _client.DeleteAsync("/api/v1/rounds/istanbul-2025-05-16", etag);

        var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict);
        var references = problem.GetProperty("references");
        Assert.Contains("ukraine-rejects-withdrawal-demand", references.GetProperty("positions").Strings());
        Assert.Contains("fidan-two-paths", references.GetProperty("statements").Strings());
        Assert.Contains("istanbul-2025-prisoner-exchange", references.GetProperty("agreements").Strings());
        await _client.GetJsonAsync("/api/v1/rounds/istanbul-2025-05-16");
    }

    [Fact]
    public async Task DeletingARoundAPositionBelongsToAnswersConflict()
    {
        var id = await CreateRoundAsync();
        var position = await _client.CreateAsync("/api/v1/positions", Position(id, "ukraine", "ceasefire", "proposal"));

        using var response = await _client.DeleteCurrentAsync($"/api/v1/rounds/{id}");

        var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains(position.Text("id"), problem.GetProperty("references").GetProperty("positions").Strings());
    }

    [Fact]
    public async Task DeletingARoundWithoutIfMatchAnswers428()
    {
        var id = await CreateRoundAsync();

        using var response = await _client.DeleteAsync($"/api/v1/rounds/{id}", ifMatch: null);

        await response.ReadProblemAsync((HttpStatusCode)428);
        await _client.GetJsonAsync($"/api/v1/rounds/{id}");
    }

    [Fact]
    public async Task ATalkWithRoundsCannotBeDeletedButAnEmptyOneCan()
    {
        var talk = (await _client.CreateAsync("/api/v1/talks", Talk(Unique("Short talks")))).Text("id");
        var round = (await _client.CreateAsync($"/api/v1/talks/{talk}/rounds", Round(Unique("Oslo"), "2025-01-01"))).Text("id");

        using (var refused = await _client.DeleteCurrentAsync($"/api/v1/talks/{talk}"))
        {
            var problem = await refused.ReadProblemAsync(HttpStatusCode.Conflict);
            Assert.Contains(round, problem.GetProperty("references").GetProperty("rounds").Strings());
        }

        using (var roundGone = await _client.DeleteCurrentAsync($"/api/v1/rounds/{round}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, roundGone.StatusCode);
        }

        using var talkGone = await _client.DeleteCurrentAsync($"/api/v1/talks/{talk}");
        Assert.Equal(HttpStatusCode.NoContent, talkGone.StatusCode);
        Assert.False(await factory.InDatabaseAsync(db => db.Talks.AnyAsync(t => t.Id == talk)));
    }

    private async Task<string> CreateRoundAsync()
    {
        var talk = (await _client.CreateAsync("/api/v1/talks", Talk(Unique("Deletable talks")))).Text("id");
        var round = await _client.CreateAsync($"/api/v1/talks/{talk}/rounds", Round(Unique("Helsinki"), "2025-06-01",
            delegates: new System.Text.Json.Nodes.JsonArray(Delegate("rustem-umerov", "ukraine", "head"))));
        return round.Text("id")!;
    }
}
