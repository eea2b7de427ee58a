using System.Net;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Changes;

/// <summary>The change feed lets a client keep a copy in sync: poll with the cursor, get what happened since.</summary>
public sealed class ChangeFeedTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task PollingWithTheCursorReturnsOnlyWhatHappenedSince()
    {
        var cursor = await LatestCursorAsync();
        var created = await _client.CreateAsync("/api/v1/parties", Party(Unique("Fresh")));
        var id = created.Text("id")!;
        using (var delete = await _client.DeleteCurrentAsync($"/api/v1/parties/{id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        var since = await _client.GetJsonAsync($"/api/v1/changes?cursor={cursor}");

        var mine = since.Items().Where(c => c.Text("recordId") == id).Select(c => c.Text("kind")).ToList();
        Assert.Equal(["created", "deleted"], mine);
        var next = since.Text("nextCursor");
        Assert.False(string.IsNullOrEmpty(next));

        var nothingNew = await _client.GetJsonAsync($"/api/v1/changes?cursor={next}");
        Assert.Empty(nothingNew.Items());
        Assert.Equal(next, nothingNew.Text("nextCursor"));
    }

    [Fact]
    public async Task TheFeedCanBeNarrowedToOneCollection()
    {
        var cursor = await LatestCursorAsync();
        await _client.CreateAsync("/api/v1/parties", Party(Unique("Narrow")));
        await _client.CreateAsync("/api/v1/talks", Talk(Unique("Narrow talks")));

        var parties = await _client.GetJsonAsync($"/api/v1/changes?collection=parties&cursor={cursor}");

        Assert.NotEmpty(parties.Items());
        Assert.All(parties.Items(), c => Assert.Equal("parties", c.Text("collection")));
    }

    [Fact]
    public async Task FollowingTheLinkHeaderKeepsTheCollectionFilterAndLimit()
    {
        var cursor = await LatestCursorAsync();
        await _client.CreateAsync("/api/v1/parties", Party(Unique("Linked")));
        await _client.CreateAsync("/api/v1/talks", Talk(Unique("Interleaved talks")));
        await _client.CreateAsync("/api/v1/parties", Party(Unique("Linked")));

        using var first = await _client.GetAsync($"/api/v1/changes?collection=parties&limit=1&cursor={cursor}");
        var firstPage = await first.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Single(firstPage.Items());
        var link = first.Link("next");
        Assert.NotNull(link);

        using var second = await _client.GetAsync(link);
        var secondPage = await second.ReadJsonAsync(HttpStatusCode.OK);
        var item = Assert.Single(secondPage.Items());
        Assert.Equal("parties", item.Text("collection"));
    }

    [Fact]
    public async Task FromNowSkipsTheHistoryAndItsCursorGivesOnlyWhatComesNext()
    {
        var before = await _client.CreateAsync("/api/v1/parties", Party(Unique("Before now")));

        var now = await _client.GetJsonAsync("/api/v1/changes?fromNow=true");

        Assert.Empty(now.Items());
        Assert.Equal(await LatestCursorAsync(), now.Text("nextCursor"));
        var after = await _client.CreateAsync("/api/v1/parties", Party(Unique("After now")));
        var next = await _client.GetJsonAsync($"/api/v1/changes?cursor={now.Text("nextCursor")}");
        var ids = next.Items().Select(c => c.Text("recordId")).ToList();
        Assert.Contains(after.Text("id"), ids);
        Assert.DoesNotContain(before.Text("id"), ids);
    }

    [Fact]
    public async Task TheFeedHoldsTheSeedFromTheStart()
    {
        var page = await _client.GetJsonAsync("/api/v1/changes?collection=agreements&limit=200");

        Assert.Contains(page.Items(), c => c.Text("recordId") == "istanbul-2025-prisoner-exchange" && c.Text("kind") == "created");
    }

    [Theory]
    [InlineData("collection=keys", "collection")]
    [InlineData("collection=everything", "collection")]
    [InlineData("cursor=WyJub3QtYS1udW1iZXIiXQ", "cursor")] // ["not-a-number"]
    [InlineData("cursor=WyItNSJd", "cursor")] // ["-5"]
    [InlineData("limit=0", "limit")]
    [InlineData("since=1", "since")]
    [InlineData("fromNow=true&cursor=WyIxIl0", "fromNow")] // ["1"]
    [InlineData("fromNow=true&sinceRelease=2025.1", "fromNow")]
    [InlineData("fromNow=soon", "fromNow")]
    public async Task ABadFeedParameterIsRejectedNamingIt(string query, string parameter)
    {
        using var response = await _client.GetAsync($"/api/v1/changes?{query}");

        await response.ReadValidationProblemAsync(parameter);
    }

    /// <summary>Reads the feed to its end and returns the cursor that waits for the next change.</summary>
    private async Task<string> LatestCursorAsync()
    {
        var page = await _client.GetJsonAsync("/api/v1/changes?limit=200");
        var cursor = page.Text("nextCursor")!;
        while (page.Items().Count > 0)
        {
            page = await _client.GetJsonAsync($"/api/v1/changes?limit=200&cursor={cursor}");
            cursor = page.Text("nextCursor")!;
        }

        return cursor;
    }
}
