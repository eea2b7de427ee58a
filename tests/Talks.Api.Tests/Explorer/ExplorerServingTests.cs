using System.Net;
using Talks.Api.Tests.Infrastructure;

namespace Talks.Api.Tests.Explorer;

/// <summary>
/// The explorer page is served at / with a policy that lets only its own scripts, styles and API calls run, and
/// <c>Explorer:Enabled=false</c> puts / back to what it was: nothing there, the API and its document untouched.
/// </summary>
public sealed class ExplorerServingTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    [Fact]
    public async Task TheRootServesThePageWithItsOwnStrictPolicy()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("explorer/app.js", await response.Content.ReadAsStringAsync());
        var policy = Policy(response);
        Assert.Contains("default-src 'none'", policy);
        Assert.Contains("script-src 'self'", policy);
        Assert.Contains("style-src 'self'", policy);
        Assert.Contains("connect-src 'self'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.DoesNotContain("http", policy);
    }

    [Theory]
    [InlineData("/explorer/app.js", "text/javascript")]
    [InlineData("/explorer/views/timeline.js", "text/javascript")]
    [InlineData("/explorer/style.css", "text/css")]
    public async Task ThePagesScriptsAndStylesCarryThePagePolicy(string path, string mediaType)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("script-src 'self'", Policy(response));
    }

    [Theory]
    [InlineData("/api/v1/talks")]
    [InlineData("/swagger/v1/swagger.json")]
    public async Task TheApiAndItsDocumentKeepTheirOwnPolicyBesideThePage(string path)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("default-src 'none'; frame-ancestors 'none'", Policy(response));
    }

    [Fact]
    public async Task WithTheExplorerOffTheRootIsNotFoundAndTheApiAndItsDocumentStillAnswer()
    {
        using var off = factory.WithWebHostBuilder(b => b.UseSetting("Explorer:Enabled", "false"));
        using var client = off.CreateClient();

        using var root = await client.GetAsync("/");
        using var script = await client.GetAsync("/explorer/app.js");
        using var document = await client.GetAsync("/swagger/v1/swagger.json");
        using var talks = await client.GetAsync("/api/v1/talks");

        Assert.Equal(HttpStatusCode.NotFound, root.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, script.StatusCode);
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.Equal(HttpStatusCode.OK, talks.StatusCode);
    }

    private static string Policy(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Content-Security-Policy", out var values) ? string.Join(";", values) : "";
}
