using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Platform;

/// <summary>
/// A database made before offices had a history migrates forward with nothing lost: each person's one office becomes
/// the office held now, and the search titles that follow a person's name still follow it.
/// </summary>
public sealed class OfficesMigrationTests
{
    private const string OfficesMigration = "OfficesOverTime";

    [Fact]
    public async Task APersonsSingleOfficeBecomesTheOfficeHeldNowAndTheirStatementsStayFindableByNewName()
    {
        using var database = new TestDatabase();
        await using (var before = database.OpenContext())
        {
            var migrations = before.Database.GetMigrations().ToList();
            var previous = migrations[migrations.FindIndex(m => m.EndsWith("_" + OfficesMigration, StringComparison.Ordinal)) - 1];
            await before.GetService<IMigrator>().MigrateAsync(previous);
            // The source list as each provider stores it: a text array on PostgreSQL, JSON text on SQLite.
            object sources = TestDatabase.OnPostgres ? new[] { "article-istanbul-talks-2025" } : "[\"article-istanbul-talks-2025\"]";
            await before.Database.ExecuteSqlAsync($"""
                INSERT INTO "Parties" ("Id", "Name", "Kind", "CountryCode", "Notes", "SourceIds", "Version", "CreatedAt", "UpdatedAt")
                VALUES ('old-party', 'Old Party', 'State', 'UA', NULL, {sources}, 1, '2025-01-01 00:00:00', '2025-01-01 00:00:00');
                INSERT INTO "People" ("Id", "Name", "Office", "PartyId", "Notes", "SourceIds", "Version", "CreatedAt", "UpdatedAt")
                VALUES ('old-official', 'Old Official', 'Minister of Old Affairs', 'old-party', NULL, {sources},
                    1, '2025-01-01 00:00:00', '2025-01-01 00:00:00');
                INSERT INTO "People" ("Id", "Name", "Office", "PartyId", "Notes", "SourceIds", "Version", "CreatedAt", "UpdatedAt")
                VALUES ('no-office', 'No Office', NULL, NULL, NULL, {sources}, 1, '2025-01-01 00:00:00', '2025-01-01 00:00:00');
                """);
        }

        using var api = database.Start();
        using var client = api.CreateClient();

        var official = await client.GetJsonAsync("/api/v1/people/old-official");
        Assert.Equal("Minister of Old Affairs", official.Text("office"));
        var office = Assert.Single(official.GetProperty("offices").EnumerateArray());
        Assert.Equal(("Minister of Old Affairs", null, null), (office.Text("title"), office.Text("from"), office.Text("to")));
        var none = await client.GetJsonAsync("/api/v1/people/no-office");
        Assert.Null(none.Text("office"));
        Assert.Empty(none.GetProperty("offices").EnumerateArray());

        var word = "zq" + Guid.NewGuid().ToString("N")[..10];
        await client.CreateAsync("/api/v1/statements", Statement($"An old {word} statement.", "old-official", "old-party"));
        using var renamed = await client.PatchCurrentAsync("/api/v1/people/old-official", """{ "name": "Renamed Official" }""");
        await renamed.ReadJsonAsync(System.Net.HttpStatusCode.OK);
        var hit = Assert.Single((await client.GetJsonAsync($"/api/v1/search?q={word}")).Items());
        Assert.StartsWith("Renamed Official", hit.Text("title"));
    }
}
