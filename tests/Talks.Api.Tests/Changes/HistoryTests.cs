using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Tests.Infrastructure;
using Talks.Data.Entities;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Changes;

/// <summary>
/// Every change is kept with who made it and each field before and after, newest first; the change feed carries them
/// all, deletions included.
/// </summary>
public sealed class HistoryTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private const string Url = "/api/v1/parties";
    private readonly HttpClient _client = factory.CreateClient(ApiKeyRole.Analyst);

    [Fact]
    public async Task ARecordsHistoryListsItsChangesNewestFirstWithTheKeyThatMadeThem()
    {
        var created = await _client.CreateAsync(Url, Party(Unique("Chronicled"), notes: "First notes."));
        var url = $"{Url}/{created.Text("id")}";
        using (var edit = await _client.PatchCurrentAsync(url, """{ "notes": "Second notes." }"""))
        {
            await edit.ReadJsonAsync(HttpStatusCode.OK);
        }

        var history = await _client.GetJsonAsync($"{url}/history");

        var changes = history.Items();
        Assert.Equal(["updated", "created"], changes.Select(c => c.Text("kind")));
        Assert.All(changes, c => Assert.Equal(factory.KeyNameFor(ApiKeyRole.Analyst), c.Text("actor")));
        Assert.All(changes, c => Assert.Equal("parties", c.Text("collection")));
        Assert.All(changes, c => Assert.Equal(created.Text("id"), c.Text("recordId")));
        Assert.Equal([2, 1], changes.Select(c => c.GetProperty("version").GetInt64()));
        Assert.True(changes[0].GetProperty("seq").GetInt64() > changes[1].GetProperty("seq").GetInt64());

        var notes = changes[0].GetProperty("changes").GetProperty("notes");
        Assert.Equal("First notes.", notes.GetProperty("from").GetString());
        Assert.Equal("Second notes.", notes.GetProperty("to").GetString());
        Assert.False(changes[0].GetProperty("changes").TryGetProperty("name", out _), "An unchanged field is reported as changed.");
        Assert.False(changes[0].GetProperty("changes").TryGetProperty("version", out _), "Bookkeeping fields belong in the record, not the diff.");

        var name = changes[1].GetProperty("changes").GetProperty("name");
        Assert.Equal(JsonValueKind.Null, name.GetProperty("from").ValueKind);
        Assert.Equal(created.Text("name"), name.GetProperty("to").GetString());
    }

    [Fact]
    public async Task ADeletedRecordKeepsItsHistory()
    {
        using var admin = factory.CreateClient(ApiKeyRole.Admin);
        var created = await _client.CreateAsync(Url, Party(Unique("Remembered")));
        var url = $"{Url}/{created.Text("id")}";
        using (var delete = await admin.DeleteCurrentAsync(url))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        var history = await _client.GetJsonAsync($"{url}/history");

        var latest = history.Items()[0];
        Assert.Equal("deleted", latest.Text("kind"));
        Assert.True(latest.IsNull("version"));
        Assert.Equal(factory.KeyNameFor(ApiKeyRole.Admin), latest.Text("actor"));
    }

    [Fact]
    public async Task ARefusedWriteLeavesNoHistory()
    {
        var created = await _client.CreateAsync(Url, Party(Unique("Guarded")));
        var url = $"{Url}/{created.Text("id")}";

        using (var stale = await _client.PatchAsync(url, """{ "notes": "Stale." }""", "\"9\""))
        {
            Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        }

        using (var invalid = await _client.PatchCurrentAsync(url, """{ "countryCode": "nope" }"""))
        {
            Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        }

        var history = await _client.GetJsonAsync($"{url}/history");
        Assert.Equal(["created"], history.Items().Select(c => c.Text("kind")));
    }

    [Fact]
    public async Task AWriteThatChangesNothingLeavesTheVersionAndHistoryAlone()
    {
        var body = Party(Unique("Unmoved"));
        var created = await _client.CreateAsync(Url, body.DeepClone());
        var url = $"{Url}/{created.Text("id")}";

        using var same = await _client.PutCurrentAsync(url, body);

        var replaced = await same.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, replaced.GetProperty("version").GetInt64());
        Assert.Single((await _client.GetJsonAsync($"{url}/history")).Items());
    }

    [Fact]
    public async Task SeededRecordsShowTheSeedAsTheirAuthor()
    {
        var history = await _client.GetJsonAsync("/api/v1/rounds/istanbul-2025-05-16/history");

        var created = Assert.Single(history.Items(), c => c.Text("kind") == "created");
        Assert.Equal("seed", created.Text("actor"));
    }

    [Fact]
    public async Task ChangingARoundsParticipantsIsRecordedAsAChangeToItsList()
    {
        var talk = (await _client.CreateAsync("/api/v1/talks", Talk(Unique("Recorded talks")))).Text("id");
        var round = await _client.CreateAsync($"/api/v1/talks/{talk}/rounds", Round(Unique("Lisbon"), "2025-05-05"));
        var url = $"/api/v1/rounds/{round.Text("id")}";

        using (var edit = await _client.PatchCurrentAsync(url,
            """{ "participants": [ { "partyId": "ukraine", "role": "negotiating-party", "notes": null },""" +
            """ { "partyId": "russia", "role": "negotiating-party", "notes": null },""" +
            """ { "partyId": "turkey", "role": "observer", "notes": null } ] }"""))
        {
            await edit.ReadJsonAsync(HttpStatusCode.OK);
        }

        var latest = (await _client.GetJsonAsync($"{url}/history")).Items()[0];
        Assert.Equal("updated", latest.Text("kind"));
        var participants = latest.GetProperty("changes").GetProperty("participants");
        Assert.Equal(2, participants.GetProperty("from").GetArrayLength());
        Assert.Equal(3, participants.GetProperty("to").GetArrayLength());
        Assert.Contains(participants.GetProperty("to").EnumerateArray(), p => p.Text("partyId") == "turkey" && p.Text("role") == "observer");
    }

    [Fact]
    public async Task TheHistoryOfSomethingThatNeverExistedAnswers404()
    {
        using var response = await _client.GetAsync($"{Url}/{IdFrom(Unique("never"))}/history");

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task HistoryPagesNewestFirstWithoutRepeats()
    {
        var created = await _client.CreateAsync(Url, Party(Unique("Busy")));
        var url = $"{Url}/{created.Text("id")}";
        for (var i = 1; i <= 4; i++)
        {
            using var edit = await _client.PatchCurrentAsync(url, $$"""{ "notes": "Edit {{i}}." }""");
            Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        }

        var versions = new List<long>();
        string? next = $"{url}/history?limit=2";
        while (next is not null)
        {
            using var response = await _client.GetAsync(next);
            var page = await response.ReadJsonAsync(HttpStatusCode.OK);
            versions.AddRange(page.Items().Select(c => c.GetProperty("version").GetInt64()));
            next = response.Link("next");
            Assert.True(versions.Count <= 5, "History paging went past the end.");
        }

        Assert.Equal([5, 4, 3, 2, 1], versions);
    }

    [Fact]
    public async Task HistoryIsWrittenInTheSameTransactionAsTheChange()
    {
        var created = await _client.CreateAsync(Url, Party(Unique("Consistent")));
        var id = created.Text("id")!;

        var rows = await factory.InDatabaseAsync(db => db.Changes.AsNoTracking().Where(c => c.Collection == "parties" && c.RecordId == id).ToListAsync());

        var row = Assert.Single(rows);
        Assert.Equal(ChangeKind.Created, row.Kind);
        Assert.Equal(1, row.Version);
    }

    [Fact]
    public async Task AnEditShowsInHistoryNewestFirstWithTheKeyThatMadeItAndTheFieldBeforeAndAfter()
    {
        var analyst = factory.CreateClient(ApiKeyRole.Analyst);
        var created = await analyst.CreateAsync(Url, Party(Unique("Historic State"), notes: "First draft."));
        var url = $"{Url}/{created.Text("id")}";
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

        var created = await admin.CreateAsync(Url, Party(Unique("Short Lived State")));
        var id = created.Text("id")!;
        using (var deleted = await admin.DeleteCurrentAsync($"{Url}/{id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        var history = (await admin.GetJsonAsync($"{Url}/{id}/history")).Items();
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
        using var response = await factory.CreateClient().GetAsync($"{Url}/never-was-{Guid.NewGuid():N}/history");
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
