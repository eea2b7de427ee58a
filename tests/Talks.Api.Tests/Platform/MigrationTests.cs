using System.Net;
using Talks.Api.Tests.Infrastructure;

namespace Talks.Api.Tests.Platform;

/// <summary>
/// Deployments that migrate ahead (a bundle or <c>dotnet ef database update</c>) start the app with
/// <c>Database:MigrateOnStart=false</c>: it must then refuse an unmigrated database, saying why, rather than serve
/// from a schema it does not know.
/// </summary>
public sealed class MigrationTests
{
    private static readonly Dictionary<string, string> MigrateAhead = new() { ["Database:MigrateOnStart"] = "false" };

    [Fact]
    public async Task WithMigrationLeftToTheDeployAnUnmigratedDatabaseStopsTheStartAndSaysWhy()
    {
        using var database = new TestDatabase();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => ApiProcess.StartAsync(database, MigrateAhead));

        Assert.Contains("Database:MigrateOnStart is false", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithMigrationLeftToTheDeployAMigratedDatabaseStartsAndServes()
    {
        using var database = new TestDatabase();
        await using (await ApiProcess.StartAsync(database))
        {
        }

        await using var api = await ApiProcess.StartAsync(database, MigrateAhead);
        using var client = api.Client();
        using var response = await client.GetAsync("/api/v1/rounds/istanbul-2025-05-16");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AnUnknownProviderStopsTheStartNamingTheChoices()
    {
        using var database = new TestDatabase();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(
            () => ApiProcess.StartAsync(database, new Dictionary<string, string> { ["Database:Provider"] = "Oracle" }));

        Assert.Contains("Database:Provider is 'Oracle'; use Sqlite or Postgres.", refused.Message, StringComparison.Ordinal);
    }
}
