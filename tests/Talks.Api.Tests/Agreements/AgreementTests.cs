using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Agreements;

public sealed class AgreementTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private const string Url = "/api/v1/agreements";
    private const string Round = "istanbul-2025-05-16";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task CreatingAnAgreementStoresItsObligationsInTheOrderGiven()
    {
        var title = Unique("Body exchange");
        var body = Agreement(title, Round);
        body["obligations"]!.AsArray().Add(Obligation("turkey", null, null));
        body["obligations"]![2]!["description"] = "Host the handover.";

        using var response = await _client.PostJsonAsync(Url, body);

        var created = await response.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(IdFrom(title), created.Text("id"));
        Assert.Equal($"{Url}/{IdFrom(title)}", response.Headers.Location?.OriginalString);
        Assert.Equal(["ukraine", "russia", "turkey"], created.GetProperty("obligations").EnumerateArray().Select(o => o.Text("partyId")));
        var turkey = created.GetProperty("obligations")[2];
        Assert.True(turkey.IsNull("quantity"));
        Assert.True(turkey.IsNull("beneficiaryPartyId"));
        Assert.Equal(0, created.GetProperty("events").GetArrayLength());
        Assert.Equal(created.ToString(), (await _client.GetJsonAsync($"{Url}/{created.Text("id")}")).ToString());
        var id = created.Text("id");
        Assert.Equal(3, await factory.InDatabaseAsync(db => db.Obligations.CountAsync(o => o.AgreementId == id)));
    }

    [Fact]
    public async Task AnAgreementWithBadPartsIsRejectedNamingEachOne()
    {
        var title = Unique("Broken deal");
        var body = Agreement(title, "no-such-round");
        body["obligations"]![0]!["unit"] = null;
        body["obligations"]![1]!["quantity"] = -1;
        body["obligations"]![1]!["beneficiaryPartyId"] = "atlantis";
        body["agreedOn"] = "2025-05-16";
        body["implementationDate"] = "2025-05-01";

        using var response = await _client.PostJsonAsync(Url, body);

        await response.ReadValidationProblemAsync(
            "roundId", "obligations[0].unit", "obligations[1].quantity", "obligations[1].beneficiaryPartyId", "implementationDate");
        Assert.False(await factory.InDatabaseAsync(db => db.Agreements.AnyAsync(a => a.Title == title)));
    }

    [Theory]
    [InlineData("type", "truce")]
    [InlineData("status", "signed")]
    public async Task AnUnknownTypeOrStatusIsRejectedNamingIt(string field, string value)
    {
        var body = Agreement(Unique("Odd deal"), Round);
        body[field] = value;

        using var response = await _client.PostJsonAsync(Url, body);

        await response.ReadValidationProblemAsync(field);
    }

    [Theory]
    [InlineData("agreed", "in-implementation")]
    [InlineData("agreed", "implemented")]
    [InlineData("proposed", "agreed")]
    [InlineData("agreed", "stalled")]
    [InlineData("stalled", "agreed")]
    [InlineData("in-implementation", "collapsed")]
    public async Task AStatusMayMoveAlongTheLifecycle(string from, string to)
    {
        var url = await CreateAsync(from);

        using var response = await _client.PatchCurrentAsync(url, $$"""{ "status": "{{to}}" }""");

        var moved = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(to, moved.Text("status"));
        Assert.Equal(2, moved.GetProperty("version").GetInt64());
    }

    [Theory]
    [InlineData("agreed", "proposed")]
    [InlineData("implemented", "agreed")]
    [InlineData("implemented", "collapsed")]
    [InlineData("collapsed", "agreed")]
    [InlineData("in-implementation", "proposed")]
    public async Task AStatusCannotMoveAgainstTheLifecycle(string from, string to)
    {
        var url = await CreateAsync(from);

        using var response = await _client.PatchCurrentAsync(url, $$"""{ "status": "{{to}}" }""");

        var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains(to, problem.Text("detail"));
        var stored = await _client.GetJsonAsync(url);
        Assert.Equal(from, stored.Text("status"));
        Assert.Equal(1, stored.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task ReplacingTheObligationsReplacesThemAll()
    {
        var url = await CreateAsync("agreed");

        using var response = await _client.PatchCurrentAsync(url,
            """{ "obligations": [ { "partyId": "russia", "description": "Return 25 prisoners of war.", "quantity": 25,""" +
            """ "unit": "prisoners-of-war", "beneficiaryPartyId": "ukraine" } ] }""");

        var patched = await response.ReadJsonAsync(HttpStatusCode.OK);
        var only = Assert.Single(patched.GetProperty("obligations").EnumerateArray());
        Assert.Equal(25, only.GetProperty("quantity").GetInt32());
        var id = patched.Text("id");
        Assert.Equal(1, await factory.InDatabaseAsync(db => db.Obligations.CountAsync(o => o.AgreementId == id)));
    }

    [Fact]
    public async Task TheConfidentialDateNoteCanBeReplacedByTheDateOnceKnown()
    {
        var url = await CreateAsync("agreed");

        using var response = await _client.PatchCurrentAsync(url, """{ "implementationDate": "2025-05-23", "implementationDateNote": null }""");

        var patched = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("2025-05-23", patched.Text("implementationDate"));
        Assert.True(patched.IsNull("implementationDateNote"));
    }

    [Fact]
    public async Task DeletingAnAgreementRemovesItsObligationsAndEvents()
    {
        var url = await CreateAsync("agreed");
        var id = url.Split('/')[^1];
        await _client.CreateAsync($"{url}/events", Event("2025-05-20", quantity: 5));

        using var response = await _client.DeleteCurrentAsync(url);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.False(await factory.InDatabaseAsync(db => db.Obligations.AnyAsync(o => o.AgreementId == id)));
        Assert.False(await factory.InDatabaseAsync(db => db.AgreementEvents.AnyAsync(e => e.AgreementId == id)));
        using var gone = await _client.GetAsync(url);
        await gone.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AgreementsAreListedByStatusTypeRoundAndParty()
    {
        var url = await CreateAsync("stalled", type: "humanitarian", extraParty: "european-union");
        var id = url.Split('/')[^1];

        Assert.Contains(id, (await _client.GetJsonAsync($"{Url}?status=stalled")).Ids());
        Assert.DoesNotContain(id, (await _client.GetJsonAsync($"{Url}?status=agreed")).Ids());
        Assert.Contains(id, (await _client.GetJsonAsync($"{Url}?type=humanitarian")).Ids());
        Assert.Contains(id, (await _client.GetJsonAsync($"{Url}?partyId=european-union")).Ids());
        Assert.Contains(id, (await _client.GetJsonAsync($"{Url}?roundId={Round}&limit=200")).Ids());
    }

    [Theory]
    [InlineData("status=signed", "status")]
    [InlineData("type=truce", "type")]
    [InlineData("limit=500", "limit")]
    [InlineData("party=ukraine", "party")]
    public async Task ABadListParameterIsRejectedNamingIt(string query, string parameter)
    {
        using var response = await _client.GetAsync($"{Url}?{query}");

        await response.ReadValidationProblemAsync(parameter);
    }

    [Fact]
    public async Task AnUnknownStatusFilterListsTheAllowedStatuses()
    {
        using var response = await _client.GetAsync($"{Url}?status=signed");

        var errors = await response.ReadValidationProblemAsync("status");
        Assert.Contains("in-implementation", errors["status"][0]);
        Assert.Contains("collapsed", errors["status"][0]);
    }

    private async Task<string> CreateAsync(string status, string type = "prisoner-exchange", string? extraParty = null)
    {
        var body = Agreement(Unique("Test deal"), Round, status);
        body["type"] = type;
        if (extraParty is not null)
        {
            body["obligations"]!.AsArray().Add(Obligation(extraParty, null, null));
        }

        var created = await _client.CreateAsync(Url, body);
        return $"{Url}/{created.Text("id")}";
    }

    internal static JsonObject Event(string occurredOn, int? quantity = null, string? statusAfter = null, string? id = null)
    {
        var body = new JsonObject
        {
            ["occurredOn"] = occurredOn,
            ["description"] = quantity is null ? "A step of the exchange." : $"{quantity} prisoners of war exchanged.",
            ["quantity"] = quantity,
            ["unit"] = quantity is null ? null : "prisoners-of-war",
            ["statusAfter"] = statusAfter,
            ["sourceIds"] = new JsonArray(ArticleSource),
        };
        if (id is not null)
        {
            body["id"] = id;
        }

        return body;
    }
}
