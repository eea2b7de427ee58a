using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Talks.Api.Tests.Infrastructure;
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
    public async Task ARequestPastTheTimeoutGets504ProblemDetails()
    {
        // A timeout shorter than any request takes: whichever await notices first before the answer has started, the
        // answer is the 504 problem. Once an answer has started its status can no longer change, so a timeout then
        // cuts it off — the client sees the connection end, which is the only honest thing left to do.
        // Caching off: a cached answer is served in microseconds without an await that could notice the timeout.
        using var hurried = factory.WithWebHostBuilder(b => b
            .UseSetting("Limits:RequestTimeoutSeconds", "0.001")
            .UseSetting("Caching:Enabled", "false"));
        using var client = hurried.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10 && !statuses.Contains(HttpStatusCode.GatewayTimeout); i++)
        {
            HttpResponseMessage response;
            try
            {
                response = await client.GetAsync("/api/v1/rounds/istanbul-2025-05-16");
            }
            catch (Exception e) when (e is HttpRequestException or IOException)
            {
                continue;
            }

            using var _ = response;
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.GatewayTimeout)
            {
                await response.ReadProblemAsync(HttpStatusCode.GatewayTimeout);
            }
        }

        Assert.Contains(HttpStatusCode.GatewayTimeout, statuses);
        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.GatewayTimeout, $"Got {(int)s}."));
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
