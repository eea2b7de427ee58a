using System.Net;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Changes;

/// <summary>
/// A cached read of a position, statement, agreement or round is keyed by its talk's changes, so which talk a record
/// belongs to must follow the record: through a move, a deletion and a new record under the same id, and a record
/// read before it existed. Each read is then edited and read again: the edit must show.
/// </summary>
public sealed class RecordTalkTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();
    private readonly HttpClient _reader = factory.CreateAnonymousClient();

    [Fact]
    public async Task APositionReadBeforeItExistedShowsItsEditsOnceCreated()
    {
        var round = await NewRoundAsync();
        var id = IdFrom(Unique("pos-not-yet"));
        using (var missing = await _reader.GetAsync($"/api/v1/positions/{id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        var body = Position(round, "ukraine", "ceasefire", "proposal");
        body["id"] = id;
        await _client.CreateAsync("/api/v1/positions", body);
        await ReadTwiceAsync($"/api/v1/positions/{id}");

        await EditSummaryAsync(id, "Edited once it existed.");

        Assert.Equal("Edited once it existed.", (await _reader.GetJsonAsync($"/api/v1/positions/{id}")).Text("summary"));
    }

    [Fact]
    public async Task APositionDeletedAndMadeAgainInAnotherTalkShowsItsEdits()
    {
        var first = await NewRoundAsync();
        var second = await NewRoundAsync();
        var id = IdFrom(Unique("pos-again"));
        var body = Position(first, "ukraine", "ceasefire", "proposal");
        body["id"] = id;
        await _client.CreateAsync("/api/v1/positions", body);
        await ReadTwiceAsync($"/api/v1/positions/{id}");
        using (var deleted = await _client.DeleteCurrentAsync($"/api/v1/positions/{id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        body["roundId"] = second;
        await _client.CreateAsync("/api/v1/positions", body);
        await ReadTwiceAsync($"/api/v1/positions/{id}");
        await EditSummaryAsync(id, "Edited in its new talk.");

        Assert.Equal("Edited in its new talk.", (await _reader.GetJsonAsync($"/api/v1/positions/{id}")).Text("summary"));
    }

    [Fact]
    public async Task APositionWhoseRoundMovedToAnotherTalkShowsItsEdits()
    {
        var round = await NewRoundAsync();
        var otherTalk = (await _client.CreateAsync("/api/v1/talks", Talk(Unique("Receiving talks")))).Text("id")!;
        var position = (await _client.CreateAsync("/api/v1/positions", Position(round, "ukraine", "ceasefire", "proposal"))).Text("id")!;
        await ReadTwiceAsync($"/api/v1/positions/{position}");

        // Rounds keep their talk through the API; an operator's correction in the database moves one.
        await factory.InDatabaseAsync(async db =>
        {
            var stored = await db.Rounds.SingleAsync(r => r.Id == round);
            stored.TalkId = otherTalk;
            await db.SaveChangesAsync();
        });
        await ReadTwiceAsync($"/api/v1/positions/{position}");
        await EditSummaryAsync(position, "Edited after its round moved.");

        Assert.Equal("Edited after its round moved.", (await _reader.GetJsonAsync($"/api/v1/positions/{position}")).Text("summary"));
    }

    [Fact]
    public async Task APositionMovedToAnotherTalksRoundShowsItsEdits()
    {
        var from = await NewRoundAsync();
        var to = await NewRoundAsync();
        var position = (await _client.CreateAsync("/api/v1/positions", Position(from, "ukraine", "ceasefire", "proposal"))).Text("id")!;
        await ReadTwiceAsync($"/api/v1/positions/{position}");
        using (var move = await _client.PatchCurrentAsync($"/api/v1/positions/{position}", $$"""{ "roundId": "{{to}}" }"""))
        {
            Assert.Equal(HttpStatusCode.OK, move.StatusCode);
        }

        await ReadTwiceAsync($"/api/v1/positions/{position}");
        await EditSummaryAsync(position, "Edited in the round it moved to.");

        Assert.Equal("Edited in the round it moved to.", (await _reader.GetJsonAsync($"/api/v1/positions/{position}")).Text("summary"));
    }

    private async Task EditSummaryAsync(string position, string summary)
    {
        using var edit = await _client.PatchCurrentAsync($"/api/v1/positions/{position}", $$"""{ "summary": "{{summary}}" }""");
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
    }

    private async Task<string> NewRoundAsync()
    {
        var talk = (await _client.CreateAsync("/api/v1/talks", Talk(Unique("Followed talks")))).Text("id");
        return (await _client.CreateAsync($"/api/v1/talks/{talk}/rounds",
            Round(Unique("Vilnius"), "2025-02-02", participants: [Participant("ukraine", "negotiating-party")]))).Text("id")!;
    }

    /// <summary>Reads twice, the second from the cache, so the next read after a write must not be the kept one.</summary>
    private async Task ReadTwiceAsync(string url)
    {
        using var first = await _reader.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var again = await _reader.GetAsync(url);
        Assert.NotNull(again.Headers.Age);
    }
}
