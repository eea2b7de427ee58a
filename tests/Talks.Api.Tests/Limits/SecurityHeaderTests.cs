using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Talks.Api.Tests.Infrastructure;

namespace Talks.Api.Tests.Limits;

/// <summary>Every answer tells browsers not to sniff, frame or leak it; the proxy and HTTPS switches do what they say.</summary>
public sealed class SecurityHeaderTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    [Theory]
    [InlineData("/api/v1/parties?limit=1")]
    [InlineData("/api/v1/parties/no-such-party")]
    [InlineData("/api/v1/parties?limit=0")]
    [InlineData("/health/live")]
    [InlineData("/swagger/v1/swagger.json")]
    public async Task EveryAnswerCarriesTheSecurityHeadersAndNoServerHeader(string url)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(url);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task RefusedWritesCarryTheSecurityHeadersToo()
    {
        using var client = factory.CreateAnonymousClient();
        using var response = await client.PostAsync("/api/v1/parties", Http.Json("{}"));

        await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
    }

    [Fact]
    public async Task SwaggerUiGetsAPolicyThatLetsItsOwnScriptsRunAndStillForbidsFraming()
    {
        using var withUi = factory.WithWebHostBuilder(b => b.UseSetting("OpenApi:Ui", "true"));
        using var client = withUi.CreateClient();
        using var response = await client.GetAsync("/swagger/index.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = Header(response, "Content-Security-Policy")!;
        Assert.Contains("script-src 'self'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
    }

    [Fact]
    public async Task HttpsRedirectionIsOffByDefault()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task WithTheHttpsSwitchOnPlainHttpIsRedirected()
    {
        using var https = factory.WithWebHostBuilder(b => b.UseSetting("Https:Redirect", "true").UseSetting("https_port", "443"));
        using var client = https.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.GetAsync("/api/v1/talks");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("https", response.Headers.Location?.Scheme);
    }

    [Fact]
    public async Task BehindAProxyThatTerminatesTlsTheForwardedSchemeIsTrusted()
    {
        using var proxied = factory.WithWebHostBuilder(b => b
            .UseSetting("Https:Redirect", "true").UseSetting("https_port", "443").UseSetting("ForwardedHeaders:Enabled", "true"));
        using var client = proxied.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/talks");
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? values.FirstOrDefault()
            : null;
}
