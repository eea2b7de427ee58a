using System.Net;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Answers.Formats;

/// <summary>A list as CSV is a read like any other: it carries the ETag of its bytes and answers 304 while unchanged.</summary>
public sealed class CsvETagTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private const string Url = "/api/v1/parties?format=csv&kind=state";
    private readonly HttpClient _analyst = factory.CreateClient();
    private readonly HttpClient _reader = factory.CreateAnonymousClient();

    [Fact]
    public async Task ACsvListReadAgainWithItsETagAnswers304WithoutABody()
    {
        var (csv, etag) = await ReadCsvAsync(Url);
        Assert.StartsWith("id,", csv);

        using var again = await GetIfNoneMatchAsync(Url, etag);

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, again.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task ACsvListHasAnETagOfItsOwnNotTheJsonOne()
    {
        var (_, csvETag) = await ReadCsvAsync(Url);
        var (_, jsonETag) = await _reader.GetWithETagAsync("/api/v1/parties?kind=state");

        Assert.NotEqual(jsonETag, csvETag);
        using var json = await GetIfNoneMatchAsync("/api/v1/parties?kind=state", csvETag);
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
    }

    [Fact]
    public async Task AfterAWriteTheOldCsvETagGetsTheNewList()
    {
        var (_, before) = await ReadCsvAsync(Url);
        var name = Unique("Csv State");
        await _analyst.CreateAsync("/api/v1/parties", Party(name));

        using var again = await GetIfNoneMatchAsync(Url, before);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains(name, await again.Content.ReadAsStringAsync());
        Assert.NotEqual(before, again.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task ACsvListSaysHowLongItIs()
    {
        using var response = await _reader.GetAsync(Url);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
    }

    private async Task<(string Csv, string ETag)> ReadCsvAsync(string url)
    {
        using var response = await _reader.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var etag = response.Headers.ETag?.ToString();
        Assert.False(string.IsNullOrEmpty(etag), "The CSV list answered without an ETag.");
        Assert.False(response.Headers.ETag!.IsWeak);
        return (await response.Content.ReadAsStringAsync(), etag!);
    }

    private Task<HttpResponseMessage> GetIfNoneMatchAsync(string url, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        return _reader.SendAsync(request);
    }
}
