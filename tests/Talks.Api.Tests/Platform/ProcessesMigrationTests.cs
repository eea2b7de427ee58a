using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Talks.Api.Hosting.Database;
using Talks.Api.Tests.Infrastructure;
using Talks.Data;

namespace Talks.Api.Tests.Platform;

/// <summary>
/// A database made before rounds had end dates and parties other names migrates forward with nothing lost: its
/// parties and people keep every field and have no other names or members, its rounds end on no given day, and an
/// agreement whose status events moved keeps that history, so a read as of a day before the event shows the status
/// it had then.
/// </summary>
public sealed class ProcessesMigrationTests
{
    private const string ProcessesMigration = "ProcessesBeyondOneRound";

    [Fact]
    public async Task AnOldRecordReadsAsBeforeAndItsAgreementShowsTheStatusItHadBeforeItsEvent()
    {
        using var database = new TestDatabase();
        await using (var before = Context(database))
        {
            var migrations = before.Database.GetMigrations().ToList();
            var previous = migrations[migrations.FindIndex(m => m.EndsWith("_" + ProcessesMigration, StringComparison.Ordinal)) - 1];
            await before.GetService<IMigrator>().MigrateAsync(previous);
            // The source list as each provider stores it: a text array on PostgreSQL, JSON text on SQLite.
            object sources = TestDatabase.OnPostgres ? new[] { "article-istanbul-talks-2025" } : "[\"article-istanbul-talks-2025\"]";
            await before.Database.ExecuteSqlAsync($"""
                INSERT INTO "Parties" ("Id", "Name", "Kind", "CountryCode", "Notes", "SourceIds", "Version", "CreatedAt", "UpdatedAt")
                VALUES ('old-party', 'Old Party', 'NonStateActor', NULL, 'An old movement.', {sources}, 3, '2025-01-01 00:00:00', '2025-01-01 00:00:00');
                INSERT INTO "People" ("Id", "Name", "PartyId", "Notes", "SourceIds", "Version", "CreatedAt", "UpdatedAt")
                VALUES ('old-person', 'Old Person', 'old-party', NULL, {sources}, 1, '2025-01-01 00:00:00', '2025-01-01 00:00:00');
                INSERT INTO "Talks" ("Id", "Title", "Summary", "SourceIds", "Version", "CreatedAt", "UpdatedAt")
                VALUES ('old-talks', 'Old talks', NULL, {sources}, 1, '2025-01-01 00:00:00', '2025-01-01 00:00:00');
                INSERT INTO "Rounds" ("Id", "TalkId", "Sequence", "Date", "DatePrecision", "City", "Status", "SourceIds", "Version", "CreatedAt", "UpdatedAt")
                VALUES ('old-round', 'old-talks', 1, '2025-01-10', 'Day', 'Old Town', 'Held', {sources}, 1, '2025-01-01 00:00:00', '2025-01-01 00:00:00');
                INSERT INTO "RoundParticipants" ("RoundId", "PartyId", "Role", "Notes") VALUES ('old-round', 'old-party', 'Mediator', NULL);
                INSERT INTO "Agreements" ("Id", "RoundId", "Title", "Type", "Status", "Summary", "AgreedOn", "ImplementationDatePrecision",
                    "SourceIds", "Version", "CreatedAt", "UpdatedAt")
                VALUES ('old-deal', 'old-round', 'Old deal', 'PrisonerExchange', 'InImplementation', 'An old deal.', '2025-01-10', 'Day',
                    {sources}, 1, '2025-01-01 00:00:00', '2025-01-01 00:00:00');
                INSERT INTO "AgreementEvents" ("Id", "AgreementId", "OccurredOn", "Description", "Quantity", "Unit", "StatusAfter",
                    "SourceIds", "Version", "CreatedAt", "UpdatedAt")
                VALUES ('old-deal-2025-01-20', 'old-deal', '2025-01-20', 'A first handover.', 2, 'prisoners-of-war', 'InImplementation',
                    {sources}, 1, '2025-01-01 00:00:00', '2025-01-01 00:00:00');
                """);
        }

        using var api = database.Start();
        using var client = api.CreateClient();

        var party = await client.GetJsonAsync("/api/v1/parties/old-party");
        Assert.Equal(("Old Party", "non-state-actor", "An old movement.", 3L),
            (party.Text("name"), party.Text("kind"), party.Text("notes"), party.GetProperty("version").GetInt64()));
        Assert.False(party.GetProperty("conflictParty").GetBoolean());
        Assert.Equal(0, party.GetProperty("otherNames").GetArrayLength() + party.GetProperty("memberIds").GetArrayLength());
        var person = await client.GetJsonAsync("/api/v1/people/old-person");
        Assert.Equal(("Old Person", "old-party", 0), (person.Text("name"), person.Text("partyId"), person.GetProperty("otherNames").GetArrayLength()));
        var round = await client.GetJsonAsync("/api/v1/rounds/old-round");
        Assert.True(round.IsNull("endDate") && round.IsNull("endDatePrecision"));
        Assert.Equal(["old-round"], (await client.GetJsonAsync("/api/v1/rounds?partyId=old-party&role=mediator")).Ids());
        Assert.Equal("in-implementation", (await client.GetJsonAsync("/api/v1/agreements/old-deal")).Text("status"));

        var timeline = (await client.GetJsonAsync("/api/v1/talks/old-talks/timeline")).Items();
        Assert.Equal("agreed", timeline.Single(e => e.Text("type") == "agreement").Text("agreementStatus"));
        Assert.Equal("in-implementation", timeline.Single(e => e.Text("type") == "agreement-event").Text("agreementStatus"));

        using var renamed = await client.PatchCurrentAsync("/api/v1/people/old-person",
            """{ "otherNames": [{ "name": "Старий", "language": "uk", "kind": "native" }] }""");
        Assert.Equal("Старий", (await renamed.ReadJsonAsync(HttpStatusCode.OK)).GetProperty("otherNames")[0].Text("name"));
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
