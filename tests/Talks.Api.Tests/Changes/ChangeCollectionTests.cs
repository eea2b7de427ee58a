using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Talks.Api.Tests.Infrastructure;
using Talks.Api.Tests.Releases;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Changes;

/// <summary>
/// Each change is filed under its record's own collection, so a record's history and the feed narrowed to that
/// collection find it; a change to a record's rows (a person's offices) shows each row before and after.
/// </summary>
public sealed class ChangeCollectionTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    [Fact]
    public async Task APersonAndAReleaseAreEachFiledUnderTheirOwnCollection()
    {
        using var admin = factory.CreateClient();
        var start = await FeedEndAsync(admin);
        var person = (await admin.CreateAsync("/api/v1/people", Person(Unique("Filed Person"), "ukraine"))).Text("id")!;
        var version = ReleasePackage.NextVersion();
        using (var cut = await admin.PostAsJsonAsync("/api/v1/releases", new { version }))
        {
            Assert.Equal(HttpStatusCode.Created, cut.StatusCode);
        }

        var history = (await admin.GetJsonAsync($"/api/v1/people/{person}/history")).Items();
        var people = (await admin.GetJsonAsync($"/api/v1/changes?cursor={start}&collection=people")).Items();
        var releases = (await admin.GetJsonAsync($"/api/v1/changes?cursor={start}&collection=releases")).Items();

        Assert.Equal(["created"], history.Select(h => h.Text("kind")));
        Assert.Equal([person], people.Select(c => c.Text("recordId")));
        Assert.Equal([version], releases.Select(c => c.Text("recordId")));
    }

    [Fact]
    public async Task ASourceAStatementAndATopicAreEachFiledUnderTheirOwnCollection()
    {
        using var admin = factory.CreateClient();
        var start = await FeedEndAsync(admin);
        var source = (await admin.CreateAsync("/api/v1/sources", Source(Unique("Filed Source")))).Text("id")!;
        var statement = (await admin.CreateAsync("/api/v1/statements", Statement(Unique("Filed words"), null, "ukraine"))).Text("id")!;
        var topic = (await admin.CreateAsync("/api/v1/topics", Topic(Unique("Filed topic")))).Text("id")!;

        var sources = (await admin.GetJsonAsync($"/api/v1/changes?cursor={start}&collection=sources")).Items();
        var statements = (await admin.GetJsonAsync($"/api/v1/changes?cursor={start}&collection=statements")).Items();
        var topics = (await admin.GetJsonAsync($"/api/v1/changes?cursor={start}&collection=topics")).Items();

        Assert.Equal([source], sources.Select(c => c.Text("recordId")));
        Assert.Equal([statement], statements.Select(c => c.Text("recordId")));
        Assert.Equal([topic], topics.Select(c => c.Text("recordId")));
    }

    [Fact]
    public async Task AChildRowInAChangeLeavesOutItsParentsId()
    {
        using var analyst = factory.CreateClient();
        var body = Person(Unique("Parented"), "ukraine", "Minister of Defence");
        var person = (await analyst.CreateAsync("/api/v1/people", body)).Text("id")!;

        var offices = (await analyst.GetJsonAsync($"/api/v1/people/{person}/history")).Items()[0].GetProperty("changes").GetProperty("offices");

        var office = Assert.Single(offices.GetProperty("to").EnumerateArray());
        Assert.Equal("Minister of Defence", office.Text("title"));
        Assert.False(office.TryGetProperty("personId", out _), office.ToString());

        var talk = (await analyst.CreateAsync("/api/v1/talks", Talk(Unique("Parented talks")))).Text("id")!;
        var round = (await analyst.CreateAsync(
            $"/api/v1/talks/{talk}/rounds", Round(Unique("Riga"), "2025-04-04", participants: [Participant("ukraine", "negotiating-party")]))).Text("id")!;
        var participants = (await analyst.GetJsonAsync($"/api/v1/rounds/{round}/history")).Items()[0].GetProperty("changes").GetProperty("participants");
        var participant = Assert.Single(participants.GetProperty("to").EnumerateArray());
        Assert.Equal("ukraine", participant.Text("partyId"));
        Assert.False(participant.TryGetProperty("roundId", out _), participant.ToString());
    }

    [Fact]
    public async Task AChangeToAPersonsOfficesShowsEachOfficeAsItWasAndAsItIs()
    {
        using var analyst = factory.CreateClient();
        var body = Person(Unique("Official"), "ukraine", "Minister of Defence");
        body["officeSince"] = "2023-09-06";
        var person = (await analyst.CreateAsync("/api/v1/people", body)).Text("id")!;

        using (var moved = await analyst.PatchCurrentAsync($"/api/v1/people/{person}",
            """{ "office": "Secretary of the Security Council", "officeSince": "2025-07-17" }"""))
        {
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        }

        var offices = (await analyst.GetJsonAsync($"/api/v1/people/{person}/history")).Items()[0].GetProperty("changes").GetProperty("offices");
        var before = offices.GetProperty("from").EnumerateArray().ToList();
        var after = offices.GetProperty("to").EnumerateArray().ToList();
        Assert.Equal([("Minister of Defence", JsonValueKind.Null)], before.Select(o => (o.Text("title"), o.GetProperty("to").ValueKind)));
        Assert.Equal(
            [("Minister of Defence", "2025-07-16"), ("Secretary of the Security Council", null)],
            after.Select(o => (o.Text("title"), o.Text("to"))).OrderBy(o => o.Item1, StringComparer.Ordinal));
    }

    /// <summary>The feed's cursor after everything already in it.</summary>
    private static async Task<string> FeedEndAsync(HttpClient client)
    {
        var cursor = (await client.GetJsonAsync("/api/v1/changes?limit=200")).GetProperty("nextCursor").GetString()!;
        while (true)
        {
            var page = await client.GetJsonAsync($"/api/v1/changes?limit=200&cursor={cursor}");
            if (page.Items().Count == 0)
            {
                return cursor;
            }

            cursor = page.GetProperty("nextCursor").GetString()!;
        }
    }
}
