using System.Net;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Rounds;

/// <summary>A round's status over time: announced, put off, held — each change with when and by whom.</summary>
public sealed class RoundStatusHistoryTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static string InDays(int days) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days).ToString("yyyy-MM-dd");

    [Fact]
    public async Task ARoundAnnouncedThenPostponedThenHeldShowsEachStatusInOrder()
    {
        var talk = (await _client.CreateAsync("/api/v1/talks", Talk(Unique("Put-off talks")))).Text("id");
        var announced = Round(Unique("Istanbul"), InDays(20));
        announced["status"] = "scheduled";
        var round = (await _client.CreateAsync($"/api/v1/talks/{talk}/rounds", announced)).Text("id");
        var url = $"/api/v1/rounds/{round}";
        using (var postponed = await _client.PatchCurrentAsync(url, """{ "status": "postponed" }"""))
        {
            await postponed.ReadJsonAsync(HttpStatusCode.OK);
        }

        using (var summary = await _client.PatchCurrentAsync(url, """{ "summary": "Moved to a later date." }"""))
        {
            await summary.ReadJsonAsync(HttpStatusCode.OK);
        }

        using (var held = await _client.PatchCurrentAsync(url, $$"""{ "status": "held", "date": "{{InDays(-1)}}" }"""))
        {
            await held.ReadJsonAsync(HttpStatusCode.OK);
        }

        var history = await _client.GetJsonAsync($"{url}/status-history");

        Assert.Equal("held", history.Text("status"));
        var changes = history.GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal(["scheduled", "postponed", "held"], changes.Select(c => c.Text("status")));
        Assert.Equal([1L, 2L, 4L], changes.Select(c => c.GetProperty("version").GetInt64()));
        Assert.All(changes, c => Assert.False(string.IsNullOrEmpty(c.Text("actor"))));
        Assert.True(changes.Select(c => c.GetProperty("at").GetDateTime()).SequenceEqual(changes.Select(c => c.GetProperty("at").GetDateTime()).Order()));
    }

    [Fact]
    public async Task ASeededRoundWasHeldFromTheStart()
    {
        var history = await _client.GetJsonAsync("/api/v1/rounds/istanbul-2025-05-16/status-history");

        Assert.Equal(("held", "held"), (history.Text("status"), history.GetProperty("changes")[0].Text("status")));
    }

    [Fact]
    public async Task AnUnknownRoundIsA404Problem()
    {
        using var response = await _client.GetAsync("/api/v1/rounds/no-such-round/status-history");

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }
}
