using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.TestRuns;

/// <summary>Other teams' end-to-end suites reset Talks to its seed between tests — only where that is switched on.</summary>
public sealed class ResetTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    [Fact]
    public async Task ResetIsNotThereUnlessSwitchedOn()
    {
        using var response = await factory.CreateClient().PostAsync("/api/v1/testing/reset", null);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ResetRestoresTheSeedAndKeepsKeys()
    {
        using var resettable = factory.WithWebHostBuilder(b => b.UseSetting("Testing:EnableReset", "true"));
        var client = resettable.CreateClient();
        var added = await client.CreateAsync("/api/v1/parties", Party(Unique("Passing State")));
        using (var edited = await client.PatchCurrentAsync("/api/v1/parties/turkey", """{ "notes": "Edited before reset." }"""))
        {
            Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        }

        using (var deleted = await client.DeleteCurrentAsync("/api/v1/positions/russia-ready-for-more-dialogue"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        using var reset = await client.PostAsync("/api/v1/testing/reset", null);
        var body = await reset.ReadJsonAsync(HttpStatusCode.OK);
        Assert.True(body.GetProperty("seedRecords").GetInt32() > 30);

        using var gone = await client.GetAsync($"/api/v1/parties/{added.Text("id")}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("Host of the Istanbul talks.", (await client.GetJsonAsync("/api/v1/parties/turkey")).Text("notes"));
        await client.GetJsonAsync("/api/v1/positions/russia-ready-for-more-dialogue");
        Assert.Equal(1, (await client.GetJsonAsync("/api/v1/parties/turkey")).GetProperty("version").GetInt32());
        Assert.True(await factory.InDatabaseAsync(db => db.ApiKeys.AnyAsync()), "Keys survive a reset.");
    }

    [Fact]
    public async Task AnOpenChangeStreamHearsOfAResetAfterTheSeedIsBack()
    {
        using var resettable = factory.WithWebHostBuilder(b => b.UseSetting("Testing:EnableReset", "true"));
        var client = resettable.CreateClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/changes/stream?collection=rounds");
        using var stream = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync(timeout.Token));

        using (var reset = await client.PostAsync("/api/v1/testing/reset", null))
        {
            Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        }

        var changes = new List<JsonElement>();
        while (changes.LastOrDefault() is not { ValueKind: JsonValueKind.Object } last || last.Text("kind") != "reset")
        {
            changes.Add(await Changes.ChangeStreamTests.NextChangeAsync(reader, timeout.Token));
        }

        var announced = changes[^1];
        Assert.Equal("*", announced.Text("collection"));
        Assert.Equal("*", announced.Text("id"));
        Assert.True(announced.IsNull("version"));
        Assert.All(changes[..^1], c => Assert.Equal("rounds", c.Text("collection")));
    }

    [Fact]
    public async Task TheChangeFeedEndsWithTheResetWhicheverCollectionIsAsked()
    {
        using var resettable = factory.WithWebHostBuilder(b => b.UseSetting("Testing:EnableReset", "true"));
        var client = resettable.CreateClient();

        using (var reset = await client.PostAsync("/api/v1/testing/reset", null))
        {
            Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        }

        var feed = await client.GetJsonAsync("/api/v1/changes?collection=parties&limit=200");
        var last = feed.Items()[^1];
        Assert.Equal("reset", last.Text("kind"));
        Assert.Equal("*", last.Text("collection"));
        Assert.Equal("*", last.Text("recordId"));
        Assert.Equal(factory.KeyNameFor(global::Talks.Data.Entities.ApiKeyRole.Admin), last.Text("actor"));
        Assert.Contains(feed.Items(), c => c.Text("collection") == "parties" && c.Text("kind") == "created");
    }

    [Fact]
    public async Task ResetNeedsAnAdminKey()
    {
        using var resettable = factory.WithWebHostBuilder(b => b.UseSetting("Testing:EnableReset", "true"));
        var client = resettable.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", factory.KeyFor(global::Talks.Data.Entities.ApiKeyRole.Analyst));
        using var response = await client.PostAsync("/api/v1/testing/reset", null);
        await response.ReadProblemAsync(HttpStatusCode.Forbidden);
    }
}
