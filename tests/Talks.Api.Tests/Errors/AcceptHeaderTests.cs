using System.Net;
using Talks.Api.Tests.Infrastructure;

namespace Talks.Api.Tests.Errors;

/// <summary>The API speaks only JSON: an error is problem details even for a client that asked for something else.</summary>
public sealed class AcceptHeaderTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    [Theory]
    [InlineData("application/xml")]
    [InlineData("text/html")]
    public async Task AWriteWithoutAKeyAskingForAnotherTypeStillGetsA401Problem(string accept)
    {
        using var client = factory.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/parties") { Content = Http.Json("{}") };
        request.Headers.TryAddWithoutValidation("Accept", accept);

        using var response = await client.SendAsync(request);

        await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ANotFoundAskingForXmlGetsA404Problem()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/parties/no-such-party");
        request.Headers.TryAddWithoutValidation("Accept", "application/xml");

        using var response = await client.SendAsync(request);

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }
}
