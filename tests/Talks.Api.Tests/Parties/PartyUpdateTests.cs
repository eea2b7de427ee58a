using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Parties;

public sealed class PartyUpdateTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private const string Url = "/api/v1/parties";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task ReplacingAPartyWithItsETagStoresTheChangeAndMovesTheVersionOn()
    {
        var (url, name) = await CreatePartyAsync();
        var (before, etag) = await _client.GetWithETagAsync(url);

        using var response = await _client.PutAsync(url, Party(name, kind: "non-state-actor", notes: "Now a movement."), etag);

        var replaced = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("non-state-actor", replaced.GetProperty("kind").GetString());
        Assert.Equal("Now a movement.", replaced.GetProperty("notes").GetString());
        Assert.Equal(2, replaced.GetProperty("version").GetInt64());
        Http.AssertETagOfVersion(2, response.Headers.ETag?.ToString());
        Assert.Equal(before.GetProperty("createdAt").GetString(), replaced.GetProperty("createdAt").GetString());
        Assert.True(replaced.GetProperty("updatedAt").GetDateTimeOffset() > before.GetProperty("updatedAt").GetDateTimeOffset());

        var (stored, storedETag) = await _client.GetWithETagAsync(url);
        Assert.Equal(replaced.ToString(), stored.ToString());
        Http.AssertETagOfVersion(2, storedETag);
    }

    [Fact]
    public async Task ReplacingMayRepeatTheId()
    {
        var (url, name) = await CreatePartyAsync();
        var id = url.Split('/')[^1];

        using var response = await _client.PutCurrentAsync(url, Party(name, id: id, notes: "Same id sent back."));

        var replaced = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(id, replaced.GetProperty("id").GetString());
        Assert.Equal("Same id sent back.", replaced.GetProperty("notes").GetString());
    }

    [Fact]
    public async Task ReplacingWithoutIfMatchAnswers428AndChangesNothing()
    {
        var (url, name) = await CreatePartyAsync();

        using var response = await _client.PutAsync(url, Party(name, notes: "Blind write."), ifMatch: null);

        await response.ReadProblemAsync((HttpStatusCode)428);
        await AssertUnchangedAsync(url);
    }

    [Fact]
    public async Task ReplacingWithAStaleETagAnswers412WithTheCurrentETag()
    {
        var (url, name) = await CreatePartyAsync();
        var (_, stale) = await _client.GetWithETagAsync(url);
        using (var first = await _client.PutAsync(url, Party(name, notes: "First analyst."), stale))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var second = await _client.PutAsync(url, Party(name, notes: "Second analyst."), stale);

        await second.ReadProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal("\"2\"", second.Headers.ETag?.ToString());
        var stored = await _client.GetJsonAsync(url);
        Assert.Equal("First analyst.", stored.GetProperty("notes").GetString());
    }

    [Theory]
    [InlineData("W/\"1\"")]
    [InlineData("\"99\"")]
    [InlineData("1")]
    public async Task AnIfMatchThatIsNotTheCurrentStrongETagAnswers412(string ifMatch)
    {
        var (url, name) = await CreatePartyAsync();

        using var response = await _client.PutAsync(url, Party(name, notes: "Should not land."), ifMatch);

        await response.ReadProblemAsync(HttpStatusCode.PreconditionFailed);
        await AssertUnchangedAsync(url);
    }

    [Fact]
    public async Task AnIfMatchListContainingTheCurrentETagIsAccepted()
    {
        var (url, name) = await CreatePartyAsync();

        using var response = await _client.PutAsync(url, Party(name, notes: "Listed."), "\"7\", \"1\"");

        await response.ReadJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ReplacingWithADifferentIdIsRejectedNamingIdAndKeepsTheRecordWhereItWas()
    {
        var (url, name) = await CreatePartyAsync();
        var newId = IdFrom(Unique("moved"));

        using var response = await _client.PutCurrentAsync(url, Party(name, id: newId));

        await response.ReadValidationProblemAsync("id");
        await AssertUnchangedAsync(url);
        using var moved = await _client.GetAsync($"{Url}/{newId}");
        Assert.Equal(HttpStatusCode.NotFound, moved.StatusCode);
    }

    [Fact]
    public async Task ReplacingWithAnInvalidBodyIsRejectedAndChangesNothing()
    {
        var (url, name) = await CreatePartyAsync();

        using var response = await _client.PutCurrentAsync(url, Party(name, countryCode: "xx"));

        await response.ReadValidationProblemAsync("countryCode");
        await AssertUnchangedAsync(url);
    }

    [Fact]
    public async Task ReplacingAnUnknownPartyAnswers404()
    {
        using var response = await _client.PutAsync($"{Url}/{IdFrom(Unique("nowhere"))}", Party("Nowhere"), "\"1\"");

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AMergePatchChangesOnlyTheFieldsItNames()
    {
        var (url, name) = await CreatePartyAsync(countryCode: "QQ", notes: "Original notes.");

        using var response = await _client.PatchCurrentAsync(url, """{ "notes": "Patched notes." }""");

        var patched = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Patched notes.", patched.GetProperty("notes").GetString());
        Assert.Equal(name, patched.GetProperty("name").GetString());
        Assert.Equal("state", patched.GetProperty("kind").GetString());
        Assert.Equal("QQ", patched.GetProperty("countryCode").GetString());
        Assert.Equal([ArticleSource], patched.GetProperty("sourceIds").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(2, patched.GetProperty("version").GetInt64());
        Http.AssertETagOfVersion(2, response.Headers.ETag?.ToString());

        var id = url.Split('/')[^1];
        var row = await factory.InDatabaseAsync(db => db.Parties.AsNoTracking().SingleAsync(p => p.Id == id));
        Assert.Equal("Patched notes.", row.Notes);
        Assert.Equal("QQ", row.CountryCode);
        Assert.Equal(2, row.Version);
    }

    [Fact]
    public async Task AMergePatchWithNullClearsANullableField()
    {
        var (url, _) = await CreatePartyAsync(countryCode: "QQ", notes: "To be cleared.");

        using var response = await _client.PatchCurrentAsync(url, """{ "notes": null, "countryCode": null }""");

        var patched = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, patched.GetProperty("notes").ValueKind);
        Assert.Equal(JsonValueKind.Null, patched.GetProperty("countryCode").ValueKind);
        var stored = await _client.GetJsonAsync(url);
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("notes").ValueKind);
    }

    [Fact]
    public async Task AMergePatchAlsoAcceptsPlainJson()
    {
        var (url, _) = await CreatePartyAsync();
        var (_, etag) = await _client.GetWithETagAsync(url);

        using var response = await _client.SendAsync(HttpMethod.Patch, url, Http.Json("""{ "notes": "Plain JSON." }"""), etag);

        var patched = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Plain JSON.", patched.GetProperty("notes").GetString());
    }

    [Fact]
    public async Task AMergePatchNullingARequiredFieldIsRejectedNamingIt()
    {
        var (url, _) = await CreatePartyAsync();

        using var response = await _client.PatchCurrentAsync(url, """{ "name": null }""");

        await response.ReadValidationProblemAsync("name");
        await AssertUnchangedAsync(url);
    }

    [Fact]
    public async Task AMergePatchWithAnInvalidValueIsRejectedNamingTheField()
    {
        var (url, _) = await CreatePartyAsync();

        using var response = await _client.PatchCurrentAsync(url, """{ "countryCode": "Atlantis", "sourceIds": [] }""");

        await response.ReadValidationProblemAsync("countryCode", "sourceIds");
        await AssertUnchangedAsync(url);
    }

    [Fact]
    public async Task AMergePatchWithAnUnknownPropertyIsRejectedNamingIt()
    {
        var (url, _) = await CreatePartyAsync();

        using var response = await _client.PatchCurrentAsync(url, """{ "flag": "blue" }""");

        await response.ReadValidationProblemAsync("flag");
        await AssertUnchangedAsync(url);
    }

    [Fact]
    public async Task AMergePatchCannotSetTheVersion()
    {
        var (url, _) = await CreatePartyAsync();

        using var response = await _client.PatchCurrentAsync(url, """{ "version": 42 }""");

        await response.ReadValidationProblemAsync("version");
        await AssertUnchangedAsync(url);
    }

    [Fact]
    public async Task AMergePatchWithAWrongTypeIsRejectedNamingTheField()
    {
        var (url, _) = await CreatePartyAsync();

        using var response = await _client.PatchCurrentAsync(url, """{ "kind": 5 }""");

        await response.ReadValidationProblemAsync("kind");
        await AssertUnchangedAsync(url);
    }

    [Fact]
    public async Task AMergePatchThatIsNotAnObjectIsRejected()
    {
        var (url, _) = await CreatePartyAsync();

        using var response = await _client.PatchCurrentAsync(url, """["notes"]""");

        await response.ReadValidationProblemAsync("body");
        await AssertUnchangedAsync(url);
    }

    [Fact]
    public async Task AMergePatchChangingTheIdIsRejectedNamingId()
    {
        var (url, _) = await CreatePartyAsync();

        using var response = await _client.PatchCurrentAsync(url, $$"""{ "id": "{{IdFrom(Unique("elsewhere"))}}" }""");

        await response.ReadValidationProblemAsync("id");
        await AssertUnchangedAsync(url);
    }

    [Fact]
    public async Task AMergePatchWithoutIfMatchAnswers428()
    {
        var (url, _) = await CreatePartyAsync();

        using var response = await _client.PatchAsync(url, """{ "notes": "Blind." }""", ifMatch: null);

        await response.ReadProblemAsync((HttpStatusCode)428);
        await AssertUnchangedAsync(url);
    }

    [Fact]
    public async Task AMergePatchWithAStaleETagAnswers412()
    {
        var (url, _) = await CreatePartyAsync();
        var (_, stale) = await _client.GetWithETagAsync(url);
        using (var first = await _client.PatchAsync(url, """{ "notes": "First." }""", stale))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var second = await _client.PatchAsync(url, """{ "notes": "Second." }""", stale);

        await second.ReadProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal("\"2\"", second.Headers.ETag?.ToString());
        Assert.Equal("First.", (await _client.GetJsonAsync(url)).GetProperty("notes").GetString());
    }

    [Fact]
    public async Task AMergePatchOnAnUnknownPartyAnswers404()
    {
        using var response = await _client.PatchAsync($"{Url}/{IdFrom(Unique("nowhere"))}", """{ "notes": "x" }""", "\"1\"");

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task<(string Url, string Name)> CreatePartyAsync(string? countryCode = null, string? notes = null)
    {
        var name = Unique("Editable Republic");
        var created = await _client.CreateAsync(Url, Party(name, countryCode: countryCode, notes: notes));
        return ($"{Url}/{created.GetProperty("id").GetString()}", name);
    }

    /// <summary>A refused write leaves the record at its first version.</summary>
    private async Task AssertUnchangedAsync(string url)
    {
        var (stored, etag) = await _client.GetWithETagAsync(url);
        Assert.Equal(1, stored.GetProperty("version").GetInt64());
        Http.AssertETagOfVersion(1, etag);
    }
}
