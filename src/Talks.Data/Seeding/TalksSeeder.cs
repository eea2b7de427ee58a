using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Talks.Data.Entities;

namespace Talks.Data.Seeding;

/// <summary>
/// Loads <c>seed/*.json</c> into an empty or partly filled database. Each seed record is inserted at most once: a
/// <see cref="SeedMark"/> remembers it, so records analysts have since edited or deleted are left as they are.
/// </summary>
public static class TalksSeeder
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // A misspelt field in a seed file must fail the start, not silently drop a fact.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };

    /// <summary>Returns how many records were inserted; 0 on every start after the first.</summary>
    public static async Task<int> SeedAsync(TalksDbContext db, string folder, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Seed folder '{folder}' does not exist.");
        }

        db.ActorOverride = "seed";
        // A caller that already holds a transaction (a reset) commits the seed together with its own work.
        var owned = db.Database.CurrentTransaction is null;
        await using var transaction = owned ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var inserted = 0;

        // Parents before children, so every foreign key points at a row already written.
        inserted += await SeedCollectionAsync<Source>(db, folder, "sources", cancellationToken);
        inserted += await SeedCollectionAsync<Topic>(db, folder, "topics", cancellationToken);
        inserted += await SeedCollectionAsync<Party>(db, folder, "parties", cancellationToken);
        inserted += await SeedCollectionAsync<Person>(db, folder, "people", cancellationToken);
        inserted += await SeedCollectionAsync<Talk>(db, folder, "talks", cancellationToken);
        inserted += await SeedCollectionAsync<Round>(db, folder, "rounds", cancellationToken);
        inserted += await SeedCollectionAsync<Position>(db, folder, "positions", cancellationToken);
        inserted += await SeedCollectionAsync<Statement>(db, folder, "statements", cancellationToken);
        inserted += await SeedCollectionAsync<Agreement>(db, folder, "agreements", cancellationToken);
        await TopicAdoption.AdoptFreeTextTopicsAsync(db, cancellationToken);

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return inserted;
    }

    private static async Task<int> SeedCollectionAsync<T>(TalksDbContext db, string folder, string collection, CancellationToken cancellationToken)
        where T : Entity
    {
        var path = Path.Combine(folder, collection + ".json");
        if (!File.Exists(path))
        {
            return 0;
        }

        List<T> records;
        await using (var stream = File.OpenRead(path))
        {
            records = await JsonSerializer.DeserializeAsync<List<T>>(stream, Json, cancellationToken)
                ?? throw new InvalidDataException($"Seed file '{path}' is empty.");
        }

        var marked = await db.SeedMarks.Where(m => m.Collection == collection).Select(m => m.Id).ToListAsync(cancellationToken);
        var pending = records.Where(r => !marked.Contains(r.Id)).ToList();
        if (pending.Count == 0)
        {
            return 0;
        }

        var pendingIds = pending.Select(r => r.Id).ToList();
        var existing = await db.Set<T>().Where(e => pendingIds.Contains(e.Id)).Select(e => e.Id).ToListAsync(cancellationToken);
        var now = DateTime.UtcNow;
        var inserted = 0;
        foreach (var record in pending)
        {
            // An analyst may have created a record with this id first; theirs stands.
            if (!existing.Contains(record.Id))
            {
                // One microsecond apart, so lists ordered by creation show the seed in the order it tells the story.
                record.CreatedAt = now.AddTicks(inserted * TimeSpan.TicksPerMicrosecond);
                db.Add(record);
                inserted++;
            }

            db.SeedMarks.Add(new SeedMark { Collection = collection, Id = record.Id, AppliedAt = now });
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return inserted;
    }
}
