using System.Net;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Statements;

public sealed class StatementTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private const string Url = "/api/v1/statements";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task AQuoteIsStoredWithItsSpeakerAndGetsAnIdFromThem()
    {
        var quote = $"We are ready for a ceasefire {Guid.NewGuid():N} today";
        var body = Statement(quote, "hakan-fidan", "turkey", "istanbul-2025-05-16");
        body["saidOn"] = "2025-05-16";
        body["context"] = "After the talks.";

        using var response = await _client.PostJsonAsync(Url, body);

        var created = await response.ReadJsonAsync(HttpStatusCode.Created);
        Assert.StartsWith("hakan-fidan-we-are-ready-for-a-ceasefire", created.Text("id"));
        Assert.Equal(quote, created.Text("quote"));
        Assert.Equal("2025-05-16", created.Text("saidOn"));
        var fidan = await _client.GetJsonAsync("/api/v1/statements?speakerPersonId=hakan-fidan&limit=200");
        Assert.Contains(created.Text("id"), fidan.Ids());
    }

    [Fact]
    public async Task ABodyMaySpeakWithoutAPerson()
    {
        var body = Statement(Unique("A ministry said"), null, "russia");
        body["speakerBody"] = "Ministry of Foreign Affairs";

        var created = await _client.CreateAsync(Url, body);

        Assert.True(created.IsNull("speakerPersonId"));
        Assert.Equal("Ministry of Foreign Affairs", created.Text("speakerBody"));
    }

    [Fact]
    public async Task AStatementWithNoSpeakerIsRejected()
    {
        var quote = Unique("Nobody said this");

        using var response = await _client.PostJsonAsync(Url, Statement(quote, null, null));

        await response.ReadValidationProblemAsync("speakerPartyId");
        Assert.False(await factory.InDatabaseAsync(db => db.Statements.AnyAsync(s => s.Quote == quote)));
    }

    [Fact]
    public async Task AStatementWithUnknownReferencesIsRejectedNamingEachOne()
    {
        var body = Statement(Unique("Who said it"), "nobody-at-all", "atlantis", "no-such-round");

        using var response = await _client.PostJsonAsync(Url, body);

        await response.ReadValidationProblemAsync("speakerPersonId", "speakerPartyId", "roundId");
    }

    [Theory]
    [InlineData("wording", "\"rumour\"")]
    [InlineData("saidOn", "\"2099-01-01\"")]
    [InlineData("saidOn", "\"yesterday\"")]
    [InlineData("quote", "\"\"")]
    public async Task ABadFieldIsRejectedNamingIt(string field, string json)
    {
        var body = Statement(Unique("Checked"), "hakan-fidan", "turkey");
        body[field] = System.Text.Json.Nodes.JsonNode.Parse(json);

        using var response = await _client.PostJsonAsync(Url, body);

        await response.ReadValidationProblemAsync(field);
    }

    /// <summary>
    /// A statement is dated by the day where it was said, while the rule reads today in UTC: a venue ahead of UTC
    /// (UTC+3 from 21:00 UTC) is already on tomorrow, so tomorrow is accepted and the day after it is not.
    /// </summary>
    [Theory]
    [InlineData(-1, HttpStatusCode.Created)]
    [InlineData(0, HttpStatusCode.Created)]
    [InlineData(1, HttpStatusCode.Created)]
    [InlineData(2, HttpStatusCode.BadRequest)]
    public async Task AStatementMayBeDatedUpToTheDayAVenueAheadOfUtcHasReached(int days, HttpStatusCode status)
    {
        for (var attempt = 1; ; attempt++)
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var quote = Unique("Said at the venue");
            var body = Statement(quote, "hakan-fidan", "turkey");
            body["saidOn"] = today.AddDays(days).ToString("yyyy-MM-dd");

            using var response = await _client.PostJsonAsync(Url, body);

            // The rule reads the clock: a post that straddles midnight in UTC is sent again.
            if (DateOnly.FromDateTime(DateTime.UtcNow) != today && attempt < 3)
            {
                continue;
            }

            if (status == HttpStatusCode.Created)
            {
                Assert.Equal(body["saidOn"]!.GetValue<string>(), (await response.ReadJsonAsync(status)).Text("saidOn"));
            }
            else
            {
                await response.ReadValidationProblemAsync("saidOn");
                Assert.False(await factory.InDatabaseAsync(db => db.Statements.AnyAsync(s => s.Quote == quote)));
            }

            return;
        }
    }

    [Fact]
    public async Task AParaphraseCanBeCorrectedToVerbatim()
    {
        var created = await _client.CreateAsync(Url, Statement(Unique("Close to the words"), "rustem-umerov", "ukraine"));

        using var response = await _client.PatchCurrentAsync($"{Url}/{created.Text("id")}", """{ "wording": "paraphrase" }""");

        var patched = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("paraphrase", patched.Text("wording"));
        Assert.Equal(2, patched.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task AStatementCanBeDeleted()
    {
        var created = await _client.CreateAsync(Url, Statement(Unique("Withdrawn remark"), "rustem-umerov", "ukraine"));
        var id = created.Text("id");

        using var response = await _client.DeleteCurrentAsync($"{Url}/{id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.False(await factory.InDatabaseAsync(db => db.Statements.AnyAsync(s => s.Id == id)));
    }

    [Fact]
    public async Task StatementsAreFilteredBySpeakingPartyAndRound()
    {
        var created = await _client.CreateAsync(Url, Statement(Unique("European remark"), null, "european-union", "istanbul-2022-03-29"));

        var eu = await _client.GetJsonAsync($"{Url}?speakerPartyId=european-union&roundId=istanbul-2022-03-29");

        Assert.Equal([created.Text("id")!], eu.Ids());
    }
}
