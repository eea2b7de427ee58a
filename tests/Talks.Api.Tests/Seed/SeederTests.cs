using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Tests.Infrastructure;
using Talks.Data.Seeding;

namespace Talks.Api.Tests.Seed;

/// <summary>
/// The seeder on seed folders of the test's own making: what it counts, in what order it dates records, that a seed
/// goes in whole or not at all (inside its caller's transaction when there is one), and that a bad folder or file
/// fails the start saying which.
/// </summary>
public sealed class SeederTests(TalksApiFactory api) : IClassFixture<TalksApiFactory>, IDisposable
{
    private static readonly string ShippedSeed = Path.Combine(AppContext.BaseDirectory, "seed");

    private readonly string _folder = Directory.CreateTempSubdirectory("talks-seed-").FullName;

    [Fact]
    public async Task ASeedFolderInsertsWhatItHoldsCountsEveryRecordAndDatesThemInTheOrderGiven()
    {
        var sources = new[] { NewId("source"), NewId("source") };
        var topic = NewId("topic");
        var party = NewId("party");
        var person = NewId("person");
        var agreement = NewId("agreement");
        Write("sources", sources.Select(id => ShippedRecord("sources", id)).ToArray());
        Write("topics", ShippedRecord("topics", topic, node => node["aliases"] = new JsonArray()));
        Write("parties", ShippedRecord("parties", party));
        Write("people", ShippedRecord("people", person, node => node["partyId"] = party));
        Write("agreements", ShippedRecord("agreements", agreement));

        var inserted = await api.InDatabaseAsync(db => TalksSeeder.SeedAsync(db, _folder));
        var again = await api.InDatabaseAsync(db => TalksSeeder.SeedAsync(db, _folder));

        Assert.Equal(6, inserted);
        Assert.Equal(0, again);
        Assert.True(await api.InDatabaseAsync(db => db.Topics.AnyAsync(t => t.Id == topic)));
        Assert.True(await api.InDatabaseAsync(db => db.Parties.AnyAsync(p => p.Id == party)));
        Assert.True(await api.InDatabaseAsync(db => db.People.AnyAsync(p => p.Id == person)));
        Assert.True(await api.InDatabaseAsync(db => db.Agreements.AnyAsync(a => a.Id == agreement)));
        var created = await api.InDatabaseAsync(db => db.Sources.Where(s => sources.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.CreatedAt));
        Assert.Equal(TimeSpan.FromMicroseconds(1), created[sources[1]] - created[sources[0]]);
    }

    [Fact]
    public async Task ASeedThatFailsPartWayLeavesNothingOfItBehind()
    {
        var source = NewId("source");
        Write("sources", ShippedRecord("sources", source));
        Write("agreements", ShippedRecord("agreements", NewId("agreement"), node => node["misspelt"] = "a field no agreement has"));

        await Assert.ThrowsAsync<JsonException>(() => api.InDatabaseAsync(db => TalksSeeder.SeedAsync(db, _folder)));

        Assert.False(await api.InDatabaseAsync(db => db.Sources.AnyAsync(s => s.Id == source)));
        Assert.False(await api.InDatabaseAsync(db => db.SeedMarks.AnyAsync(m => m.Id == source)));
    }

    [Fact]
    public async Task ASeedRunInsideItsCallersTransactionGoesWithIt()
    {
        var source = NewId("source");
        Write("sources", ShippedRecord("sources", source));

        var inserted = await api.InDatabaseAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var count = await TalksSeeder.SeedAsync(db, _folder);
            Assert.True(await db.Sources.AnyAsync(s => s.Id == source));
            await transaction.RollbackAsync();
            return count;
        });

        Assert.Equal(1, inserted);
        Assert.False(await api.InDatabaseAsync(db => db.Sources.AnyAsync(s => s.Id == source)));
    }

    [Fact]
    public async Task SeedingLeavesTheCallersContextTrackingNothing()
    {
        Write("sources", ShippedRecord("sources", NewId("source")), ShippedRecord("sources", NewId("source")));

        var tracked = await api.InDatabaseAsync(async db =>
        {
            await TalksSeeder.SeedAsync(db, _folder);
            return db.ChangeTracker.Entries().Count();
        });

        Assert.Equal(0, tracked);
    }

    [Fact]
    public async Task AnEnumWrittenAsANumberFailsTheSeed()
    {
        Write("parties", ShippedRecord("parties", NewId("party"), node => node["kind"] = 0));

        var failure = await Assert.ThrowsAsync<JsonException>(() => api.InDatabaseAsync(db => TalksSeeder.SeedAsync(db, _folder)));

        Assert.Contains("kind", failure.Path ?? failure.Message);
    }

    [Fact]
    public async Task AMissingFolderFailsNamingIt()
    {
        var missing = Path.Combine(_folder, "not-there");

        var failure = await Assert.ThrowsAsync<DirectoryNotFoundException>(() => api.InDatabaseAsync(db => TalksSeeder.SeedAsync(db, missing)));

        Assert.Contains(missing, failure.Message);
    }

    [Fact]
    public async Task AnEmptySeedFileFailsNamingIt()
    {
        File.WriteAllText(Path.Combine(_folder, "sources.json"), "null");

        var failure = await Assert.ThrowsAsync<InvalidDataException>(() => api.InDatabaseAsync(db => TalksSeeder.SeedAsync(db, _folder)));

        Assert.Contains(Path.Combine(_folder, "sources.json"), failure.Message);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string NewId(string kind) => $"seeded-{kind}-{Guid.NewGuid().ToString("N")[..10]}";

    /// <summary>The shipped seed's first record of <paramref name="collection"/>, under a new id (and name, where it has one).</summary>
    private static JsonNode ShippedRecord(string collection, string id, Action<JsonObject>? change = null)
    {
        var record = JsonNode.Parse(File.ReadAllText(Path.Combine(ShippedSeed, collection + ".json")))!.AsArray()[0]!.DeepClone().AsObject();
        record["id"] = id;
        foreach (var name in new[] { "name", "title", "label" })
        {
            if (record.ContainsKey(name))
            {
                record[name] = $"Seeded {id}";
            }
        }

        change?.Invoke(record);
        return record;
    }

    private void Write(string collection, params JsonNode[] records) =>
        File.WriteAllText(Path.Combine(_folder, collection + ".json"), new JsonArray([.. records]).ToJsonString());
}
