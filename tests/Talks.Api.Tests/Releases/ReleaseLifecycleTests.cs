using System.Net;
using System.Net.Http.Json;
using Talks.Api.Tests.Infrastructure;
using Talks.Data.Entities;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Releases;

/// <summary>An admin cuts a release; anyone lists, reads and cites it; only an admin removes it.</summary>
public sealed class ReleaseLifecycleTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    [Fact]
    public async Task AReleaseAnswersWithItsVersionNotesChangeNumberCountsAndDigest()
    {
        using var admin = factory.CreateClient();
        var newest = (await admin.GetJsonAsync("/api/v1/changes?limit=200")).Items().Last().GetProperty("seq").GetInt64();
        var version = ReleasePackage.NextVersion();

        using var response = await admin.PostAsJsonAsync("/api/v1/releases", new { version, notes = "Seeded from the Istanbul article." });
        var release = await response.ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal($"/api/v1/releases/{version}", response.Headers.Location?.OriginalString);
        Assert.Equal(version, release.Text("version"));
        Assert.Equal("Seeded from the Istanbul article.", release.Text("notes"));
        Assert.True(release.GetProperty("changeNumber").GetInt64() >= newest);
        var package = await ReleasePackage.OpenAsync(admin, version);
        Assert.Equal(ReleasePackage.Sha256(package.Bytes), release.GetProperty("zip").Text("sha256"));
        Assert.Equal(package.Bytes.Length, release.GetProperty("zip").GetProperty("size").GetInt64());
        foreach (var (table, _) in package.Csv)
        {
            Assert.Equal(package.Rows(table).Count, release.GetProperty("counts").GetProperty(table).GetInt64());
        }

        Assert.True(release.GetProperty("counts").GetProperty("parties").GetInt64() >= 5, "The seed's parties are missing.");
    }

    [Fact]
    public async Task AReleaseIsListedNewestFirstAndShownByItsVersion()
    {
        using var admin = factory.CreateClient();
        var older = ReleasePackage.NextVersion();
        var newer = ReleasePackage.NextVersion();
        var created = await ReleasePackage.CreateAsync(admin, older);
        await ReleasePackage.CreateAsync(admin, newer);

        using var reader = factory.CreateAnonymousClient();
        var listed = (await reader.GetJsonAsync("/api/v1/releases")).Items().Select(r => r.Text("version")).ToList();
        var shown = await reader.GetJsonAsync($"/api/v1/releases/{older}");

        Assert.True(listed.IndexOf(newer) < listed.IndexOf(older), $"Listed: {string.Join(", ", listed)}");
        Assert.Equal(created.GetRawText(), shown.GetRawText());
    }

    [Fact]
    public async Task AnUnknownReleaseIsANotFoundProblemEverywhere()
    {
        using var admin = factory.CreateClient();

        using var show = await admin.GetAsync("/api/v1/releases/1999.9");
        using var download = await admin.GetAsync("/api/v1/releases/1999.9/download");
        using var delete = await admin.DeleteAsync("/api/v1/releases/1999.9");
        using var since = await admin.GetAsync("/api/v1/changes?sinceRelease=1999.9");

        foreach (var response in new[] { show, download, delete, since })
        {
            var problem = await response.ReadProblemAsync(HttpStatusCode.NotFound);
            Assert.Contains("1999.9", problem.Text("detail"));
        }
    }

    [Theory]
    [InlineData("2025.0")]
    [InlineData("2025.01")]
    [InlineData("25.1")]
    [InlineData("v2025.1")]
    [InlineData("2025-1")]
    [InlineData("2025.1.1")]
    [InlineData("")]
    public async Task AVersionThatIsNotYearDotNumberIsRefusedNamingTheField(string version)
    {
        using var admin = factory.CreateClient();

        using var response = await admin.PostAsJsonAsync("/api/v1/releases", new { version });

        var errors = await response.ReadValidationProblemAsync("version");
        Assert.Contains("YYYY.N", string.Join(" ", errors["version"]));
    }

    [Fact]
    public async Task AVersionAlreadyReleasedIsAConflictAndTheFirstReleaseStands()
    {
        using var admin = factory.CreateClient();
        var version = ReleasePackage.NextVersion();
        var first = await ReleasePackage.CreateAsync(admin, version, "first");
        await admin.CreateAsync("/api/v1/parties", Party(Unique("Later State")));

        using var again = await admin.PostAsJsonAsync("/api/v1/releases", new { version, notes = "second" });

        var problem = await again.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains(version, problem.Text("detail"));
        Assert.Equal(first.GetRawText(), (await admin.GetJsonAsync($"/api/v1/releases/{version}")).GetRawText());
    }

    [Fact]
    public async Task OnlyAnAdminKeyCutsOrDeletesARelease()
    {
        var version = ReleasePackage.NextVersion();
        using var anonymous = factory.CreateAnonymousClient();
        using var analyst = factory.CreateClient(ApiKeyRole.Analyst);
        using var admin = factory.CreateClient();

        using var anonymousCreate = await anonymous.PostAsJsonAsync("/api/v1/releases", new { version });
        using var analystCreate = await analyst.PostAsJsonAsync("/api/v1/releases", new { version });
        await ReleasePackage.CreateAsync(admin, version);
        using var anonymousDelete = await anonymous.DeleteAsync($"/api/v1/releases/{version}");
        using var analystDelete = await analyst.DeleteAsync($"/api/v1/releases/{version}");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymousCreate.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, analystCreate.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousDelete.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, analystDelete.StatusCode);
        using var stillThere = await anonymous.GetAsync($"/api/v1/releases/{version}/download");
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
    }

    [Fact]
    public async Task DeletingAReleaseRemovesItAndShowsOnTheChangeFeed()
    {
        using var admin = factory.CreateClient();
        var version = ReleasePackage.NextVersion();
        await ReleasePackage.CreateAsync(admin, version);
        var before = (await admin.GetJsonAsync("/api/v1/changes?collection=releases&limit=200")).Items().Count;

        using var unguarded = await admin.DeleteAsync($"/api/v1/releases/{version}");
        using var deleted = await admin.DeleteCurrentAsync($"/api/v1/releases/{version}");

        await unguarded.ReadProblemAsync(HttpStatusCode.PreconditionRequired);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await admin.GetAsync($"/api/v1/releases/{version}/download");
        await gone.ReadProblemAsync(HttpStatusCode.NotFound);
        var feed = (await admin.GetJsonAsync("/api/v1/changes?collection=releases&limit=200")).Items();
        Assert.Equal(before + 1, feed.Count);
        Assert.Equal(version, feed[^1].Text("recordId"));
        Assert.Equal("deleted", feed[^1].Text("kind"));
        Assert.Equal(0, await factory.InDatabaseAsync(db => Task.FromResult(db.ReleaseParts.Count(p => p.ReleaseId == version))));
    }

    [Fact]
    public async Task TheChangesSinceAReleaseAreThoseMadeAfterIt()
    {
        using var admin = factory.CreateClient();
        var version = ReleasePackage.NextVersion();
        var release = await ReleasePackage.CreateAsync(admin, version);
        var party = await admin.CreateAsync("/api/v1/parties", Party(Unique("After-release State")));

        var since = (await admin.GetJsonAsync($"/api/v1/changes?sinceRelease={version}&limit=200")).Items();

        Assert.All(since, c => Assert.True(c.GetProperty("seq").GetInt64() > release.GetProperty("changeNumber").GetInt64()));
        Assert.Contains(since, c => c.Text("collection") == "releases" && c.Text("recordId") == version && c.Text("kind") == "created");
        Assert.Contains(since, c => c.Text("collection") == "parties" && c.Text("recordId") == party.Text("id"));
    }

    [Theory]
    [InlineData("sinceRelease=latest", "sinceRelease")]
    [InlineData("sinceRelease=2025.1&cursor=WyIxIl0", "sinceRelease")]
    public async Task AMalformedSinceReleaseIsRefusedNamingIt(string query, string field)
    {
        using var reader = factory.CreateAnonymousClient();

        using var response = await reader.GetAsync($"/api/v1/changes?{query}");

        await response.ReadValidationProblemAsync(field);
    }
}
