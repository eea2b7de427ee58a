using System.Net;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Parties;

public sealed class PartyDeleteTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private const string Url = "/api/v1/parties";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task DeletingAPartyNothingReferencesAnswers204AndItIsGone()
    {
        var created = await _client.CreateAsync(Url, Party(Unique("Short-lived State")));
        var id = created.GetProperty("id").GetString()!;

        using var response = await _client.DeleteCurrentAsync($"{Url}/{id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        using var after = await _client.GetAsync($"{Url}/{id}");
        await after.ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.False(await factory.InDatabaseAsync(db => db.Parties.AnyAsync(p => p.Id == id)));
    }

    [Fact]
    public async Task DeletingAPartyOthersReferenceAnswersConflictNamingTheReferences()
    {
        var (_, etag) = await _client.GetWithETagAsync($"{Url}/ukraine");

        using var response = await _client.DeleteAsync($"{Url}/ukraine", etag);

        var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict);
        var references = problem.GetProperty("references");
        Assert.Contains("rustem-umerov", references.GetProperty("people").EnumerateArray().Select(p => p.GetString()));
        Assert.Contains("istanbul-2025-05-16", references.GetProperty("rounds").EnumerateArray().Select(p => p.GetString()));
        Assert.Contains("ukraine-rejects-withdrawal-demand", references.GetProperty("positions").EnumerateArray().Select(p => p.GetString()));
        Assert.Contains("kyslytsya-good-news-for-families", references.GetProperty("statements").EnumerateArray().Select(p => p.GetString()));
        Assert.Contains("istanbul-2025-prisoner-exchange", references.GetProperty("agreements").EnumerateArray().Select(p => p.GetString()));
        Assert.Contains("rustem-umerov", problem.GetProperty("detail").GetString());
        Assert.True(await factory.InDatabaseAsync(db => db.Parties.AnyAsync(p => p.Id == "ukraine")));
    }

    [Fact]
    public async Task DeletingWithoutIfMatchAnswers428AndKeepsTheParty()
    {
        var created = await _client.CreateAsync(Url, Party(Unique("Kept State")));
        var url = $"{Url}/{created.GetProperty("id").GetString()}";

        using var response = await _client.DeleteAsync(url, ifMatch: null);

        await response.ReadProblemAsync((HttpStatusCode)428);
        await _client.GetJsonAsync(url);
    }

    [Fact]
    public async Task DeletingWithAStaleETagAnswers412AndKeepsTheParty()
    {
        var created = await _client.CreateAsync(Url, Party(Unique("Kept State")));
        var url = $"{Url}/{created.GetProperty("id").GetString()}";
        using (var edit = await _client.PatchCurrentAsync(url, """{ "notes": "Edited meanwhile." }"""))
        {
            Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        }

        using var response = await _client.DeleteAsync(url, "\"1\"");

        await response.ReadProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal("\"2\"", response.Headers.ETag?.ToString());
        await _client.GetJsonAsync(url);
    }

    [Fact]
    public async Task DeletingAnUnknownPartyAnswers404()
    {
        using var response = await _client.DeleteAsync($"{Url}/{IdFrom(Unique("nowhere"))}", "\"1\"");

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DeletingTwiceAnswers404TheSecondTime()
    {
        var created = await _client.CreateAsync(Url, Party(Unique("Twice Gone")));
        var url = $"{Url}/{created.GetProperty("id").GetString()}";
        using (var first = await _client.DeleteAsync(url, "\"1\""))
        {
            Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        }

        using var second = await _client.DeleteAsync(url, "\"1\"");

        await second.ReadProblemAsync(HttpStatusCode.NotFound);
    }
}
