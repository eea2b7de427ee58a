using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Talks.Api.Tests.Infrastructure;
using Talks.Data.Entities;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Limits;

/// <summary>Each caller gets its own window: a key by the key, a caller without one by its address.</summary>
public sealed class RateLimitTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private WebApplicationFactory<Program> WithLimits(int perKey, int perAddress) => factory.WithWebHostBuilder(b => b
        .UseSetting("RateLimits:PerKey:PermitLimit", perKey.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .UseSetting("RateLimits:PerAddress:PermitLimit", perAddress.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .UseSetting("RateLimits:WindowSeconds", "60"));

    [Fact]
    public async Task AKeyPastItsLimitGets429WithRetryAfterAndRateLimitHeaders()
    {
        using var limited = WithLimits(perKey: 3, perAddress: 1000);
        using var client = limited.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            using var ok = await client.GetAsync("/api/v1/parties?limit=1");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Equal("3", Header(ok, "RateLimit-Limit"));
            Assert.Equal((2 - i).ToString(System.Globalization.CultureInfo.InvariantCulture), Header(ok, "RateLimit-Remaining"));
            Assert.InRange(int.Parse(Header(ok, "RateLimit-Reset")!, System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        }

        using var refused = await client.GetAsync("/api/v1/parties?limit=1");
        var problem = await refused.ReadProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("API key", problem.Text("detail"));
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 60);
        Assert.Equal("0", Header(refused, "RateLimit-Remaining"));
    }

    [Fact]
    public async Task CallersWithoutAKeyShareTheirAddressesLimitWhileAKeyedCallerGoesOn()
    {
        using var limited = WithLimits(perKey: 1000, perAddress: 2);
        using var anonymous = limited.CreateClient();
        anonymous.DefaultRequestHeaders.Authorization = null;
        using var keyed = limited.CreateClient();

        for (var i = 0; i < 2; i++)
        {
            using var ok = await anonymous.GetAsync("/api/v1/talks");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var refused = await anonymous.GetAsync("/api/v1/talks");
        var problem = await refused.ReadProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("address", problem.Text("detail"));
        Assert.True(refused.Headers.Contains("Retry-After"));

        using var stillServed = await keyed.GetAsync("/api/v1/talks");
        Assert.Equal(HttpStatusCode.OK, stillServed.StatusCode);
    }

    [Fact]
    public async Task AnUnknownKeyIsCountedByAddressNotGivenAWindowOfItsOwn()
    {
        using var limited = WithLimits(perKey: 1000, perAddress: 2);
        var refusals = 0;
        for (var i = 0; i < 4; i++)
        {
            using var client = limited.CreateClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", $"talks_made-up-{i}");
            using var response = await client.GetAsync("/api/v1/talks");
            refusals += response.StatusCode == HttpStatusCode.TooManyRequests ? 1 : 0;
        }

        Assert.Equal(2, refusals);
    }

    [Fact]
    public async Task TheDefaultLimitsDoNotThrottleOrdinaryUse()
    {
        using var client = factory.CreateClient(ApiKeyRole.Analyst);
        for (var i = 0; i < 50; i++)
        {
            using var response = await client.GetAsync("/api/v1/parties?limit=1");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task AKeyOverItsRateAnswers429WithRetryAfterWhileOtherKeysCarryOn()
    {
        // An app of its own, where a key made for this test has five requests in ten minutes.
        await using var limited = TalksApiFactory.WithSettings(new Dictionary<string, string>
        {
            ["Limits:MaxRequestBodyBytes"] = "2000",
            ["RateLimits:PerKey:PermitLimit"] = "5",
            ["RateLimits:WindowSeconds"] = "600",
        });
        using var admin = limited.CreateClient(ApiKeyRole.Admin);
        var created = await admin.CreateAsync("/api/v1/keys",
            new System.Text.Json.Nodes.JsonObject { ["name"] = IdFrom(Unique("busy")), ["role"] = "analyst" });
        using var busy = limited.CreateAnonymousClient();
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

        using var other = limited.CreateClient(ApiKeyRole.Analyst);
        using var fine = await other.GetAsync("/api/v1/parties/ukraine");
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
