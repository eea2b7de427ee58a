using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Releases;
using Talks.Api.Tests.Infrastructure;
using Talks.Data;
using Talks.Data.Entities;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Releases;

/// <summary>
/// A release holds the data, not just a view of it: its CSV files loaded into an empty database give back the same
/// records, down to versions and timestamps, so a release cut there is the same, byte for byte, table by table.
/// </summary>
public sealed class ReleaseRoundTripTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    [Fact]
    public async Task TheCsvFilesLoadedIntoAFreshDatabaseGiveTheSameRecords()
    {
        using var admin = factory.CreateClient();
        var party = await admin.CreateAsync("/api/v1/parties", Party(Unique("Round-trip State"), notes: "Line one\nline two, \"quoted\""));
        using (var patched = await admin.PatchCurrentAsync($"/api/v1/parties/{party.Text("id")}", """{ "countryCode": "UA" }"""))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, patched.StatusCode);
        }

        var version = ReleasePackage.NextVersion();
        await ReleasePackage.CreateAsync(admin, version);
        var original = await ReleasePackage.OpenAsync(admin, version);

        await using var fresh = new TalksApiFactory();
        await fresh.InDatabaseAsync(db => LoadAsync(db, original));
        using var freshAdmin = fresh.CreateClient();
        await ReleasePackage.CreateAsync(freshAdmin, version);
        var reloaded = await ReleasePackage.OpenAsync(freshAdmin, version);

        foreach (var (table, bytes) in original.Csv)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(reloaded.Csv[table]), $"{table}.csv differs after loading it into a fresh database.");
        }

        var read = await freshAdmin.GetJsonAsync($"/api/v1/parties/{party.Text("id")}");
        var before = await admin.GetJsonAsync($"/api/v1/parties/{party.Text("id")}");
        Assert.Equal(before.GetRawText(), read.GetRawText());
    }

    /// <summary>Replaces every released table with the package's rows, values parsed as their Table Schema types.</summary>
    private static async Task LoadAsync(TalksDbContext db, ReleasePackage package)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.AgreementEvents.ExecuteDeleteAsync();
        await db.Obligations.ExecuteDeleteAsync();
        await db.AgreementRenewals.ExecuteDeleteAsync();
        await db.Agreements.ExecuteDeleteAsync();
        await db.Statements.ExecuteDeleteAsync();
        await db.Positions.ExecuteUpdateAsync(s => s.SetProperty(p => p.AnswersId, (string?)null));
        await db.Positions.ExecuteDeleteAsync();
        await db.RoundDelegates.ExecuteDeleteAsync();
        await db.RoundParticipants.ExecuteDeleteAsync();
        await db.Rounds.ExecuteDeleteAsync();
        await db.Talks.ExecuteDeleteAsync();
        await db.PersonOffices.ExecuteDeleteAsync();
        await db.People.ExecuteDeleteAsync();
        await db.Parties.ExecuteDeleteAsync();
        await db.Sources.ExecuteDeleteAsync();
        await db.Topics.ExecuteUpdateAsync(s => s.SetProperty(t => t.ParentId, (string?)null).SetProperty(t => t.ReplacedById, (string?)null));
        await db.Topics.ExecuteDeleteAsync();

        var stamps = new List<(string Table, string Id, long Version, DateTime UpdatedAt)>();
        foreach (var table in ReleaseTables.For(db.Model))
        {
            foreach (var row in package.Rows(table.Name))
            {
                var record = Activator.CreateInstance(table.ClrType)!;
                foreach (var field in table.Fields)
                {
                    field.Property.PropertyInfo!.SetValue(record, Parse(row[field.Name], field.Property.ClrType, field.Property.IsNullable));
                }

                db.Add(record);
                if (record is Entity entity)
                {
                    stamps.Add((db.Model.FindEntityType(table.ClrType)!.GetTableName()!, entity.Id, entity.Version, entity.UpdatedAt));
                }
            }
        }

        await db.SaveChangesAsync();

        // Saving stamps every record as new (version 1, updated when created); put back what the release says.
        foreach (var (table, id, version, updatedAt) in stamps)
        {
            var sql = "UPDATE \"" + table + "\" SET \"Version\" = {0}, \"UpdatedAt\" = {1} WHERE \"Id\" = {2}";
            await db.Database.ExecuteSqlRawAsync(sql, version, updatedAt, id);
        }

        await transaction.CommitAsync();
    }

    private static object? Parse(string? text, Type type, bool nullable)
    {
        if (text is null)
        {
            // An empty field is null where the column allows it, and otherwise an empty text.
            return nullable ? null : "";
        }

        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            _ when type == typeof(string) => text,
            _ when type.IsEnum =>
                Enum.GetNames(type).Single(n => JsonNamingPolicy.KebabCaseLower.ConvertName(n) == text) is var name ? Enum.Parse(type, name) : null,
            _ when type == typeof(int) => int.Parse(text, CultureInfo.InvariantCulture),
            _ when type == typeof(long) => long.Parse(text, CultureInfo.InvariantCulture),
            _ when type == typeof(double) => double.Parse(text, CultureInfo.InvariantCulture),
            _ when type == typeof(bool) => text == "true",
            _ when type == typeof(DateOnly) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ when type == typeof(DateTime) => DateTime.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
            _ => JsonSerializer.Deserialize(text, type),
        };
    }
}
