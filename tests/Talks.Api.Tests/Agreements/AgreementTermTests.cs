using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Agreements;

/// <summary>
/// An agreement made for a term, like the Black Sea Grain Initiative's 120 days, runs out on agreedOn plus the term
/// and every renewal.
/// </summary>
public sealed class AgreementTermTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private const string Agreements = "/api/v1/agreements";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task ATermAndItsRenewalsGiveTheDateTheAgreementExpires()
    {
        var body = GrainDeal(Unique("Grain corridor"));
        body["renewals"] = new JsonArray(Renewal("2022-11-17", 120, "Renewed for another 120 days."), Renewal("2023-03-18", 60, null));

        var created = await _client.CreateAsync(Agreements, body);

        Assert.Equal(120, created.GetProperty("termDays").GetInt32());
        Assert.Equal(["2022-11-17", "2023-03-18"], created.GetProperty("renewals").EnumerateArray().Select(r => r.Text("renewedOn")));
        Assert.Equal("Renewed for another 120 days.", created.GetProperty("renewals")[0].Text("note"));
        Assert.Equal("2023-05-18", created.Text("expiresOn"));
        var url = $"{Agreements}/{created.Text("id")}";
        Assert.Equal(created.ToString(), (await _client.GetJsonAsync(url)).ToString());

        using var renewed = await _client.PatchCurrentAsync(url, """
            { "renewals": [
                { "renewedOn": "2022-11-17", "days": 120, "note": "Renewed for another 120 days." },
                { "renewedOn": "2023-03-18", "days": 60 },
                { "renewedOn": "2023-05-17", "days": 60 } ] }
            """);
        var patched = await renewed.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("2023-07-17", patched.Text("expiresOn"));
        var id = created.Text("id");
        Assert.Equal(3, await factory.InDatabaseAsync(db => db.AgreementRenewals.CountAsync(r => r.AgreementId == id)));

        using var undated = await _client.PatchCurrentAsync(url, """{ "agreedOn": null }""");
        Assert.True((await undated.ReadJsonAsync(HttpStatusCode.OK)).IsNull("expiresOn"));
    }

    [Fact]
    public async Task AnAgreementWithoutATermHasNoExpiryAndNoRenewals()
    {
        var created = await _client.CreateAsync(Agreements, Agreement(Unique("Open-ended deal"), "istanbul-2025-05-16"));

        Assert.True(created.IsNull("termDays"));
        Assert.True(created.IsNull("expiresOn"));
        Assert.Equal(0, created.GetProperty("renewals").GetArrayLength());
    }

    [Fact]
    public async Task ABadTermOrRenewalIsRejectedNamingTheField()
    {
        var title = Unique("Bad term");
        var body = GrainDeal(title);
        body["termDays"] = 0;
        body["renewals"] = new JsonArray(Renewal("2022-01-01", 60, null), Renewal("2022-11-17", 0, null));

        using var response = await _client.PostJsonAsync(Agreements, body);

        await response.ReadValidationProblemAsync("termDays", "renewals[0]", "renewals[1].days");
        Assert.False(await factory.InDatabaseAsync(db => db.Agreements.AnyAsync(a => a.Title == title)));

        var untimed = Agreement(Unique("Renewed without a term"), "istanbul-2025-05-16");
        untimed["renewals"] = new JsonArray(Renewal("2025-06-01", 30, null));
        using var refused = await _client.PostJsonAsync(Agreements, untimed);
        await refused.ReadValidationProblemAsync("renewals");
    }

    [Fact]
    public async Task AWholeRoundCarriesItsAgreementsTerm()
    {
        var talk = (await _client.CreateAsync("/api/v1/talks", Talk(Unique("Grain talks")))).Text("id")!;
        var agreement = GrainDeal(Unique("Grain corridor"));
        agreement.Remove("roundId");
        var round = Round(Unique("Istanbul"), "2022-07-22");
        round["agreements"] = new JsonArray(agreement);

        var created = await _client.CreateAsync($"/api/v1/talks/{talk}/rounds", round);

        var stored = Assert.Single(created.GetProperty("agreements").EnumerateArray());
        Assert.Equal((120, "2022-11-19"), (stored.GetProperty("termDays").GetInt32(), stored.Text("expiresOn")));
    }

    /// <summary>The shape of the Black Sea Grain Initiative: agreed on 22 July 2022 for 120 days.</summary>
    private static JsonObject GrainDeal(string title)
    {
        var body = Agreement(title, "istanbul-2025-05-16");
        body["type"] = "humanitarian";
        body["agreedOn"] = "2022-07-22";
        body["termDays"] = 120;
        return body;
    }

    private static JsonObject Renewal(string renewedOn, int days, string? note) => new()
    {
        ["renewedOn"] = renewedOn,
        ["days"] = days,
        ["note"] = note,
    };
}
