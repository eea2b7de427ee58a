using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Keys;
using Talks.Api.Tests.Infrastructure;
using Talks.Data.Entities;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Analysts;

/// <summary>Only key holders write; analysts create and update, admins also delete and manage keys.</summary>
public sealed class KeyAccessTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private const string Parties = "/api/v1/parties";

    [Fact]
    public async Task ReadingNeedsNoKeyByDefault()
    {
        using var response = await factory.CreateAnonymousClient().GetAsync($"{Parties}/ukraine");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task WritingWithoutAKeyAnswers401WithAChallengeAndWritesNothing()
    {
        var name = Unique("Keyless State");
        using var response = await factory.CreateAnonymousClient().PostJsonAsync(Parties, Party(name));

        await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        Assert.False(await factory.InDatabaseAsync(db => db.Parties.AnyAsync(p => p.Id == IdFrom(name))));
    }

    [Fact]
    public async Task AnUnknownKeyAnswers401()
    {
        var client = factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "talks_not-a-key-anyone-was-given");

        using var response = await client.PostJsonAsync(Parties, Party(Unique("Forged State")));

        await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task AnAnalystCreatesAndUpdatesButCannotDelete()
    {
        var analyst = factory.CreateClient(ApiKeyRole.Analyst);
        var created = await analyst.CreateAsync(Parties, Party(Unique("Analysed State")));
        var url = $"{Parties}/{created.Text("id")}";

        using var patched = await analyst.PatchCurrentAsync(url, """{ "notes": "Checked." }""");
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);

        using var deleted = await analyst.DeleteCurrentAsync(url);
        await deleted.ReadProblemAsync(HttpStatusCode.Forbidden);
        using var still = await analyst.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }

    [Fact]
    public async Task AnAnalystCannotManageKeys()
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
        await holder.CreateAsync(Parties, Party(Unique("Keyed State")));
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
        await holder.CreateAsync(Parties, Party(Unique("Before Revocation")));

        using var revoked = await admin.DeleteAsync($"/api/v1/keys/{name}");
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);

        using var refused = await holder.PostJsonAsync(Parties, Party(Unique("After Revocation")));
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

        Assert.Equal(2, await KeyCommands.RunAsync(factory.Services, ["keys", "create", "--name", "x", "--role", "owner"], new StringWriter(), new StringWriter()));
    }

    [Fact]
    public async Task WhenConfiguredReadingNeedsAKeyToo()
    {
        using var closed = factory.WithWebHostBuilder(b => b.UseSetting("Auth:RequireKeyForReads", "true"));

        // A factory derived from ours hands out admin-keyed clients too; this one must carry no key.
        var stranger = closed.CreateClient();
        stranger.DefaultRequestHeaders.Authorization = null;
        using var anonymous = await stranger.GetAsync($"{Parties}/ukraine");
        await anonymous.ReadProblemAsync(HttpStatusCode.Unauthorized);

        var reader = closed.CreateClient();
        reader.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", factory.KeyFor(ApiKeyRole.Analyst));
        using var keyed = await reader.GetAsync($"{Parties}/ukraine");
        Assert.Equal(HttpStatusCode.OK, keyed.StatusCode);
    }
}
