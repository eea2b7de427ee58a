using System.Net;
using Talks.Api.Tests.Infrastructure;
using Talks.Data.Entities;

namespace Talks.Api.Tests.Keys;

/// <summary>A deployment may close reads to keyless callers; health checks and the API description stay open.</summary>
public sealed class PrivateReadsTests : IAsyncLifetime
{
    private readonly TalksApiFactory _factory = TalksApiFactory.WithSettings(new Dictionary<string, string>
    {
        ["Auth:RequireKeyForReads"] = "true",
    });

    [Fact]
    public async Task ReadsNeedAKeyWhenTheDeploymentSaysSo()
    {
        using var anonymous = _factory.CreateAnonymousClient();
        using var analyst = _factory.CreateClient(ApiKeyRole.Analyst);

        using var refused = await anonymous.GetAsync("/api/v1/parties/ukraine");
        await refused.ReadProblemAsync(HttpStatusCode.Unauthorized);

        var allowed = await analyst.GetJsonAsync("/api/v1/parties/ukraine");
        Assert.Equal("ukraine", allowed.Text("id"));
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/swagger/v1/swagger.json")]
    public async Task HealthAndTheApiDescriptionStayOpen(string url)
    {
        using var anonymous = _factory.CreateAnonymousClient();

        using var response = await anonymous.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();
}
