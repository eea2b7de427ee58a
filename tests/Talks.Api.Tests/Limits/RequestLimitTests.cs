using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Tests.Infrastructure;
using Talks.Data.Entities;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Limits;

/// <summary>Bodies, pages and request times have ceilings; past each one the answer is a problem, never a 5xx.</summary>
public sealed class RequestLimitTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task ABodyOverOneMegabyteGets413ProblemDetailsAndWritesNothing()
    {
        var name = Unique("Huge");
        var body = Party(name, notes: new string('x', 1_100_000)).ToJsonString();

        using var response = await _client.PostAsync("/api/v1/parties", Http.Json(body));

        await response.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        using var missing = await _client.GetAsync($"/api/v1/parties/{IdFrom(name)}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task ABodySentWithoutALengthIsHeldToTheSameLimit()
    {
        var body = Party(Unique("Chunked"), notes: new string('x', 1_100_000)).ToJsonString();

        using var response = await _client.PostAsync("/api/v1/parties", new UnsizedContent(Encoding.UTF8.GetBytes(body)));

        await response.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task ABodyJustUnderTheLimitReachesValidation()
    {
        // Notes longer than the rules allow, but a body under 1 MB: validation answers, not the size limit.
        var body = Party(Unique("Long"), notes: new string('x', 900_000)).ToJsonString();

        using var response = await _client.PostAsync("/api/v1/parties", Http.Json(body));

        await response.ReadValidationProblemAsync("notes");
    }

    [Theory]
    [InlineData("/api/v1/parties?limit=201")]
    [InlineData("/api/v1/rounds?limit=201")]
    [InlineData("/api/v1/changes?limit=201")]
    public async Task APageLargerThan200IsRefused(string url)
    {
        using var response = await _client.GetAsync(url);

        await response.ReadValidationProblemAsync("limit");
    }

    [Fact]
    public async Task ABodyOverAConfiguredLowerLimitAnswers413AndWritesNothing()
    {
        // An app of its own, its body limit lowered to 2,000 bytes.
        await using var limited = TalksApiFactory.WithSettings(new Dictionary<string, string>
        {
            ["Limits:MaxRequestBodyBytes"] = "2000",
            ["RateLimits:PerKey:PermitLimit"] = "5",
            ["RateLimits:WindowSeconds"] = "600",
        });
        using var client = limited.CreateClient(ApiKeyRole.Analyst);
        var name = Unique("Bulky");
        var body = Party(name, notes: new string('n', 3000));

        using var response = await client.PostJsonAsync("/api/v1/parties", body);

        await response.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.False(await limited.InDatabaseAsync(db => db.Parties.AnyAsync(p => p.Name == name)));
    }

    /// <summary>A JSON body that does not say how long it is, as a chunked upload does.</summary>
    private sealed class UnsizedContent : HttpContent
    {
        private readonly byte[] _bytes;

        public UnsizedContent(byte[] bytes)
        {
            _bytes = bytes;
            Headers.ContentType = new("application/json");
        }

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
