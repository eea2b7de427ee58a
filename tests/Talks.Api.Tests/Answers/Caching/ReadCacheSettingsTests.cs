using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Talks.Api.Tests.Infrastructure;
using Talks.Data.Entities;
using Talks.Api.Answers.Caching;

namespace Talks.Api.Tests.Answers.Caching;

/// <summary>
/// What keeps cached answers apart, and what bounds them: each representation (Accept) has its own, public reads are
/// shared by every caller while reads that need a key are kept per caller, the size limit is the configured one, and
/// only a talk's own records can be kept per talk.
/// </summary>
public sealed class ReadCacheSettingsTests(TalksApiFactory api) : IClassFixture<TalksApiFactory>
{
    private const string Round = "/api/v1/rounds/istanbul-2025-05-16";

    [Fact]
    public async Task EachRepresentationOfARecordIsKeptApartFromTheOther()
    {
        using var reader = api.CreateAnonymousClient();

        foreach (var (mediaType, _) in new[] { ("application/ld+json", 1), ("application/json", 2), ("application/ld+json", 3), ("application/json", 4) })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, Round);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(mediaType));
            using var answer = await reader.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Equal(mediaType, answer.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task PublicReadsAreKeptOnceForEveryCaller()
    {
        using var analyst = api.CreateClient();
        using var reader = api.CreateAnonymousClient();
        var url = $"{Round}?fields=id,summary";

        using var first = await analyst.GetAsync(url);
        using var second = await reader.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Null(first.Headers.Age);
        Assert.NotNull(second.Headers.Age);
    }

    [Fact]
    public async Task WhenReadsNeedAKeyEachCallersAnswersAreKeptApart()
    {
        await using var closed = TalksApiFactory.WithSettings(new Dictionary<string, string> { ["Auth:RequireKeyForReads"] = "true" });
        using var analyst = closed.CreateClient(ApiKeyRole.Analyst);
        using var admin = closed.CreateClient(ApiKeyRole.Admin);
        var url = $"{Round}?fields=id,date";

        using var analystsFirst = await analyst.GetAsync(url);
        using var adminsFirst = await admin.GetAsync(url);
        using var analystsSecond = await analyst.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, adminsFirst.StatusCode);
        Assert.Null(adminsFirst.Headers.Age);
        Assert.NotNull(analystsSecond.Headers.Age);
    }

    [Fact]
    public async Task ACacheGivenNoRoomKeepsNothing()
    {
        await using var roomless = TalksApiFactory.WithSettings(new Dictionary<string, string> { ["Caching:SizeLimitMegabytes"] = "0" });
        using var reader = roomless.CreateAnonymousClient();

        using var first = await reader.GetAsync(Round);
        using var second = await reader.GetAsync(Round);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Null(second.Headers.Age);
    }

    [Fact]
    public void OnlyATalksOwnRecordsCanBeKeptPerTalk()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Services.AddSingleton(api.Services.GetRequiredService<IChangeNumbers>());
        var group = builder.Build().MapGroup("/parties");

        var refused = Assert.Throws<ArgumentException>(() => group.CachesPerTalk("parties"));

        Assert.Contains("parties", refused.Message);
        Assert.Equal("collection", refused.ParamName);
    }
}
