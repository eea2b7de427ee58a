using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Talks.Api.Hosting.Database;
using Talks.Api.Tests.Infrastructure;
using Talks.Data;

namespace Talks.Api.Tests.Platform;

/// <summary>
/// A database made before obligations had deadlines (and agreements terms, and dates a precision) migrates forward
/// with nothing lost: its obligations have no deadline and no due date, its events complete nothing, its agreements
/// have no term, its dates are to the day, and deadlines can be given afterwards.
/// </summary>
public sealed class ObligationDeadlinesMigrationTests
{
    private const string DeadlinesMigration = "DeadlinesTermsAndDatePrecision";

    [Fact]
    public async Task AnOldAgreementKeepsItsObligationsAndEventsAndTakesDeadlinesAfterwards()
    {
        using var database = new TestDatabase();
        await using (var before = Context(database))
        {
            var migrations = before.Database.GetMigrations().ToList();
            var previous = migrations[migrations.FindIndex(m => m.EndsWith("_" + DeadlinesMigration, StringComparison.Ordinal)) - 1];
            await before.GetService<IMigrator>().MigrateAsync(previous);
            // The source list as each provider stores it: a text array on PostgreSQL, JSON text on SQLite.
            object sources = TestDatabase.OnPostgres ? new[] { "article-istanbul-talks-2025" } : "[\"article-istanbul-talks-2025\"]";
            await before.Database.ExecuteSqlAsync($"""
                INSERT INTO "Parties" ("Id", "Name", "Kind", "CountryCode", "Notes", "SourceIds", "Version", "CreatedAt", "UpdatedAt")
                VALUES ('old-party', 'Old Party', 'State', 'UA', NULL, {sources}, 1, '2025-01-01 00:00:00', '2025-01-01 00:00:00');
                INSERT INTO "Talks" ("Id", "Title", "Summary", "SourceIds", "Version", "CreatedAt", "UpdatedAt")
                VALUES ('old-talks', 'Old talks', NULL, {sources}, 1, '2025-01-01 00:00:00', '2025-01-01 00:00:00');
                INSERT INTO "Rounds" ("Id", "TalkId", "Sequence", "Date", "City", "Status", "SourceIds", "Version", "CreatedAt", "UpdatedAt")
                VALUES ('old-round', 'old-talks', 1, '2025-01-10', 'Old Town', 'Held', {sources}, 1, '2025-01-01 00:00:00', '2025-01-01 00:00:00');
                INSERT INTO "Agreements" ("Id", "RoundId", "Title", "Type", "Status", "Summary", "AgreedOn", "SourceIds", "Version", "CreatedAt", "UpdatedAt")
                VALUES ('old-deal', 'old-round', 'Old deal', 'PrisonerExchange', 'InImplementation', 'An old deal.', '2025-01-10', {sources},
                    1, '2025-01-01 00:00:00', '2025-01-01 00:00:00');
                INSERT INTO "Obligations" ("AgreementId", "Ordinal", "PartyId", "Description", "Quantity", "Unit", "BeneficiaryPartyId")
                VALUES ('old-deal', 1, 'old-party', 'Return 5 prisoners of war.', 5, 'prisoners-of-war', NULL);
                INSERT INTO "AgreementEvents" ("Id", "AgreementId", "OccurredOn", "Description", "Quantity", "Unit", "StatusAfter",
                    "SourceIds", "Version", "CreatedAt", "UpdatedAt")
                VALUES ('old-deal-2025-01-20', 'old-deal', '2025-01-20', 'A first handover.', 2, 'prisoners-of-war', 'InImplementation',
                    {sources}, 1, '2025-01-01 00:00:00', '2025-01-01 00:00:00');
                """);
        }

        using var api = database.Start();
        using var client = api.CreateClient();

        var agreement = await client.GetJsonAsync("/api/v1/agreements/old-deal");
        var obligation = Assert.Single(agreement.GetProperty("obligations").EnumerateArray());
        Assert.Equal((1, "old-party", 5),
            (obligation.GetProperty("number").GetInt32(), obligation.Text("partyId"), obligation.GetProperty("quantity").GetInt32()));
        Assert.True(obligation.IsNull("deadline") && obligation.IsNull("deadlineDays") && obligation.IsNull("condition") && obligation.IsNull("dueOn"));
        Assert.True(agreement.IsNull("termDays") && agreement.IsNull("expiresOn"));
        Assert.Equal("day", agreement.Text("implementationDatePrecision"));
        Assert.Equal("day", (await client.GetJsonAsync("/api/v1/rounds/old-round")).Text("datePrecision"));
        Assert.Equal(0, agreement.GetProperty("renewals").GetArrayLength());
        var stage = Assert.Single(agreement.GetProperty("events").EnumerateArray());
        Assert.Equal(("A first handover.", 0), (stage.Text("description"), stage.GetProperty("completes").GetArrayLength()));
        Assert.Empty((await client.GetJsonAsync("/api/v1/obligations?talkId=old-talks")).Items());

        using var timed = await client.PatchCurrentAsync("/api/v1/agreements/old-deal",
            """{ "obligations": [{ "partyId": "old-party", "description": "Return 5 prisoners of war.", "quantity": 5,""" +
            """ "unit": "prisoners-of-war", "deadlineDays": 30 }] }""");
        Assert.Equal("2025-02-09", (await timed.ReadJsonAsync(HttpStatusCode.OK)).GetProperty("obligations")[0].Text("dueOn"));
        var overdue = Assert.Single((await client.GetJsonAsync("/api/v1/obligations?overdue=true&asOf=2025-03-01&talkId=old-talks")).Items());
        Assert.Equal(("old-deal", 20), (overdue.Text("agreementId"), overdue.GetProperty("daysOverdue").GetInt32()));
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
