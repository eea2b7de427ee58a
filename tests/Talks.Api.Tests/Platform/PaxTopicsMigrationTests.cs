using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Talks.Api.Tests.Infrastructure;
using Talks.Data.Entities;
using Talks.Data.Seeding;

namespace Talks.Api.Tests.Platform;

/// <summary>
/// A database seeded before the PA-X categories gains them from the migration alone, with nothing of its own lost: a
/// topic an analyst made under one of the new ids stays theirs, another name an analyst gave an older topic stays on
/// it, and the seeder afterwards changes nothing the migration decided.
/// </summary>
public sealed class PaxTopicsMigrationTests
{
    private const string PaxMigration = "PaxCategoryTopics";
    private static readonly string ShippedSeed = Path.Combine(AppContext.BaseDirectory, "seed");

    [Fact]
    public async Task ADatabaseSeededBeforeGainsTheNewTopicsAndKeepsItsAnalystsEdits()
    {
        using var database = new TestDatabase();
        var oldSeed = SeedWithoutTheNewTopics();
        Dictionary<string, string> before;
        await using (var old = database.OpenContext())
        {
            var migrations = old.Database.GetMigrations().ToList();
            var previous = migrations[migrations.FindIndex(m => m.EndsWith("_" + PaxMigration, StringComparison.Ordinal)) - 1];
            await old.GetService<IMigrator>().MigrateAsync(previous);
            await TalksSeeder.SeedAsync(old, oldSeed);
            old.ActorOverride = "analyst";
            old.Topics.Add(new Topic { Id = "victims", Label = "Victims of the shelling", ParentId = "protection-of-civilians" });
            var demilitarisation = await old.Topics.SingleAsync(t => t.Id == "demilitarisation");
            demilitarisation.Aliases = [.. demilitarisation.Aliases, "disarmament"];
            await old.SaveChangesAsync();
            before = await old.Topics.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Label);
        }

        Assert.DoesNotContain("ddr", before.Keys);
        await using (var migrated = database.OpenContext())
        {
            await migrated.Database.MigrateAsync();
            var topics = await migrated.Topics.AsNoTracking().ToDictionaryAsync(t => t.Id);

            Assert.All(PaxCategoryTopics.All, added => Assert.Contains(added.Id, topics.Keys));
            Assert.All(before, old => Assert.Equal(old.Value, topics[old.Key].Label));
            var ddr = topics["ddr"];
            Assert.Equal(("security", "SsrDdr", 1L), (ddr.ParentId, ddr.PaxCode, ddr.Version));
            Assert.Equal(["demobilisation", "demobilization", "reintegration", "decommissioning"], ddr.Aliases);
            Assert.Contains("disarmament", topics["demilitarisation"].Aliases);
            var victims = topics["victims"];
            Assert.Equal(("Victims of the shelling", "protection-of-civilians", (string?)null), (victims.Label, victims.ParentId, victims.PaxCode));
            Assert.Equal(("power-sharing", "Eps"), (topics["wealth-sharing"].ParentId, topics["wealth-sharing"].PaxCode));
            var marked = await migrated.SeedMarks.Where(m => m.Collection == "topics").Select(m => m.Id).ToListAsync();
            Assert.All(PaxCategoryTopics.All, added => Assert.Contains(added.Id, marked));
        }

        using var api = database.Start();
        using var client = api.CreateClient();

        Assert.Equal("Victims of the shelling", (await client.GetJsonAsync("/api/v1/topics/victims")).Text("label"));
        Assert.Equal("Eps", (await client.GetJsonAsync("/api/v1/topics/wealth-sharing")).Text("paxCode"));
        Assert.Contains("disarmament", (await client.GetJsonAsync("/api/v1/topics/demilitarisation")).GetProperty("aliases").Strings());
    }

    [Fact]
    public async Task TheMigrationAddsTheTopicsTheSeedFileHolds()
    {
        await using var stream = File.OpenRead(Path.Combine(ShippedSeed, "topics.json"));
        var seeded = (await JsonNode.ParseAsync(stream))!.AsArray().ToDictionary(t => (string)t!["id"]!, t => t!.ToJsonString());

        foreach (var added in PaxCategoryTopics.All)
        {
            var expected = JsonSerializer.Serialize(new
            {
                id = added.Id,
                label = added.Label,
                description = added.Description,
                parentId = added.ParentId,
                paxCode = added.PaxCode,
                aliases = added.Aliases,
            });
            Assert.Equal(JsonNode.Parse(expected)!.ToJsonString(), seeded[added.Id]);
        }
    }

    /// <summary>The shipped seed as it was before the PA-X categories: the same files, without the new topics.</summary>
    private static string SeedWithoutTheNewTopics()
    {
        var folder = Path.Combine(Path.GetTempPath(), "talks-tests", "seed-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(ShippedSeed, "*.json"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        var added = PaxCategoryTopics.All.Select(t => t.Id).ToHashSet();
        var topics = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "topics.json")))!.AsArray();
        var kept = new JsonArray([.. topics.Where(t => !added.Contains((string)t!["id"]!)).Select(t => t!.DeepClone())]);
        File.WriteAllText(Path.Combine(folder, "topics.json"), kept.ToJsonString());
        return folder;
    }
}
