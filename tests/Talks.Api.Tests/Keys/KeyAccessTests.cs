using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Keys;
using Talks.Api.Tests.Infrastructure;
using Talks.Data.Entities;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Keys;

/// <summary>
/// Reading is open unless configured otherwise; creating and updating need an analyst key; deleting and managing keys
/// need an admin key. Keys are shown once, stored only as a hash, and stop working when revoked.
/// </summary>
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
        using var create = await analyst.PostJsonAsync("/api/v1/keys",
            new System.Text.Json.Nodes.JsonObject { ["name"] = IdFrom(Unique("sneaky")), ["role"] = "admin" });

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

    [Fact]
    public async Task ReadingNeedsNoKeyByDefault()
    {
        using var response = await factory.CreateAnonymousClient().GetAsync($"{Url}/ukraine");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task WritingWithoutAKeyAnswers401WithAChallengeAndWritesNothing()
    {
        var name = Unique("Keyless State");
        using var response = await factory.CreateAnonymousClient().PostJsonAsync(Url, Party(name));

        await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        Assert.False(await factory.InDatabaseAsync(db => db.Parties.AnyAsync(p => p.Id == IdFrom(name))));
    }

    [Fact]
    public async Task AnUnknownKeyAnswers401()
    {
        var client = factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "talks_not-a-key-anyone-was-given");

        using var response = await client.PostJsonAsync(Url, Party(Unique("Forged State")));

        await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task AnAnalystCreatesAndUpdatesButCannotDelete()
    {
        var analyst = factory.CreateClient(ApiKeyRole.Analyst);
        var created = await analyst.CreateAsync(Url, Party(Unique("Analysed State")));
        var url = $"{Url}/{created.Text("id")}";

        using var patched = await analyst.PatchCurrentAsync(url, """{ "notes": "Checked." }""");
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);

        using var deleted = await analyst.DeleteCurrentAsync(url);
        await deleted.ReadProblemAsync(HttpStatusCode.Forbidden);
        using var still = await analyst.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }

    [Fact]
    public async Task AnAnalystCannotListKeys()
    {
        using var response = await factory.CreateClient(ApiKeyRole.Analyst).GetAsync("/api/v1/keys");
        await response.ReadProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AnAdminCreatesAKeyThatWorksIsShownOnceAndIsStoredOnlyAsAHash()
    {
        var admin = factory.CreateClient(ApiKeyRole.Admin);
        var name = IdFrom(Unique("desk"));
        var created = await admin.CreateAsync("/api/v1/keys", new System.Text.Json.Nodes.JsonObject { ["name"] = name, ["role"] = "analyst" });
        var secret = created.Text("key")!;
        Assert.StartsWith("talks_", secret);
        Assert.True(secret.Length >= 43, "A key carries at least 256 random bits.");

        var listed = await admin.GetStringAsync("/api/v1/keys");
        Assert.Contains(name, listed);
        Assert.DoesNotContain(secret, listed);
        var stored = await factory.InDatabaseAsync(db => db.ApiKeys.AsNoTracking().SingleAsync(k => k.Name == name));
        Assert.Equal(KeyStore.HashOf(secret), stored.Hash);
        Assert.DoesNotContain(secret, stored.Hash + stored.Prefix);

        var holder = factory.CreateAnonymousClient();
        holder.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        await holder.CreateAsync(Url, Party(Unique("Keyed State")));
        var used = await factory.InDatabaseAsync(db => db.ApiKeys.AsNoTracking().SingleAsync(k => k.Name == name));
        Assert.NotNull(used.LastUsedAt);
    }

    [Fact]
    public async Task ARevokedKeyStopsWorkingAtOnce()
    {
        var admin = factory.CreateClient(ApiKeyRole.Admin);
        var name = IdFrom(Unique("leaver"));
        var created = await admin.CreateAsync("/api/v1/keys", new System.Text.Json.Nodes.JsonObject { ["name"] = name, ["role"] = "admin" });
        var holder = factory.CreateAnonymousClient();
        holder.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.Text("key"));
        await holder.CreateAsync(Url, Party(Unique("Before Revocation")));

        using var revoked = await admin.DeleteAsync($"/api/v1/keys/{name}");
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);

        using var refused = await holder.PostJsonAsync(Url, Party(Unique("After Revocation")));
        await refused.ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TheCommandLineCreatesListsAndRevokesKeys()
    {
        var name = IdFrom(Unique("first-admin"));
        var output = new StringWriter();
        var errors = new StringWriter();

        var created = await KeyCommands.RunAsync(factory.Services, ["keys", "create", "--name", name, "--role", "admin"], output, errors);
        Assert.Equal(0, created);
        var secret = output.ToString().Trim();
        Assert.StartsWith("talks_", secret);
        Assert.Contains("only time", errors.ToString());

        var holder = factory.CreateAnonymousClient();
        holder.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using var keys = await holder.GetAsync("/api/v1/keys");
        Assert.Equal(HttpStatusCode.OK, keys.StatusCode);

        var listing = new StringWriter();
        Assert.Equal(0, await KeyCommands.RunAsync(factory.Services, ["keys", "list"], listing, errors));
        Assert.Contains(name, listing.ToString());
        Assert.DoesNotContain(secret, listing.ToString());

        Assert.Equal(0, await KeyCommands.RunAsync(factory.Services, ["keys", "revoke", name], new StringWriter(), errors));
        using var after = await holder.GetAsync("/api/v1/keys");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);

        Assert.Equal(2, await KeyCommands.RunAsync(
            factory.Services, ["keys", "create", "--name", "x", "--role", "owner"], new StringWriter(), new StringWriter()));
    }

    [Fact]
    public async Task WhenConfiguredReadingNeedsAKeyToo()
    {
        using var closed = factory.WithWebHostBuilder(b => b.UseSetting("Auth:RequireKeyForReads", "true"));

        // A factory derived from ours hands out admin-keyed clients too; this one must carry no key.
        var stranger = closed.CreateClient();
        stranger.DefaultRequestHeaders.Authorization = null;
        using var anonymous = await stranger.GetAsync($"{Url}/ukraine");
        await anonymous.ReadProblemAsync(HttpStatusCode.Unauthorized);

        var reader = closed.CreateClient();
        reader.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", factory.KeyFor(ApiKeyRole.Analyst));
        using var keyed = await reader.GetAsync($"{Url}/ukraine");
        Assert.Equal(HttpStatusCode.OK, keyed.StatusCode);
    }
}
