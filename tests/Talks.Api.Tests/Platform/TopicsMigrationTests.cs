using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Talks.Api.Tests.Infrastructure;

namespace Talks.Api.Tests.Platform;

/// <summary>
/// A database made before the shared vocabulary migrates forward with nothing lost: a free-text topic the vocabulary
/// knows by another name moves onto that topic, one it knows by id stays, and any other word becomes a topic of its own.
/// </summary>
public sealed class TopicsMigrationTests
{
    private const string TopicsMigration = "TopicVocabulary";

    [Fact]
    public async Task FreeTextTopicsAreBroughtOntoTheVocabularyWithoutLosingAPosition()
    {
        using var database = new TestDatabase();
        await using (var before = database.OpenContext())
        {
            var migrations = before.Database.GetMigrations().ToList();
            var previous = migrations[migrations.FindIndex(m => m.EndsWith("_" + TopicsMigration, StringComparison.Ordinal)) - 1];
            await before.GetService<IMigrator>().MigrateAsync(previous);
            // The source list as each provider stores it: a text array on PostgreSQL, JSON text on SQLite.
            object sources = TestDatabase.OnPostgres ? new[] { "old-source" } : "[\"old-source\"]";
            await before.Database.ExecuteSqlAsync($"""
                INSERT INTO "Parties" ("Id", "Name", "Kind", "CountryCode", "Notes", "SourceIds", "Version", "CreatedAt", "UpdatedAt")
                VALUES ('old-party', 'Old Party', 'State', 'UA', NULL, {sources}, 1, '2025-01-01 00:00:00', '2025-01-01 00:00:00');
                INSERT INTO "Talks" ("Id", "Title", "Summary", "SourceIds", "Version", "CreatedAt", "UpdatedAt")
                VALUES ('old-talks', 'Old talks', NULL, {sources}, 1, '2025-01-01 00:00:00', '2025-01-01 00:00:00');
                INSERT INTO "Rounds" ("Id", "TalkId", "Sequence", "Status", "Date", "City", "SourceIds", "Version", "CreatedAt", "UpdatedAt")
                VALUES ('old-round', 'old-talks', 1, 'Held', '2025-01-02', 'Old City', {sources}, 1, '2025-01-01 00:00:00', '2025-01-01 00:00:00');
                INSERT INTO "Positions" ("Id", "RoundId", "PartyId", "Topic", "Kind", "Summary", "SourceIds", "Version", "CreatedAt", "UpdatedAt")
                VALUES ('old-on-pows', 'old-round', 'old-party', 'pows', 'Demand', 'Free all prisoners of war.', {sources},
                    1, '2025-01-01 00:00:00', '2025-01-01 00:00:00'),
                       ('old-on-ceasefire', 'old-round', 'old-party', 'ceasefire', 'Proposal', 'A month-long truce.', {sources},
                           1, '2025-01-01 00:00:00', '2025-01-01 00:00:00'),
                       ('old-on-own-word', 'old-round', 'old-party', 'river-crossings', 'Offer', 'Open two river crossings.', {sources},
                           1, '2025-01-01 00:00:00', '2025-01-01 00:00:00');
                """);
        }

        using var api = database.Start();
        using var client = api.CreateClient();

        var onAlias = await client.GetJsonAsync("/api/v1/positions/old-on-pows");
        Assert.Equal("prisoners", onAlias.Text("topic"));
        Assert.Equal(2, onAlias.GetProperty("version").GetInt64());
        Assert.Equal("ceasefire", (await client.GetJsonAsync("/api/v1/positions/old-on-ceasefire")).Text("topic"));
        Assert.Equal("river-crossings", (await client.GetJsonAsync("/api/v1/positions/old-on-own-word")).Text("topic"));
        var carried = await client.GetJsonAsync("/api/v1/topics/river-crossings");
        Assert.Equal(("River crossings", true), (carried.Text("label"), carried.IsNull("parentId")));
        Assert.Equal(["old-on-pows"], (await client.GetJsonAsync("/api/v1/positions?topic=prisoners&roundId=old-round")).Ids());
        var history = (await client.GetJsonAsync("/api/v1/positions/old-on-pows/history")).Items();
        Assert.Contains(history, c => c.GetProperty("changes").TryGetProperty("topic", out _));
        Assert.Equal(3, (await client.GetJsonAsync("/api/v1/positions?roundId=old-round")).Items().Count);
    }
}
