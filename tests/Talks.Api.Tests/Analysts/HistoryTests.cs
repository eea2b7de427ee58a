using System.Net;
using System.Text.Json;
using Talks.Api.Tests.Infrastructure;
using Talks.Data.Entities;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Analysts;

/// <summary>Every change says who made it, when, and each field before and after; the feed carries them all.</summary>
public sealed class HistoryTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private const string Parties = "/api/v1/parties";

    [Fact]
    public async Task AnEditShowsInHistoryNewestFirstWithTheKeyThatMadeItAndTheFieldBeforeAndAfter()
    {
        var analyst = factory.CreateClient(ApiKeyRole.Analyst);
        var created = await analyst.CreateAsync(Parties, Party(Unique("Historic State"), notes: "First draft."));
        var url = $"{Parties}/{created.Text("id")}";
        using (var patched = await analyst.PatchCurrentAsync(url, """{ "notes": "Corrected." }"""))
        {
            Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        }

        var history = (await analyst.GetJsonAsync($"{url}/history")).Items();

        Assert.Equal(2, history.Count);
        var (latest, first) = (history[0], history[1]);
        Assert.Equal("updated", latest.Text("kind"));
        Assert.Equal("created", first.Text("kind"));
        Assert.True(latest.GetProperty("seq").GetInt64() > first.GetProperty("seq").GetInt64());
        Assert.StartsWith("test-analyst-", latest.Text("actor"));
        Assert.Equal(2, latest.GetProperty("version").GetInt64());
        var notes = latest.GetProperty("changes").GetProperty("notes");
        Assert.Equal("First draft.", notes.GetProperty("from").GetString());
        Assert.Equal("Corrected.", notes.GetProperty("to").GetString());
        Assert.False(latest.GetProperty("changes").TryGetProperty("name", out _), "Unchanged fields are not listed.");
    }

    [Fact]
    public async Task ADeletedRecordKeepsItsHistoryAndTheFeedCarriesTheDeletion()
    {
        var admin = factory.CreateClient();
        var start = (await admin.GetJsonAsync("/api/v1/changes?limit=200")).GetProperty("nextCursor").GetString();
        while (true)
        {
            var page = await admin.GetJsonAsync($"/api/v1/changes?limit=200&cursor={start}");
            if (page.Items().Count == 0)
            {
                break;
            }

            start = page.GetProperty("nextCursor").GetString();
        }

        var created = await admin.CreateAsync(Parties, Party(Unique("Short Lived State")));
        var id = created.Text("id")!;
        using (var deleted = await admin.DeleteCurrentAsync($"{Parties}/{id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        var history = (await admin.GetJsonAsync($"{Parties}/{id}/history")).Items();
        Assert.Equal(["deleted", "created"], history.Select(h => h.Text("kind")));
        Assert.Equal(JsonValueKind.Null, history[0].GetProperty("version").ValueKind);

        var feed = await admin.GetJsonAsync($"/api/v1/changes?cursor={start}&collection=parties");
        var mine = feed.Items().Where(c => c.Text("recordId") == id).Select(c => c.Text("kind")).ToList();
        Assert.Equal(["created", "deleted"], mine);
        Assert.False(string.IsNullOrEmpty(feed.GetProperty("nextCursor").GetString()), "The feed always gives a cursor to poll from.");

        var after = await admin.GetJsonAsync($"/api/v1/changes?cursor={feed.GetProperty("nextCursor").GetString()}&collection=parties");
        Assert.DoesNotContain(after.Items(), c => c.Text("recordId") == id);
    }

    [Fact]
    public async Task HistoryOfARecordThatNeverExistedAnswers404()
    {
        using var response = await factory.CreateClient().GetAsync($"{Parties}/never-was-{Guid.NewGuid():N}/history");
        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AChangeToARoundsParticipantsIsRecordedOnTheRound()
    {
        var admin = factory.CreateClient();
        var round = await admin.CreateAsync("/api/v1/talks/russia-ukraine-direct-talks/rounds",
            Round(Unique("Ankara"), "2025-07-01"));
        var url = $"/api/v1/rounds/{round.Text("id")}";
        var body = Round(Unique("Ankara"), "2025-07-01",
            participants: new System.Text.Json.Nodes.JsonArray(
                Participant("ukraine", "negotiating-party"), Participant("russia", "negotiating-party"), Participant("turkey", "host")));
        body["city"] = round.Text("city");
        using (var replaced = await admin.PutCurrentAsync(url, body))
        {
            Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        }

        var latest = (await admin.GetJsonAsync($"{url}/history")).Items()[0];
        var participants = latest.GetProperty("changes").GetProperty("participants");
        Assert.Equal(2, participants.GetProperty("from").GetArrayLength());
        Assert.Equal(3, participants.GetProperty("to").GetArrayLength());
    }

    [Fact]
    public async Task AnUnknownCollectionInTheFeedIsRefusedListingTheAllowedOnes()
    {
        using var response = await factory.CreateClient().GetAsync("/api/v1/changes?collection=planets");
        var errors = await response.ReadValidationProblemAsync("collection");
        Assert.Contains("rounds", errors["collection"][0]);
    }
}
