using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Tests.Infrastructure;
using Talks.Data.Entities;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Platform;

/// <summary>One caller cannot cost the service without bound: body size and request rate are capped, politely.</summary>
public sealed class AbuseLimitTests : IAsyncLifetime
{
    private readonly TalksApiFactory _factory = TalksApiFactory.WithSettings(new Dictionary<string, string>
    {
        ["Limits:MaxRequestBodyBytes"] = "2000",
        ["RateLimits:PerKey:PermitLimit"] = "5",
        ["RateLimits:WindowSeconds"] = "600",
    });

    [Fact]
    public async Task ABodyOverTheLimitAnswers413AndWritesNothing()
    {
        using var client = _factory.CreateClient(ApiKeyRole.Analyst);
        var name = Unique("Bulky");
        var body = Party(name, notes: new string('n', 3000));

        using var response = await client.PostJsonAsync("/api/v1/parties", body);

        await response.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.False(await _factory.InDatabaseAsync(db => db.Parties.AnyAsync(p => p.Name == name)));
    }

    [Fact]
    public async Task AKeyOverItsRateAnswers429WithRetryAfterWhileOtherKeysCarryOn()
    {
        using var admin = _factory.CreateClient(ApiKeyRole.Admin);
        var created = await admin.CreateAsync("/api/v1/keys", new System.Text.Json.Nodes.JsonObject { ["name"] = IdFrom(Unique("busy")), ["role"] = "analyst" });
        using var busy = _factory.CreateAnonymousClient();
        busy.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.Text("key"));

        HttpResponseMessage? refused = null;
        for (var i = 0; i < 10 && refused is null; i++)
        {
            var response = await busy.GetAsync("/api/v1/parties/ukraine");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
            else
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.True(response.Headers.Contains("RateLimit-Remaining"));
                response.Dispose();
            }
        }

        Assert.NotNull(refused);
        using (refused)
        {
            await refused.ReadProblemAsync(HttpStatusCode.TooManyRequests);
            Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        }

        using var other = _factory.CreateClient(ApiKeyRole.Analyst);
        using var fine = await other.GetAsync("/api/v1/parties/ukraine");
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();
}
