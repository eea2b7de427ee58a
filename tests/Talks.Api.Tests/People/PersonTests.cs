using System.Net;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.People;

public sealed class PersonTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private const string Url = "/api/v1/people";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task APersonIsCreatedWithAnIdFromTheirName()
    {
        var name = Unique("Andriy Yermak");

        using var response = await _client.PostJsonAsync(Url, Person(name, "ukraine", "Head of the Presidential Office"));

        var created = await response.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(IdFrom(name), created.Text("id"));
        Assert.Equal("Head of the Presidential Office", created.Text("office"));
        Assert.Contains(created.Text("id"), (await _client.GetJsonAsync($"{Url}?partyId=ukraine&limit=200")).Ids());
    }

    [Fact]
    public async Task APersonMayBelongToNoParty()
    {
        var created = await _client.CreateAsync(Url, Person(Unique("Independent Observer")));

        Assert.True(created.IsNull("partyId"));
    }

    [Fact]
    public async Task APersonOfAnUnknownPartyIsRejected()
    {
        var name = Unique("Lost Envoy");

        using var response = await _client.PostJsonAsync(Url, Person(name, "atlantis"));

        await response.ReadValidationProblemAsync("partyId");
        Assert.False(await factory.InDatabaseAsync(db => db.People.AnyAsync(p => p.Name == name)));
    }

    [Fact]
    public async Task APersonWhoSatInADelegationOrSpokeCannotBeDeleted()
    {
        var (_, etag) = await _client.GetWithETagAsync($"{Url}/rustem-umerov");

        using var response = await _client.DeleteAsync($"{Url}/rustem-umerov", etag);

        var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict);
        var references = problem.GetProperty("references");
        Assert.Contains("istanbul-2025-05-16", references.GetProperty("rounds").Strings());
        Assert.Contains("ukraine-proposes-leaders-meeting", references.GetProperty("positions").Strings());
        Assert.Contains("umerov-exchange-soon", references.GetProperty("statements").Strings());
    }

    [Fact]
    public async Task APersonNobodyRefersToCanBeDeleted()
    {
        var created = await _client.CreateAsync(Url, Person(Unique("Passing Name")));

        using var response = await _client.DeleteCurrentAsync($"{Url}/{created.Text("id")}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task APartyWithPeopleCannotBeDeletedUntilTheyAreGone()
    {
        var party = await _client.CreateAsync("/api/v1/parties", Party(Unique("Small Republic")));
        var person = await _client.CreateAsync(Url, Person(Unique("Small Envoy"), party.Text("id")));

        using (var refused = await _client.DeleteCurrentAsync($"/api/v1/parties/{party.Text("id")}"))
        {
            var problem = await refused.ReadProblemAsync(HttpStatusCode.Conflict);
            Assert.Contains(person.Text("id"), problem.GetProperty("references").GetProperty("people").Strings());
        }

        using (var personGone = await _client.DeleteCurrentAsync($"{Url}/{person.Text("id")}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, personGone.StatusCode);
        }

        using var partyGone = await _client.DeleteCurrentAsync($"/api/v1/parties/{party.Text("id")}");
        Assert.Equal(HttpStatusCode.NoContent, partyGone.StatusCode);
    }

    [Fact]
    public async Task AnOfficeCanBeCorrected()
    {
        var created = await _client.CreateAsync(Url, Person(Unique("Deputy Someone"), "ukraine", "Deputy Minister of Defence"));

        using var response = await _client.PatchCurrentAsync($"{Url}/{created.Text("id")}", """{ "office": "First Deputy Minister of Foreign Affairs" }""");

        var patched = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("First Deputy Minister of Foreign Affairs", patched.Text("office"));
        Assert.Equal("ukraine", patched.Text("partyId"));
    }
}
