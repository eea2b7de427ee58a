using System.Net;
using Talks.Api.Tests.Infrastructure;

namespace Talks.Api.Tests.Parties;

public sealed class PartyReadTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task GettingASeededPartyAnswersItWithAnETagOfItsVersion()
    {
        var (turkey, etag) = await _client.GetWithETagAsync("/api/v1/parties/turkey");

        Assert.Equal("turkey", turkey.GetProperty("id").GetString());
        Assert.Equal("Turkey", turkey.GetProperty("name").GetString());
        Assert.Equal("TR", turkey.GetProperty("countryCode").GetString());
        Assert.Equal("Host of the Istanbul talks.", turkey.GetProperty("notes").GetString());
        Http.AssertETagOfVersion(turkey.GetProperty("version").GetInt64(), etag);
    }

    [Fact]
    public async Task GettingAnUnknownPartyAnswersANotFoundProblemNamingTheId()
    {
        using var response = await _client.GetAsync("/api/v1/parties/atlantis");

        var problem = await response.ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("atlantis", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AnUnknownRouteAnswersANotFoundProblem()
    {
        using var response = await _client.GetAsync("/api/v1/no-such-collection");

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AMethodTheCollectionDoesNotSupportAnswersAProblem()
    {
        using var response = await _client.DeleteAsync("/api/v1/parties");

        await response.ReadProblemAsync(HttpStatusCode.MethodNotAllowed);
    }
}
