using System.Net;
using Talks.Api.Tests.Infrastructure;
using Talks.Data.Entities;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Search;

/// <summary>The topics of the shared vocabulary are found by their label, their aliases and their description.</summary>
public sealed class TopicSearchTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private readonly HttpClient _admin = factory.CreateClient(ApiKeyRole.Admin);

    [Fact]
    public async Task ATopicIsFoundByItsLabelAnAliasOrItsDescription()
    {
        var (label, alias, described) = (Word(), Word(), Word());
        var body = Topic($"Zq {label}", null, $"{alias}-talks");
        body["description"] = $"What the parties say about {described}.";
        var topic = await _admin.CreateAsync("/api/v1/topics", body);
        var id = topic.Text("id")!;

        foreach (var typed in new[] { label, alias, described })
        {
            var hit = Assert.Single((await _admin.GetJsonAsync($"/api/v1/search?q={typed}")).Items());
            Assert.Equal(("topic", id, $"Zq {label}", $"/api/v1/topics/{id}"), (hit.Text("type"), hit.Text("id"), hit.Text("title"), hit.Text("url")));
            Assert.Contains($"<mark>{typed}</mark>", hit.Text("snippet"));
        }

        Assert.Equal([id], (await _admin.GetJsonAsync($"/api/v1/search?q={alias}&type=topic")).Ids());
        Assert.Empty((await _admin.GetJsonAsync($"/api/v1/search?q={alias}&type=party")).Items());
    }

    [Fact]
    public async Task ARenamedTopicIsFoundByItsNewLabelAndAliasesAndNotByItsOldOnes()
    {
        var (label, alias) = (Word(), Word());
        var topic = await _admin.CreateAsync("/api/v1/topics", Topic($"Zq {label}", null, alias));
        var id = topic.Text("id")!;

        var (newLabel, newAlias) = (Word(), Word());
        using (var edit = await _admin.PatchCurrentAsync($"/api/v1/topics/{id}", $$"""{ "label": "Zq {{newLabel}}", "aliases": ["{{newAlias}}"] }"""))
        {
            Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        }

        Assert.Empty((await _admin.GetJsonAsync($"/api/v1/search?q={label}")).Items());
        Assert.Empty((await _admin.GetJsonAsync($"/api/v1/search?q={alias}")).Items());
        Assert.Equal([id], (await _admin.GetJsonAsync($"/api/v1/search?q={newLabel}")).Ids());
        Assert.Equal([id], (await _admin.GetJsonAsync($"/api/v1/search?q={newAlias}")).Ids());

        using (var delete = await _admin.DeleteCurrentAsync($"/api/v1/topics/{id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        Assert.Empty((await _admin.GetJsonAsync($"/api/v1/search?q={newLabel}")).Items());
    }

    private static string Word() => "zq" + Guid.NewGuid().ToString("N")[..10];
}
