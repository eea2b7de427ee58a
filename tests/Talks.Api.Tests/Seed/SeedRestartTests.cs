using System.Net;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Tests.Infrastructure;
using Talks.Data.Entities;
using Talks.Data.Seeding;

namespace Talks.Api.Tests.Seed;

/// <summary>The seed loads at every start; these pin down that doing so again never undoes or repeats anything.</summary>
public sealed class SeedRestartTests
{
    [Fact]
    public async Task ASecondStartOnTheSameDatabaseChangesNothing()
    {
        using var database = new TestDatabase();
        await using (var first = database.StartUntouched())
        {
            using var client = first.CreateAnonymousClient();
            using var ready = await client.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        var afterFirst = await DatabaseDump.ReadAsync(database);
        Assert.NotEmpty(afterFirst["Parties"]);
        Assert.NotEmpty(afterFirst["Agreements"]);
        Assert.NotEmpty(afterFirst["SeedMarks"]);

        await using (var second = database.StartUntouched())
        {
            using var client = second.CreateAnonymousClient();
            using var ready = await client.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        var afterSecond = await DatabaseDump.ReadAsync(database);
        Assert.Equal(afterFirst.Keys.Order(), afterSecond.Keys.Order());
        foreach (var (table, rows) in afterFirst)
        {
            Assert.True(rows.Count == afterSecond[table].Count,
                $"{table}: {rows.Count} rows after the first start, {afterSecond[table].Count} after the second.");
            Assert.Equal(rows, afterSecond[table]);
        }
    }

    [Fact]
    public async Task RunningTheSeederAgainInsertsNothing()
    {
        await using var factory = new TalksApiFactory();
        var seedFolder = Path.Combine(AppContext.BaseDirectory, "seed");

        var inserted = await factory.InDatabaseAsync(db => TalksSeeder.SeedAsync(db, seedFolder));

        Assert.Equal(0, inserted);
    }

    [Fact]
    public async Task ASeededRecordAnAnalystDeletedIsNotBroughtBackOnTheNextStart()
    {
        using var database = new TestDatabase();
        await using (var first = database.Start())
        {
            // Nothing in the seed points at a statement, so it is the one kind of seeded record that can go alone.
            await first.InDatabaseAsync(async db =>
            {
                var removed = await db.Statements.Where(s => s.Id == "trump-own-involvement").ExecuteDeleteAsync();
                Assert.Equal(1, removed);
            });
        }

        await using var second = database.Start();
        var back = await second.InDatabaseAsync(db => db.Statements.AnyAsync(s => s.Id == "trump-own-involvement"));
        Assert.False(back, "The seed brought back a statement an analyst had deleted.");
        Assert.True(await second.InDatabaseAsync(db => db.Statements.AnyAsync(s => s.Id == "fidan-two-paths")));
    }

    [Fact]
    public async Task ASeededPartyDeletedThroughTheApiStaysDeletedAfterARestart()
    {
        using var database = new TestDatabase();
        await using (var first = database.Start())
        {
            // The EU is seeded, but only a position points at it; once that is gone the party can be deleted.
            await first.InDatabaseAsync(db => db.Positions.Where(p => p.PartyId == "european-union").ExecuteDeleteAsync());
            using var client = first.CreateClient();
            using var deleted = await client.DeleteCurrentAsync("/api/v1/parties/european-union");
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        await using var second = database.Start();
        using var again = second.CreateClient();
        using var response = await again.GetAsync("/api/v1/parties/european-union");
        await response.ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.False(await second.InDatabaseAsync(db => db.Positions.AnyAsync(p => p.Id == "eu-prepares-18th-sanctions-package")));
    }

    [Fact]
    public async Task ASeededRecordAnAnalystEditedIsNotOverwrittenOnTheNextStart()
    {
        using var database = new TestDatabase();
        string editedUpdatedAt;
        await using (var first = database.Start())
        {
            using var client = first.CreateClient();
            using var edit = await client.PatchCurrentAsync("/api/v1/parties/turkey", """{ "notes": "Hosted the talks at Dolmabahçe Palace." }""");
            var edited = await edit.ReadJsonAsync(HttpStatusCode.OK);
            editedUpdatedAt = edited.GetProperty("updatedAt").GetString()!;
        }

        await using var second = database.Start();
        using var again = second.CreateClient();
        var (turkey, etag) = await again.GetWithETagAsync("/api/v1/parties/turkey");
        Assert.Equal("Hosted the talks at Dolmabahçe Palace.", turkey.GetProperty("notes").GetString());
        Assert.Equal(2, turkey.GetProperty("version").GetInt64());
        Http.AssertETagOfVersion(2, etag);
        Assert.Equal(editedUpdatedAt, turkey.GetProperty("updatedAt").GetString());
    }

    [Fact]
    public async Task ARecordAnAnalystCreatedWithASeedIdBeforeTheSeedRanIsKept()
    {
        using var database = new TestDatabase();
        await using (var first = database.Start())
        {
            // Simulate a database from before this seed record existed: the record and its mark are gone, and an
            // analyst has since created their own record with the same id.
            await first.InDatabaseAsync(async db =>
            {
                await db.Statements.Where(s => s.Id == "trump-own-involvement").ExecuteDeleteAsync();
                await db.SeedMarks.Where(m => m.Collection == "statements" && m.Id == "trump-own-involvement").ExecuteDeleteAsync();
                db.Statements.Add(new Statement
                {
                    Id = "trump-own-involvement",
                    SpeakerPartyId = "united-states",
                    Quote = "An analyst's own wording.",
                    SourceIds = [TestData.ArticleSource],
                });
                await db.SaveChangesAsync();
            });
        }

        await using var second = database.Start();
        var quote = await second.InDatabaseAsync(db =>
            db.Statements.Where(s => s.Id == "trump-own-involvement").Select(s => s.Quote).SingleAsync());
        Assert.Equal("An analyst's own wording.", quote);
    }
}
