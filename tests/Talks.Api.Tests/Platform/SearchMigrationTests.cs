using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Talks.Api.Hosting.Database;
using Talks.Api.Tests.Infrastructure;
using Talks.Data;

namespace Talks.Api.Tests.Platform;

/// <summary>
/// A database made before search covered people, parties and topics finds the ones it already held once it has
/// migrated: people and parties by name, by other name, and by a Cyrillic name typed in Latin letters; topics by label,
/// alias and description.
/// </summary>
public sealed class SearchMigrationTests
{
    private const string SearchNamesMigration = "SearchPeopleAndParties";

    [Fact]
    public async Task PeoplePartiesAndTopicsRecordedBeforeTheMigrationsAreFoundAfterThem()
    {
        using var database = new TestDatabase();
        await using (var before = Context(database))
        {
            var migrations = before.Database.GetMigrations().ToList();
            var previous = migrations[migrations.FindIndex(m => m.EndsWith("_" + SearchNamesMigration, StringComparison.Ordinal)) - 1];
            await before.GetService<IMigrator>().MigrateAsync(previous);
            object sources = TestDatabase.OnPostgres ? new[] { "article-istanbul-talks-2025" } : "[\"article-istanbul-talks-2025\"]";
            object aliases = TestDatabase.OnPostgres ? new[] { "zqoldalias" } : "[\"zqoldalias\"]";
            await before.Database.ExecuteSqlAsync($"""
                INSERT INTO "Parties" ("Id", "Name", "Kind", "CountryCode", "Notes", "ConflictParty", "SourceIds", "Version", "CreatedAt", "UpdatedAt")
                VALUES ('old-front', 'Zqoldfront Movement', 'ArmedGroup', NULL, NULL, FALSE, {sources}, 1, '2025-01-01 00:00:00', '2025-01-01 00:00:00');
                INSERT INTO "PartyNames" ("PartyId", "Ordinal", "Name", "Language", "Kind") VALUES ('old-front', 1, 'ZQOF', NULL, 'Short');
                INSERT INTO "People" ("Id", "Name", "PartyId", "Notes", "SourceIds", "Version", "CreatedAt", "UpdatedAt")
                VALUES ('old-envoy', 'Ivan Zqoldenvoy', 'old-front', NULL, {sources}, 1, '2025-01-01 00:00:00', '2025-01-01 00:00:00');
                INSERT INTO "PersonNames" ("PersonId", "Ordinal", "Name", "Language", "Kind") VALUES ('old-envoy', 1, 'Иван Зъкоткрытий', 'ru', 'Native');
                INSERT INTO "Topics" ("Id", "Label", "Description", "ParentId", "PaxCode", "Aliases", "RetiredAt", "ReplacedById",
                    "Version", "CreatedAt", "UpdatedAt")
                VALUES ('old-topic', 'Zqoldtopic', 'About zqolddescribed.', NULL, NULL, {aliases}, NULL, NULL, 1, '2025-01-01 00:00:00', '2025-01-01 00:00:00');
                """);
        }

        using var api = database.Start();
        using var client = api.CreateClient();

        Assert.Equal(["old-envoy"], (await client.GetJsonAsync("/api/v1/search?q=Zqoldenvoy")).Ids());
        Assert.Equal(["old-envoy"], (await client.GetJsonAsync("/api/v1/search?q=%D0%97%D1%8A%D0%BA%D0%BE%D1%82%D0%BA%D1%80%D1%8B%D1%82%D0%B8%D0%B9")).Ids());
        Assert.Equal(["old-envoy"], (await client.GetJsonAsync("/api/v1/search?q=zkotkrytiy")).Ids());
        Assert.Equal(["old-envoy"], (await client.GetJsonAsync("/api/v1/search?q=Zkotkrytij")).Ids());
        Assert.Equal(["old-front"], (await client.GetJsonAsync("/api/v1/search?q=zqof&type=party")).Ids());
        Assert.Equal(["old-front"], (await client.GetJsonAsync("/api/v1/search?q=zqoldfront")).Ids());
        foreach (var typed in new[] { "zqoldtopic", "zqoldalias", "zqolddescribed" })
        {
            Assert.Equal(["old-topic"], (await client.GetJsonAsync($"/api/v1/search?q={typed}&type=topic")).Ids());
        }
    }

    private static TalksDbContext Context(TestDatabase database)
    {
        var options = new DbContextOptionsBuilder<TalksDbContext>();
        if (TestDatabase.OnPostgres)
        {
            options.UseNpgsql(database.ConnectionString, npgsql => npgsql.MigrationsAssembly(DatabaseSetup.PostgresMigrationsAssembly));
        }
        else
        {
            options.UseSqlite(database.ConnectionString, sqlite => sqlite.MigrationsAssembly(DatabaseSetup.SqliteMigrationsAssembly));
        }

        return new TalksDbContext(options.Options);
    }
}
