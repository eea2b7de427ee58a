using Talks.Api.Tests.Infrastructure;

namespace Talks.Api.Tests.Seed;

/// <summary>Every seeded fact says where it comes from, and every source it names exists.</summary>
public sealed class SeedSourcingTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private readonly HttpClient _client = factory.CreateAnonymousClient();

    [Theory]
    [InlineData("talks")]
    [InlineData("rounds")]
    [InlineData("parties")]
    [InlineData("people")]
    [InlineData("positions")]
    [InlineData("statements")]
    [InlineData("agreements")]
    public async Task EverySeededRecordCitesSourcesThatExist(string collection)
    {
        var sources = (await _client.GetJsonAsync("/api/v1/sources?limit=200")).Ids().ToHashSet();

        var page = await _client.GetJsonAsync($"/api/v1/{collection}?limit=200");

        Assert.NotEmpty(page.Items());
        foreach (var record in page.Items())
        {
            var cited = record.GetProperty("sourceIds").Strings();
            Assert.True(cited.Count > 0, $"{collection}/{record.Text("id")} cites no source.");
            Assert.All(cited, id => Assert.True(sources.Contains(id!), $"{collection}/{record.Text("id")} cites unknown source '{id}'."));
        }
    }

    [Fact]
    public async Task FactsTheArticleLacksCiteTheirOwnPublicRecord()
    {
        var march2022 = await _client.GetJsonAsync("/api/v1/rounds/istanbul-2022-03-29");
        var may2025 = await _client.GetJsonAsync("/api/v1/rounds/istanbul-2025-05-16");

        Assert.Contains("public-record-istanbul-2022-03-29", march2022.GetProperty("sourceIds").Strings());
        Assert.Contains("public-record-istanbul-2025-05-16", may2025.GetProperty("sourceIds").Strings());
    }
}
