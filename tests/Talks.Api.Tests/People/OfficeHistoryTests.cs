using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.People;

/// <summary>A person's offices over time, and a round showing the office its delegate held on its date.</summary>
public sealed class OfficeHistoryTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private const string Url = "/api/v1/people";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task TheMay2025RoundShowsUmerovAsDefenceMinisterThoughHeHasSinceMovedToTheSecurityCouncil()
    {
        var umerov = await _client.GetJsonAsync($"{Url}/rustem-umerov");
        var round = await _client.GetJsonAsync("/api/v1/rounds/istanbul-2025-05-16");

        Assert.Equal("Secretary of the National Security and Defence Council of Ukraine", umerov.Text("office"));
        Assert.Equal("2025-07-17", umerov.Text("officeSince"));
        Assert.Equal(["Minister of Defence of Ukraine", "Secretary of the National Security and Defence Council of Ukraine"],
            umerov.GetProperty("offices").EnumerateArray().Select(o => o.Text("title")));
        Assert.Equal("Minister of Defence of Ukraine", Shown(round, "rustem-umerov").Text("office"));
    }

    [Fact]
    public async Task ChangingTheCurrentOfficeClosesTheOldOneSoEarlierRoundsKeepIt()
    {
        var person = await CreatePersonAsync("Minister of Defence", "2023-09-06");
        var (talk, before) = await RoundWithAsync(person, "2025-05-16");

        using var response = await _client.PatchCurrentAsync($"{Url}/{person}",
            """{ "office": "Secretary of the Security Council", "officeSince": "2025-07-17" }""");

        var patched = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Secretary of the Security Council", patched.Text("office"));
        var offices = patched.GetProperty("offices").EnumerateArray().ToList();
        Assert.Equal(2, offices.Count);
        Assert.Equal(("Minister of Defence", "2023-09-06", "2025-07-16"), (offices[0].Text("title"), offices[0].Text("from"), offices[0].Text("to")));
        Assert.Equal(("Secretary of the Security Council", "2025-07-17", null), (offices[1].Text("title"), offices[1].Text("from"), offices[1].Text("to")));

        var after = (await _client.CreateAsync($"/api/v1/talks/{talk}/rounds", Round(Unique("Istanbul"), "2025-07-23",
            delegates: new JsonArray(Delegate(person, "ukraine", "head"))))).Text("id");
        Assert.Equal("Minister of Defence", Shown(await _client.GetJsonAsync($"/api/v1/rounds/{before}"), person).Text("office"));
        Assert.Equal("Secretary of the Security Council", Shown(await _client.GetJsonAsync($"/api/v1/rounds/{after}"), person).Text("office"));
    }

    /// <summary>
    /// An office held from 2024-03-01 to 2024-06-30 and nothing after it: a round on its first or last day shows it, a
    /// round the day before or the day after shows none. The round's answer to its POST is read through the projection
    /// and its GET, on SQLite, by the round reader, so both ways of working out the office are walked.
    /// </summary>
    [Theory]
    [InlineData("2024-02-29", null)]
    [InlineData("2024-03-01", "Ambassador to Türkiye")]
    [InlineData("2024-06-30", "Ambassador to Türkiye")]
    [InlineData("2024-07-01", null)]
    public async Task ARoundShowsAnOfficeFromItsFirstDayToItsLastDayAndNoDayOutside(string date, string? office)
    {
        var body = Person(Unique("Envoy"), "ukraine");
        body["offices"] = JsonNode.Parse("""[ { "title": "Ambassador to Türkiye", "from": "2024-03-01", "to": "2024-06-30" } ]""");
        var person = (await _client.CreateAsync(Url, body)).Text("id")!;
        var talk = (await _client.CreateAsync("/api/v1/talks", Talk(Unique("Office boundary talks")))).Text("id");

        var created = await _client.CreateAsync($"/api/v1/talks/{talk}/rounds",
            Round(Unique("Ankara"), date, delegates: new JsonArray(Delegate(person, "ukraine", "head"))));
        var read = await _client.GetJsonAsync($"/api/v1/rounds/{created.Text("id")}");

        Assert.Equal(office, Shown(created, person).Text("office"));
        Assert.Equal(office, Shown(read, person).Text("office"));
    }

    [Fact]
    public async Task AnOfficeStatedOnTheDelegationRowIsWhatTheRoundShows()
    {
        var person = await CreatePersonAsync("Deputy Foreign Minister", "2020-01-01");
        var stated = Delegate(person, "ukraine", "head");
        stated["office"] = "Acting head of the presidential office";
        var talk = (await _client.CreateAsync("/api/v1/talks", Talk(Unique("Stated office talks")))).Text("id");

        var round = await _client.CreateAsync($"/api/v1/talks/{talk}/rounds", Round(Unique("Geneva"), "2025-03-01", delegates: new JsonArray(stated)));

        var shown = Shown(await _client.GetJsonAsync($"/api/v1/rounds/{round.Text("id")}"), person);
        Assert.Equal("Acting head of the presidential office", shown.Text("office"));
        Assert.Equal("Deputy Foreign Minister", (await _client.GetJsonAsync($"{Url}/{person}")).Text("office"));
    }

    [Fact]
    public async Task TheHistoryCanBeCorrectedWholeWithoutOpeningANewOffice()
    {
        var person = await CreatePersonAsync("Deputy Minster of Defence", null);

        using var response = await _client.PatchCurrentAsync($"{Url}/{person}", """
            { "offices": [
                { "title": "Member of Parliament", "from": "2019-08-29", "to": "2023-09-05" },
                { "title": "Deputy Minister of Defence", "from": "2023-09-06", "to": null } ] }
            """);

        var patched = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Deputy Minister of Defence", patched.Text("office"));
        Assert.Equal(["Member of Parliament", "Deputy Minister of Defence"], patched.GetProperty("offices").EnumerateArray().Select(o => o.Text("title")));
    }

    [Theory]
    [InlineData("""{ "office": "Ambassador", "officeSince": "2023-01-01" }""", "officeSince")]
    [InlineData("""{ "offices": [ { "title": "Ambassador", "from": null, "to": null },""" +
        """ { "title": "Minister", "from": "2024-01-01", "to": null } ] }""", "offices")]
    [InlineData("""{ "offices": [ { "title": "Ambassador", "from": "2024-01-01", "to": "2025-01-01" },""" +
        """ { "title": "Minister", "from": "2020-01-01", "to": null } ] }""", "offices")]
    [InlineData("""{ "offices": [ { "title": "Ambassador", "from": "2024-01-01", "to": "2023-01-01" } ] }""", "offices[0].to")]
    [InlineData("""{ "offices": [ { "title": "", "from": null, "to": null } ] }""", "offices[0].title")]
    [InlineData("""{ "offices": [ { "title": "Envoy", "partyId": "no-such-party", "from": null, "to": null } ] }""", "offices[0].partyId")]
    public async Task AnImpossibleHistoryIsA400NamingTheFieldAndChangesNothing(string patch, string field)
    {
        var person = await CreatePersonAsync("Minister of Defence", "2023-09-06");
        var before = await _client.GetJsonAsync($"{Url}/{person}");

        using var response = await _client.PatchCurrentAsync($"{Url}/{person}", patch);

        await response.ReadValidationProblemAsync(field);
        var after = await _client.GetJsonAsync($"{Url}/{person}");
        Assert.Equal(before.GetRawText(), after.GetRawText());
    }

    private async Task<string> CreatePersonAsync(string office, string? since)
    {
        var body = Person(Unique("Official"), "ukraine", office);
        body["officeSince"] = since;
        return (await _client.CreateAsync(Url, body)).Text("id")!;
    }

    private async Task<(string Talk, string Round)> RoundWithAsync(string person, string date)
    {
        var talk = (await _client.CreateAsync("/api/v1/talks", Talk(Unique("Office talks")))).Text("id")!;
        var round = await _client.CreateAsync($"/api/v1/talks/{talk}/rounds",
            Round(Unique("Istanbul"), date, delegates: new JsonArray(Delegate(person, "ukraine", "head"))));
        return (talk, round.Text("id")!);
    }

    private static JsonElement Shown(JsonElement round, string person) =>
        Assert.Single(round.GetProperty("delegates").EnumerateArray(), d => d.Text("personId") == person);
}
