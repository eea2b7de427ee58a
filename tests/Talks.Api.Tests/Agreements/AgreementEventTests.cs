using System.Net;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Tests.Infrastructure;
using Talks.Data.Entities;
using static Talks.Api.Tests.Agreements.AgreementTests;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Agreements;

/// <summary>Analysts record how an agreement is carried out — an exchange in stages — and that moves its status on.</summary>
public sealed class AgreementEventTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient(ApiKeyRole.Analyst);

    [Fact]
    public async Task AnExchangeCarriedOutInStagesMovesTheAgreementToImplemented()
    {
        var (url, id) = await CreateAgreementAsync();

        using var first = await _client.PostJsonAsync($"{url}/events", Event("2025-05-23", 390, "in-implementation"));
        var stage = await first.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal($"{url}/events/{stage.Text("id")}", first.Headers.Location?.OriginalString);
        Assert.Equal(id, stage.Text("agreementId"));
        Assert.Equal(390, stage.GetProperty("quantity").GetInt32());
        Assert.Equal("in-implementation", (await _client.GetJsonAsync(url)).Text("status"));

        await _client.CreateAsync($"{url}/events", Event("2025-05-24", 307));
        await _client.CreateAsync($"{url}/events", Event("2025-05-25", 303, "implemented"));

        var agreement = await _client.GetJsonAsync(url);
        Assert.Equal("implemented", agreement.Text("status"));
        Assert.Equal(3, agreement.GetProperty("version").GetInt64());
        Assert.Equal(["2025-05-23", "2025-05-24", "2025-05-25"], agreement.GetProperty("events").EnumerateArray().Select(e => e.Text("occurredOn")));
        Assert.Equal(1000, agreement.GetProperty("events").EnumerateArray().Sum(e => e.GetProperty("quantity").GetInt32()));
    }

    [Fact]
    public async Task AnEventGetsAnIdFromItsAgreementAndDateNumberedWhenTheDayHasOne()
    {
        var (url, id) = await CreateAgreementAsync();

        var first = await _client.CreateAsync($"{url}/events", Event("2025-06-01", 10));
        var second = await _client.CreateAsync($"{url}/events", Event("2025-06-01", 10));

        Assert.Equal($"{id}-2025-06-01", first.Text("id"));
        Assert.Equal($"{id}-2025-06-01-2", second.Text("id"));
        var (read, etag) = await _client.GetWithETagAsync($"{url}/events/{second.Text("id")}");
        Assert.Equal(second.ToString(), read.ToString());
        Http.AssertETagOfVersion(1, etag);
    }

    [Fact]
    public async Task AnEventTheLifecycleForbidsIsRefusedAndNothingIsRecorded()
    {
        var (url, id) = await CreateAgreementAsync();
        await _client.CreateAsync($"{url}/events", Event("2025-06-01", 1000, "implemented"));

        using var response = await _client.PostJsonAsync($"{url}/events", Event("2025-06-02", statusAfter: "agreed"));

        var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("implemented", problem.Text("detail"));
        Assert.Equal("implemented", (await _client.GetJsonAsync(url)).Text("status"));
        Assert.Equal(1, await factory.InDatabaseAsync(db => db.AgreementEvents.CountAsync(e => e.AgreementId == id)));
    }

    [Fact]
    public async Task AnEventThatKeepsTheStatusLeavesTheAgreementAlone()
    {
        var (url, _) = await CreateAgreementAsync();

        await _client.CreateAsync($"{url}/events", Event("2025-06-01", 5, "agreed"));

        var agreement = await _client.GetJsonAsync(url);
        Assert.Equal("agreed", agreement.Text("status"));
        Assert.Equal(1, agreement.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task AnEventForAnAgreementThatDoesNotExistAnswers404()
    {
        using var response = await _client.PostJsonAsync("/api/v1/agreements/no-such-agreement/events", Event("2025-06-01", 5));

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnEventWithBadFieldsIsRejectedNamingEachOne()
    {
        var (url, id) = await CreateAgreementAsync();
        var body = Event(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10).ToString("yyyy-MM-dd"), 5);
        body["unit"] = null;
        body["description"] = "";
        body["sourceIds"] = new System.Text.Json.Nodes.JsonArray("rumour");

        using var response = await _client.PostJsonAsync($"{url}/events", body);

        await response.ReadValidationProblemAsync("occurredOn", "unit", "description", "sourceIds");
        Assert.False(await factory.InDatabaseAsync(db => db.AgreementEvents.AnyAsync(e => e.AgreementId == id)));
    }

    [Fact]
    public async Task AnUnknownStatusAfterIsRejectedNamingIt()
    {
        var (url, _) = await CreateAgreementAsync();

        using var response = await _client.PostJsonAsync($"{url}/events", Event("2025-06-01", statusAfter: "done"));

        await response.ReadValidationProblemAsync("statusAfter");
    }

    [Fact]
    public async Task AnEventIdThatIsTakenAnswersConflict()
    {
        var (url, id) = await CreateAgreementAsync();
        var eventId = IdFrom(Unique("handover"));
        await _client.CreateAsync($"{url}/events", Event("2025-06-01", 5, id: eventId));

        using var response = await _client.PostJsonAsync($"{url}/events", Event("2025-06-02", 5, id: eventId));

        await response.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(1, await factory.InDatabaseAsync(db => db.AgreementEvents.CountAsync(e => e.AgreementId == id)));
    }

    [Fact]
    public async Task EventsAreListedInDateOrderAndPageWithoutRepeats()
    {
        var (url, _) = await CreateAgreementAsync();
        foreach (var date in new[] { "2025-06-03", "2025-06-01", "2025-06-02", "2025-06-01" })
        {
            await _client.CreateAsync($"{url}/events", Event(date, 1));
        }

        var dates = new List<string>();
        string? next = $"{url}/events?limit=1";
        while (next is not null)
        {
            using var response = await _client.GetAsync(next);
            var page = await response.ReadJsonAsync(HttpStatusCode.OK);
            dates.AddRange(page.Items().Select(e => e.Text("occurredOn")!));
            next = response.Link("next");
            Assert.True(dates.Count <= 4, "Paging went past the end.");
        }

        Assert.Equal(["2025-06-01", "2025-06-01", "2025-06-02", "2025-06-03"], dates);
    }

    [Fact]
    public async Task AnEventIsOnlyFoundUnderItsOwnAgreement()
    {
        var (url, _) = await CreateAgreementAsync();
        var created = await _client.CreateAsync($"{url}/events", Event("2025-06-01", 1));

        using var response = await _client.GetAsync($"/api/v1/agreements/istanbul-2025-prisoner-exchange/events/{created.Text("id")}");

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ListingTheEventsOfAnAgreementThatDoesNotExistAnswers404()
    {
        using var response = await _client.GetAsync("/api/v1/agreements/no-such-agreement/events");

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RecordingAnEventNeedsAKey()
    {
        var (url, id) = await CreateAgreementAsync();
        using var anonymous = factory.CreateAnonymousClient();

        using var response = await anonymous.PostJsonAsync($"{url}/events", Event("2025-06-01", 5));

        await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.False(await factory.InDatabaseAsync(db => db.AgreementEvents.AnyAsync(e => e.AgreementId == id)));
    }

    [Fact]
    public async Task RecordingAnEventOnTheSeededExchangeLeavesItsObligationsAsTheyWere()
    {
        const string url = "/api/v1/agreements/istanbul-2025-prisoner-exchange";

        await _client.CreateAsync($"{url}/events", Event("2025-05-23", 390, "in-implementation"));

        var agreement = await _client.GetJsonAsync(url);
        Assert.Equal("in-implementation", agreement.Text("status"));
        Assert.Equal(2, agreement.GetProperty("obligations").GetArrayLength());
        Assert.All(agreement.GetProperty("obligations").EnumerateArray(), o => Assert.Equal(1000, o.GetProperty("quantity").GetInt32()));
        Assert.Contains("onfidential", agreement.Text("implementationDateNote"));
    }

    private async Task<(string Url, string Id)> CreateAgreementAsync()
    {
        var created = await _client.CreateAsync("/api/v1/agreements", Agreement(Unique("Staged exchange"), "istanbul-2025-05-16"));
        var id = created.Text("id")!;
        return ($"/api/v1/agreements/{id}", id);
    }
}
