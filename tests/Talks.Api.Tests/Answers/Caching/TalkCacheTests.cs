using System.Net;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Answers.Caching;

/// <summary>
/// A write empties only the cached answers it can change: those of its own talk (and, for a shared record such as a
/// party, every talk's). Another talk's answers stay kept (an <c>Age</c> header says so), whether the write came
/// through this API or straight into the database, as another instance sharing it would.
/// </summary>
public sealed class TalkCacheTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private readonly HttpClient _client = factory.CreateAnonymousClient();
    private readonly HttpClient _analyst = factory.CreateClient();

    [Fact]
    public async Task APositionPostedToOneTalkLeavesAnotherTalksAnswersCachedAndRefreshesItsOwn()
    {
        var written = await NewTalkAsync();
        var untouched = await NewTalkAsync();
        await ReadTwiceAsync(written.Urls);
        await ReadTwiceAsync(untouched.Urls);

        var added = (await _analyst.CreateAsync("/api/v1/positions", Position(written.Round, "ukraine", "territory", "rejection"))).Text("id");

        await AssertServedFromCacheAsync(untouched.Urls);
        var round = await _client.GetJsonAsync($"/api/v1/rounds/{written.Round}");
        Assert.Contains(added, round.GetProperty("positions").Ids());
        using var talk = await _client.GetAsync($"/api/v1/talks/{written.Talk}");
        Assert.Null(talk.Headers.Age);
    }

    [Fact]
    public async Task AnotherInstancesEditToAPositionRefreshesOnlyItsTalk()
    {
        var written = await NewTalkAsync();
        var untouched = await NewTalkAsync();
        await ReadTwiceAsync(written.Urls);
        await ReadTwiceAsync(untouched.Urls);

        await factory.InDatabaseAsync(async db =>
        {
            var stored = await db.Positions.SingleAsync(p => p.Id == written.Position);
            stored.Summary = "Changed by another instance.";
            await db.SaveChangesAsync();
        });

        await AssertServedFromCacheAsync(untouched.Urls);
        Assert.Equal("Changed by another instance.", (await _client.GetJsonAsync($"/api/v1/positions/{written.Position}")).Text("summary"));
        var round = await _client.GetJsonAsync($"/api/v1/rounds/{written.Round}");
        Assert.Equal("Changed by another instance.", round.GetProperty("positions").WithId(written.Position).Text("summary"));
    }

    [Fact]
    public async Task ARenamedPartyShowsInEveryTalksRoundAtOnce()
    {
        var party = (await _analyst.CreateAsync("/api/v1/parties", Party(Unique("Renamed State")))).Text("id")!;
        var talk = await NewTalkAsync(party);
        await ReadTwiceAsync(talk.Urls);

        using (var edit = await _analyst.PatchCurrentAsync($"/api/v1/parties/{party}", """{ "name": "Renamed Everywhere" }"""))
        {
            Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        }

        var round = await _client.GetJsonAsync($"/api/v1/rounds/{talk.Round}");
        Assert.Equal("Renamed Everywhere", round.GetProperty("participants").EnumerateArray().Single().Text("partyName"));
    }

    [Fact]
    public async Task APositionMovedToAnotherTalksRoundLeavesBothTalksFresh()
    {
        var from = await NewTalkAsync();
        var to = await NewTalkAsync();
        await ReadTwiceAsync(from.Urls);
        await ReadTwiceAsync(to.Urls);

        using (var move = await _analyst.PatchCurrentAsync($"/api/v1/positions/{from.Position}", $$"""{ "roundId": "{{to.Round}}" }"""))
        {
            Assert.Equal(HttpStatusCode.OK, move.StatusCode);
        }

        Assert.DoesNotContain(from.Position, (await _client.GetJsonAsync($"/api/v1/rounds/{from.Round}")).GetProperty("positions").Ids());
        Assert.Contains(from.Position, (await _client.GetJsonAsync($"/api/v1/rounds/{to.Round}")).GetProperty("positions").Ids());
    }

    [Fact]
    public async Task ListsAreFreshAfterAWriteToAnyTalk()
    {
        var talk = await NewTalkAsync();
        var url = $"/api/v1/positions?roundId={talk.Round}";
        await ReadTwiceAsync([url]);

        var added = (await _analyst.CreateAsync("/api/v1/positions", Position(talk.Round, "ukraine", "territory", "demand"))).Text("id");

        Assert.Contains(added, (await _client.GetJsonAsync(url)).Ids());
    }

    private async Task<CachedTalk> NewTalkAsync(string party = "ukraine")
    {
        var talk = (await _analyst.CreateAsync("/api/v1/talks", Talk(Unique("Kept talks")))).Text("id")!;
        var round = (await _analyst.CreateAsync(
            $"/api/v1/talks/{talk}/rounds",
            Round(Unique("Tallinn"), "2025-03-03", participants: [Participant(party, "negotiating-party")]))).Text("id")!;
        var position = (await _analyst.CreateAsync("/api/v1/positions", Position(round, party, "ceasefire", "proposal"))).Text("id")!;
        return new CachedTalk(talk, round, position);
    }

    private async Task ReadTwiceAsync(IEnumerable<string> urls)
    {
        foreach (var url in urls)
        {
            using var first = await _client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        await AssertServedFromCacheAsync(urls);
    }

    private async Task AssertServedFromCacheAsync(IEnumerable<string> urls)
    {
        foreach (var url in urls)
        {
            using var again = await _client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.True(again.Headers.Age is not null, $"{url} was not served from the cache.");
        }
    }

    private sealed record CachedTalk(string Talk, string Round, string Position)
    {
        public string[] Urls =>
        [
            $"/api/v1/talks/{Talk}",
            $"/api/v1/talks/{Talk}/rounds",
            $"/api/v1/talks/{Talk}/timeline",
            $"/api/v1/talks/{Talk}/positions/matrix",
            $"/api/v1/rounds/{Round}",
            $"/api/v1/positions/{Position}",
        ];
    }
}
