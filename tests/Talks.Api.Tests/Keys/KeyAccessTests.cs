using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Tests.Infrastructure;
using Talks.Data.Entities;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Keys;

/// <summary>Reading is open; creating and updating need an analyst key; deleting and managing keys need an admin key.</summary>
public sealed class KeyAccessTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private const string Url = "/api/v1/parties";

    [Fact]
    public async Task ReadingNeedsNoKey()
    {
        using var client = factory.CreateAnonymousClient();

        var party = await client.GetJsonAsync($"{Url}/ukraine");
        var round = await client.GetJsonAsync("/api/v1/rounds/istanbul-2025-05-16");

        Assert.Equal("ukraine", party.Text("id"));
        Assert.Equal("istanbul-2025-05-16", round.Text("id"));
    }

    [Fact]
    public async Task WritingWithoutAKeyAnswers401AndWritesNothing()
    {
        using var client = factory.CreateAnonymousClient();
        var name = Unique("Keyless");

        using var response = await client.PostJsonAsync(Url, Party(name));

        await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        Assert.False(await factory.InDatabaseAsync(db => db.Parties.AnyAsync(p => p.Name == name)));
    }

    [Theory]
    [InlineData("Bearer talks_not-a-real-key")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    public async Task AnUnknownOrMalformedKeyAnswers401(string authorization)
    {
        using var client = factory.CreateAnonymousClient();
        var name = Unique("Badkey");
        var request = new HttpRequestMessage(HttpMethod.Post, Url) { Content = Http.Json(Party(name)) };
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        using var response = await client.SendAsync(request);

        await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.False(await factory.InDatabaseAsync(db => db.Parties.AnyAsync(p => p.Name == name)));
    }

    [Fact]
    public async Task AnAnalystCreatesAndEditsButCannotDelete()
    {
        using var analyst = factory.CreateClient(ApiKeyRole.Analyst);
        var created = await analyst.CreateAsync(Url, Party(Unique("Analysed")));
        var url = $"{Url}/{created.Text("id")}";

        using (var edit = await analyst.PatchCurrentAsync(url, """{ "notes": "Edited by an analyst." }"""))
        {
            await edit.ReadJsonAsync(HttpStatusCode.OK);
        }

        using var delete = await analyst.DeleteCurrentAsync(url);

        await delete.ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("Edited by an analyst.", (await analyst.GetJsonAsync(url)).Text("notes"));
    }

    [Fact]
    public async Task AnAdminMayDelete()
    {
        using var admin = factory.CreateClient(ApiKeyRole.Admin);
        var created = await admin.CreateAsync(Url, Party(Unique("Deletable")));

        using var delete = await admin.DeleteCurrentAsync($"{Url}/{created.Text("id")}");

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
    }

    [Fact]
    public async Task AnAnalystCannotManageKeys()
    {
        using var analyst = factory.CreateClient(ApiKeyRole.Analyst);

        using var list = await analyst.GetAsync("/api/v1/keys");
        using var create = await analyst.PostJsonAsync("/api/v1/keys", new System.Text.Json.Nodes.JsonObject { ["name"] = IdFrom(Unique("sneaky")), ["role"] = "admin" });

        await list.ReadProblemAsync(HttpStatusCode.Forbidden);
        await create.ReadProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task KeysAreNotListedToReadersWithoutAKey()
    {
        using var client = factory.CreateAnonymousClient();

        using var response = await client.GetAsync("/api/v1/keys");

        await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AKeyAnAdminCreatesWorksAtOnceIsShownOnceAndStopsWorkingWhenRevoked()
    {
        using var admin = factory.CreateClient(ApiKeyRole.Admin);
        var name = IdFrom(Unique("desk"));

        var created = await admin.CreateAsync("/api/v1/keys", new System.Text.Json.Nodes.JsonObject { ["name"] = name, ["role"] = "analyst" });
        var secret = created.Text("key")!;
        Assert.Equal("analyst", created.Text("role"));

        var listed = await admin.GetJsonAsync("/api/v1/keys");
        var entry = Assert.Single(listed.EnumerateArray(), k => k.Text("name") == name);
        Assert.DoesNotContain(secret, listed.ToString());
        Assert.StartsWith(entry.Text("prefix")!.TrimEnd('…'), secret);
        Assert.True(entry.IsNull("revokedAt"));

        using var desk = factory.CreateAnonymousClient();
        desk.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        await desk.CreateAsync(Url, Party(Unique("Desk made")));

        using (var revoke = await admin.DeleteAsync($"/api/v1/keys/{name}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        }

        using var afterRevoke = await desk.PostJsonAsync(Url, Party(Unique("Too late")));
        await afterRevoke.ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AKeyNameCanOnlyBeUsedOnce()
    {
        using var admin = factory.CreateClient(ApiKeyRole.Admin);
        var body = new System.Text.Json.Nodes.JsonObject { ["name"] = IdFrom(Unique("twice")), ["role"] = "analyst" };
        await admin.CreateAsync("/api/v1/keys", body.DeepClone());

        using var again = await admin.PostJsonAsync("/api/v1/keys", body);

        await again.ReadProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("Not A Slug", "analyst", "name")]
    [InlineData("fine-name", "superuser", "role")]
    public async Task AKeyRequestWithABadNameOrRoleIsRejectedNamingIt(string name, string role, string field)
    {
        using var admin = factory.CreateClient(ApiKeyRole.Admin);

        using var response = await admin.PostJsonAsync("/api/v1/keys", new System.Text.Json.Nodes.JsonObject { ["name"] = name, ["role"] = role });

        await response.ReadValidationProblemAsync(field);
    }

    [Fact]
    public async Task RevokingAKeyThatDoesNotExistAnswers404()
    {
        using var admin = factory.CreateClient(ApiKeyRole.Admin);

        using var response = await admin.DeleteAsync($"/api/v1/keys/{IdFrom(Unique("ghost"))}");

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }
}
