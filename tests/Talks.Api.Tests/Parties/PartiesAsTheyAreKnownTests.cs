using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Parties;

/// <summary>
/// Parties and people as processes know them: groups of states with their members, armed groups and movements,
/// which of them fight in the conflict, and the names they go by in other scripts and other times.
/// </summary>
public sealed class PartiesAsTheyAreKnownTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task AGroupOfStatesListsItsMembersAndEachMemberNamesItsGroups()
    {
        var france = await CreatePartyAsync(Party(Unique("France"), countryCode: "FR"));
        var germany = await CreatePartyAsync(Party(Unique("Germany"), countryCode: "DE"));
        var body = Party(Unique("E3"), kind: "state-group");
        body["memberIds"] = new JsonArray(france, germany);

        var group = await _client.CreateAsync("/api/v1/parties", body);

        var id = group.Text("id")!;
        Assert.Equal("state-group", group.Text("kind"));
        Assert.Equal([france, germany], group.GetProperty("memberIds").Strings());
        Assert.Equal([id], (await _client.GetJsonAsync($"/api/v1/parties/{france}")).GetProperty("memberOf").Strings());
        Assert.Equal([id], (await _client.GetJsonAsync($"/api/v1/parties?memberId={germany}")).Ids());

        using var deleting = await _client.DeleteCurrentAsync($"/api/v1/parties/{france}");
        var problem = await deleting.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains(id, problem.ToString());

        using var shrunk = await _client.PatchCurrentAsync($"/api/v1/parties/{id}", $$"""{ "memberIds": ["{{germany}}"] }""");
        Assert.Equal([germany], (await shrunk.ReadJsonAsync(HttpStatusCode.OK)).GetProperty("memberIds").Strings());
        Assert.Empty((await _client.GetJsonAsync($"/api/v1/parties/{france}")).GetProperty("memberOf").Strings());
    }

    [Fact]
    public async Task AGroupThatWouldContainItselfThreeLevelsDownIsRefusedAndNothingChanges()
    {
        var state = await CreatePartyAsync(Party(Unique("Member state"), countryCode: "FR"));
        var inner = await CreatePartyAsync(WithMembers(Party(Unique("Inner"), kind: "state-group"), state));
        var middle = await CreatePartyAsync(WithMembers(Party(Unique("Middle"), kind: "state-group"), inner));
        var outer = await CreatePartyAsync(WithMembers(Party(Unique("Outer"), kind: "international-organisation"), middle));

        using var looping = await _client.PatchCurrentAsync($"/api/v1/parties/{inner}", $$"""{ "memberIds": ["{{state}}", "{{outer}}"] }""");
        using var itself = await _client.PatchCurrentAsync($"/api/v1/parties/{outer}", $$"""{ "memberIds": ["{{outer}}"] }""");

        Assert.Contains(inner, (await looping.ReadValidationProblemAsync("memberIds"))["memberIds"][0]);
        await itself.ReadValidationProblemAsync("memberIds");
        Assert.Equal([state], (await _client.GetJsonAsync($"/api/v1/parties/{inner}")).GetProperty("memberIds").Strings());
        Assert.Equal([middle], (await _client.GetJsonAsync($"/api/v1/parties/{outer}")).GetProperty("memberIds").Strings());
    }

    [Theory]
    [InlineData("state", "memberIds")]
    [InlineData("armed-group", "memberIds")]
    public async Task OnlyAGroupOrAnOrganisationHasMembers(string kind, string field)
    {
        var state = await CreatePartyAsync(Party(Unique("Some state"), countryCode: "FR"));

        using var response = await _client.PostJsonAsync("/api/v1/parties", WithMembers(Party(Unique("Not a group"), kind: kind), state));

        await response.ReadValidationProblemAsync(field);
    }

    [Fact]
    public async Task AnArmedGroupIsAPartyToTheConflictWithItsNamesInItsOwnLanguage()
    {
        var body = Party(Unique("FARC-EP"), kind: "armed-group");
        body["conflictParty"] = true;
        body["otherNames"] = new JsonArray(
            Name("Fuerzas Armadas Revolucionarias de Colombia – Ejército del Pueblo", "es", "official"),
            Name("Revolutionary Armed Forces of Colombia – People's Army", "en", "official"));
        var norway = Party(Unique("Norway"), countryCode: "NO");

        var farc = await _client.CreateAsync("/api/v1/parties", body);
        var guarantor = await _client.CreateAsync("/api/v1/parties", norway);

        Assert.True(farc.GetProperty("conflictParty").GetBoolean());
        Assert.False(guarantor.GetProperty("conflictParty").GetBoolean());
        var names = farc.GetProperty("otherNames").EnumerateArray().Select(n => (n.Text("name"), n.Text("language"), n.Text("kind"))).ToList();
        Assert.Equal(("Fuerzas Armadas Revolucionarias de Colombia – Ejército del Pueblo", "es", "official"), names[0]);
        Assert.Equal(2, names.Count);
        var conflict = (await _client.GetJsonAsync("/api/v1/parties?conflictParty=true&limit=100")).Ids();
        Assert.Contains(farc.Text("id"), conflict);
        Assert.DoesNotContain(guarantor.Text("id"), conflict);
        Assert.Contains("ukraine", conflict);
    }

    [Fact]
    public async Task APersonIsFoundByANameInAnotherScriptOrTransliteration()
    {
        var body = Person(Unique("Rodrigo Londoño"), null);
        body["otherNames"] = new JsonArray(Name("Timochenko", null, "alias"), Name("Timoleón Jiménez", "es", "alias"));
        var person = await _client.CreateAsync("/api/v1/people", body);

        Assert.Equal(["Timochenko", "Timoleón Jiménez"],
            person.GetProperty("otherNames").EnumerateArray().Select(n => n.Text("name")));
        Assert.Contains(person.Text("id"), (await _client.GetJsonAsync("/api/v1/people?q=timochenko")).Ids());
        Assert.Contains("vladimir-medinsky", (await _client.GetJsonAsync("/api/v1/people?q=medinskiy")).Ids());
    }

    [Fact]
    public async Task OtherNamesAreKeptWhenAnEditLeavesThemOutAndReplacedWhenItGivesThem()
    {
        var body = Person(Unique("Named person"), null);
        body["otherNames"] = new JsonArray(Name("Первое", "ru", "native"), Name("Pervoye", "ru-Latn", "transliteration"));
        var url = $"/api/v1/people/{(await _client.CreateAsync("/api/v1/people", body)).Text("id")}";

        var withoutNames = (JsonObject)body.DeepClone();
        withoutNames.Remove("otherNames");
        withoutNames["notes"] = "Renamed nothing.";
        using var untouched = await _client.PutCurrentAsync(url, withoutNames);
        Assert.Equal(2, (await untouched.ReadJsonAsync(HttpStatusCode.OK)).GetProperty("otherNames").GetArrayLength());
        using var replaced = await _client.PatchCurrentAsync(url,
            """{ "otherNames": [{ "name": "Pervoe", "language": "ru-Latn", "kind": "transliteration" }] }""");
        Assert.Equal(["Pervoe"], (await replaced.ReadJsonAsync(HttpStatusCode.OK)).GetProperty("otherNames").EnumerateArray().Select(n => n.Text("name")));

        var id = url.Split('/')[^1];
        Assert.Equal(["Pervoe"], await factory.InDatabaseAsync(db => db.PersonNames.Where(n => n.PersonId == id).Select(n => n.Name).ToListAsync()));
    }

    [Theory]
    [InlineData("""{ "name": "Умєров", "language": "ukrainian", "kind": "native" }""", "otherNames[0].language")]
    [InlineData("""{ "name": "", "language": "uk", "kind": "native" }""", "otherNames[0].name")]
    [InlineData("""{ "name": "Умєров", "language": "uk", "kind": "nickname" }""", "otherNames[0].kind")]
    public async Task ABadOtherNameIsRefusedNamingItsField(string name, string field)
    {
        var body = Person(Unique("Badly named"), null);
        body["otherNames"] = new JsonArray(JsonNode.Parse(name));

        using var response = await _client.PostJsonAsync("/api/v1/people", body);

        await response.ReadValidationProblemAsync(field);
    }

    private async Task<string> CreatePartyAsync(JsonObject body) => (await _client.CreateAsync("/api/v1/parties", body)).Text("id")!;

    private static JsonObject WithMembers(JsonObject party, params string[] members)
    {
        party["memberIds"] = new JsonArray([.. members.Select(m => JsonValue.Create(m))]);
        return party;
    }

    private static JsonObject Name(string name, string? language, string kind) => new()
    {
        ["name"] = name,
        ["language"] = language,
        ["kind"] = kind,
    };
}
