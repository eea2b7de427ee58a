using System.Net;
using Talks.Api.Tests.Infrastructure;

namespace Talks.Api.Tests.Platform;

/// <summary>Browser apps on the configured origins may call the API; others get no CORS grant.</summary>
public sealed class CorsTests : IAsyncLifetime
{
    private const string Allowed = "https://dashboard.example.org";
    private readonly TalksApiFactory _factory = TalksApiFactory.WithSettings(new Dictionary<string, string>
    {
        ["Cors:AllowedOrigins:0"] = Allowed,
    });

    [Fact]
    public async Task APreflightFromAnAllowedOriginMayPatchWithIfMatch()
    {
        using var client = _factory.CreateAnonymousClient();
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/parties/ukraine");
        request.Headers.Add("Origin", Allowed);
        request.Headers.Add("Access-Control-Request-Method", "PATCH");
        request.Headers.Add("Access-Control-Request-Headers", "authorization, content-type, if-match");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(Allowed, Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains("PATCH", Header(response, "Access-Control-Allow-Methods"));
        Assert.Contains("if-match", Header(response, "Access-Control-Allow-Headers")!.ToLowerInvariant());
    }

    [Fact]
    public async Task AReadFromAnAllowedOriginExposesTheETagAndLinkHeaders()
    {
        using var client = _factory.CreateAnonymousClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/parties?limit=1");
        request.Headers.Add("Origin", Allowed);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Allowed, Header(response, "Access-Control-Allow-Origin"));
        var exposed = Header(response, "Access-Control-Expose-Headers")!;
        Assert.Contains("ETag", exposed);
        Assert.Contains("Link", exposed);
    }

    [Fact]
    public async Task AnotherOriginGetsNoGrant()
    {
        using var client = _factory.CreateAnonymousClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/parties/ukraine");
        request.Headers.Add("Origin", "https://elsewhere.example.com");

        using var response = await client.SendAsync(request);

        Assert.Null(Header(response, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task CorsAllowsOnlyConfiguredOriginsAndExposesPagingAndCachingHeaders()
    {
        await using var configured = TalksApiFactory.WithSettings(new Dictionary<string, string>
        {
            ["Cors:AllowedOrigins:0"] = "https://dashboard.example",
        });
        var client = configured.CreateClient();

        using var allowed = new HttpRequestMessage(HttpMethod.Get, "/api/v1/parties?limit=1");
        allowed.Headers.Add("Origin", "https://dashboard.example");
        using var answer = await client.SendAsync(allowed);
        Assert.Equal("https://dashboard.example", answer.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var exposed = answer.Headers.GetValues("Access-Control-Expose-Headers").Single();
        Assert.Contains("ETag", exposed);
        Assert.Contains("Link", exposed);

        using var stranger = new HttpRequestMessage(HttpMethod.Get, "/api/v1/parties?limit=1");
        stranger.Headers.Add("Origin", "https://elsewhere.example");
        using var refused = await client.SendAsync(stranger);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;
}
