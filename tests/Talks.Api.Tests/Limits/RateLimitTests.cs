using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Talks.Api.Tests.Infrastructure;
using Talks.Data.Entities;

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

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
