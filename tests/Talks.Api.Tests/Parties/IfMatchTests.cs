using System.Net;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Parties;

/// <summary>
/// Which If-Match values let an edit through: the record's bare ETag, the ETag a read of it answered with, or "*";
/// anything else is refused, and the refusal tells the analyst what to do. Shown on parties; every resource shares it.
/// </summary>
public sealed class IfMatchTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private const string Url = "/api/v1/parties";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task AnEditWithoutIfMatchIsRefusedNamingTheHeaderToSend()
    {
        var url = await CreatePartyAsync();

        using var response = await _client.PatchAsync(url, """{ "notes": "Blind." }""", ifMatch: null);

        var problem = await response.ReadProblemAsync((HttpStatusCode)428);
        Assert.Equal("https://www.rfc-editor.org/rfc/rfc6585#section-3", problem.Text("type"));
        Assert.Equal("If-Match is required.", problem.Text("title"));
        Assert.Contains("If-Match", problem.Text("detail"));
        await AssertUnchangedAsync(url);
    }

    [Fact]
    public async Task AStaleETagIsRefusedNamingTheCurrentOne()
    {
        var url = await CreatePartyAsync();
        using (var first = await _client.PatchCurrentAsync(url, """{ "notes": "First." }"""))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var response = await _client.PatchAsync(url, """{ "notes": "Second." }""", "\"1\"");

        var problem = await response.ReadProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal("The record has changed since you read it.", problem.Text("title"));
        Assert.Contains("\"2\"", problem.Text("detail"));
        Assert.Equal("\"2\"", response.Headers.ETag?.ToString());
    }

    [Theory]
    [InlineData("*")]
    [InlineData("\"1\"")]
    [InlineData("\"1-0123abcd\"")]
    [InlineData("\"9\" , \"1\"")]
    [InlineData(" , \"1\"")]
    public async Task AnIfMatchNamingTheCurrentVersionLetsTheEditThrough(string ifMatch)
    {
        var url = await CreatePartyAsync();

        using var response = await _client.PatchAsync(url, """{ "notes": "Landed." }""", ifMatch);

        var patched = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Landed.", patched.Text("notes"));
    }

    [Theory]
    [InlineData("\"12\"")]
    [InlineData("\"12-0123abcd\"")]
    [InlineData("\"1-0123abcd")]
    [InlineData("W/\"1\"")]
    [InlineData("\"2-0123abcd\"")]
    public async Task AnIfMatchNamingAnotherVersionIsRefused(string ifMatch)
    {
        var url = await CreatePartyAsync();

        using var response = await _client.PatchAsync(url, """{ "notes": "Should not land." }""", ifMatch);

        await response.ReadProblemAsync(HttpStatusCode.PreconditionFailed);
        await AssertUnchangedAsync(url);
    }

    private async Task<string> CreatePartyAsync() =>
        $"{Url}/{(await _client.CreateAsync(Url, Party(Unique("Guarded Republic")))).Text("id")}";

    private async Task AssertUnchangedAsync(string url)
    {
        var (stored, etag) = await _client.GetWithETagAsync(url);
        Assert.Equal(1, stored.GetProperty("version").GetInt64());
        Http.AssertETagOfVersion(1, etag);
    }
}
