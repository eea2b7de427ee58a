using Talks.Api.Tests.Infrastructure;

namespace Talks.Api.Tests.Topics;

/// <summary>
/// The seeded vocabulary covers the top-level categories of the PA-X peace agreements codebook that peace processes
/// use, each under a broader topic of ours where one fits, with the PA-X variable name where one could be confirmed.
/// </summary>
public sealed class PaxVocabularyTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("ddr", "security", "SsrDdr")]
    [InlineData("armed-forces-reform", "security", "SsrArm")]
    [InlineData("police-reform", "security", null)]
    [InlineData("power-sharing", null, null)]
    [InlineData("political-power-sharing", "power-sharing", "Polps")]
    [InlineData("territorial-power-sharing", "power-sharing", "Terps")]
    [InlineData("wealth-sharing", "power-sharing", "Eps")]
    [InlineData("military-power-sharing", "power-sharing", "Mps")]
    [InlineData("political-institutions", "political", "Pol")]
    [InlineData("state-definition", "political", null)]
    [InlineData("civil-society", "political", null)]
    [InlineData("justice-sector-reform", "political", null)]
    [InlineData("human-rights", null, null)]
    [InlineData("human-rights-framework", "human-rights", "HrFra")]
    [InlineData("minorities", "human-rights", null)]
    [InlineData("women-and-gender", null, "GeWom")]
    [InlineData("land-and-property", null, null)]
    [InlineData("victims", "accountability", "TjVic")]
    [InlineData("truth-commissions", "accountability", "TjMech")]
    [InlineData("reconciliation", "accountability", "TjNR")]
    [InlineData("vetting", "accountability", "TjVet")]
    public async Task EachPaxCategoryIsATopicInItsPlaceWithItsCode(string id, string? parentId, string? paxCode)
    {
        var topic = await _client.GetJsonAsync($"/api/v1/topics/{id}");

        Assert.Equal((parentId, paxCode), (topic.Text("parentId"), topic.Text("paxCode")));
        Assert.False(string.IsNullOrWhiteSpace(topic.Text("description")));
        Assert.NotEqual(0, topic.GetProperty("aliases").GetArrayLength());
    }

    [Fact]
    public async Task NoTwoTopicsShareAName()
    {
        var names = (await _client.GetJsonAsync("/api/v1/topics?limit=200")).Items()
            .SelectMany(t => t.GetProperty("aliases").Strings().Append(t.Text("id")!))
            .ToList();

        Assert.Empty(names.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key));
    }
}
