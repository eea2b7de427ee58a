using System.Net;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Agreements.AgreementTests;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Changes;

/// <summary>A client that mirrors records from the feed must hear about every record that goes, even as part of another.</summary>
public sealed class CascadeFeedTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task DeletingAnAgreementAlsoReportsItsEventsAsDeleted()
    {
        var agreement = await _client.CreateAsync("/api/v1/agreements", Agreement(Unique("Short deal"), "istanbul-2025-05-16"));
        var url = $"/api/v1/agreements/{agreement.Text("id")}";
        var stage = await _client.CreateAsync($"{url}/events", Event("2025-05-23", 10));
        var created = await _client.GetJsonAsync($"/api/v1/changes?collection=agreement-events&limit=200");
        Assert.Contains(created.Items(), c => c.Text("recordId") == stage.Text("id") && c.Text("kind") == "created");

        using (var delete = await _client.DeleteCurrentAsync(url))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        var feed = await _client.GetJsonAsync($"/api/v1/changes?collection=agreement-events&limit=200");
        Assert.Contains(feed.Items(), c => c.Text("recordId") == stage.Text("id") && c.Text("kind") == "deleted");
    }
}
