using System.Net;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Sources;

public sealed class SourceTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private const string Url = "/api/v1/sources";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task ASourceIsCreatedAndCanBeCitedAtOnce()
    {
        var title = Unique("Communique");
        var body = Source(title, "official-statement", "https://example.org/communique");
        body["publishedOn"] = "2025-05-17";

        using var response = await _client.PostJsonAsync(Url, body);

        var source = await response.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(IdFrom(title), source.Text("id"));
        Assert.Equal("official-statement", source.Text("kind"));
        var party = Party(Unique("Cited State"));
        party["sourceIds"] = new System.Text.Json.Nodes.JsonArray(source.Text("id"));
        await _client.CreateAsync("/api/v1/parties", party);
    }

    [Theory]
    [InlineData("ftp://example.org/file")]
    [InlineData("example.org")]
    [InlineData("javascript:alert(1)")]
    public async Task AUrlThatIsNotAnHttpAddressIsRejected(string url)
    {
        using var response = await _client.PostJsonAsync(Url, Source(Unique("Odd link"), url: url));

        await response.ReadValidationProblemAsync("url");
    }

    [Fact]
    public async Task ASourceDoesNotItselfCiteSources()
    {
        var body = Source(Unique("Self-cited"));
        body["sourceIds"] = new System.Text.Json.Nodes.JsonArray(ArticleSource);

        using var response = await _client.PostJsonAsync(Url, body);

        await response.ReadValidationProblemAsync("sourceIds");
    }

    [Fact]
    public async Task ACitedSourceCannotBeDeletedAndTheRefusalNamesWhatCitesIt()
    {
        var (_, etag) = await _client.GetWithETagAsync($"{Url}/{ArticleSource}");

        using var response = await _client.DeleteAsync($"{Url}/{ArticleSource}", etag);

        var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict);
        var references = problem.GetProperty("references");
        Assert.Contains("istanbul-2025-05-16", references.GetProperty("rounds").Strings());
        Assert.Contains("ukraine", references.GetProperty("parties").Strings());
        Assert.Contains("istanbul-2025-prisoner-exchange", references.GetProperty("agreements").Strings());
    }

    [Fact]
    public async Task AnUncitedSourceCanBeDeleted()
    {
        var source = await _client.CreateAsync(Url, Source(Unique("Unused")));

        using var response = await _client.DeleteCurrentAsync($"{Url}/{source.Text("id")}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task SourcesAreFilteredByKind()
    {
        var page = await _client.GetJsonAsync($"{Url}?kind=public-record");

        Assert.Contains("public-record-istanbul-2025-05-16", page.Ids());
        Assert.DoesNotContain(ArticleSource, page.Ids());
    }

    [Fact]
    public async Task AnUnknownSourceKindIsRejectedListingTheKinds()
    {
        using var response = await _client.GetAsync($"{Url}?kind=blog");

        var errors = await response.ReadValidationProblemAsync("kind");
        Assert.Contains("public-record", errors["kind"][0]);
    }
}
