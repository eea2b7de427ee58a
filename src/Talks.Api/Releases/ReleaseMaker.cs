using System.Data;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Talks.Api.Hosting.Database;
using Talks.Data;
using Talks.Data.Entities;

namespace Talks.Api.Releases;

/// <summary>
/// Cuts a release in two steps. First every table is read inside one read-only snapshot (so the release is the data
/// as of one change number, while writers carry on) and rendered to temporary files, row by row. Then the files are
/// stored in parts of <c>Releases:PartSizeBytes</c> bytes, with the release's row, in one write transaction. Memory
/// stays flat whatever the size of the data: no step holds more than a part.
/// </summary>
public sealed class ReleaseMaker(TalksDbContext db, IConfiguration configuration)
{
    /// <summary>Small enough that a download holds little, large enough that a 100 MB release is a few hundred rows.</summary>
    public const int DefaultPartSize = 256 * 1024;

    private int PartSize => Math.Clamp(configuration.GetValue("Releases:PartSizeBytes", DefaultPartSize), 1024, 16 * 1024 * 1024);

    public sealed record Outcome(Release? Release, bool Duplicate);

    public async Task<Outcome> CreateAsync(string version, string? notes, CancellationToken ct)
    {
        if (await ExistsAsync(version, ct))
        {
            return new Outcome(null, Duplicate: true);
        }

        var now = DateTime.UtcNow;
        var release = new Release
        {
            Id = version,
            Notes = string.IsNullOrEmpty(notes) ? null : notes,
            CreatedAt = now.AddTicks(-(now.Ticks % 10)),
            PartSize = PartSize,
        };

        var folder = Directory.CreateTempSubdirectory("talks-release-");
        try
        {
            var zipPath = Path.Combine(folder.FullName, "release.zip");
            var jsonPath = Path.Combine(folder.FullName, "release.json");
            await RenderSnapshotAsync(release, zipPath, jsonPath, ct);
            (release.ZipLength, release.ZipSha256) = await DigestAsync(zipPath, ct);
            (release.JsonLength, release.JsonSha256) = await DigestAsync(jsonPath, ct);
            return await StoreAsync(release, zipPath, jsonPath, ct);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private Task<bool> ExistsAsync(string version, CancellationToken ct) => db.Releases.AnyAsync(r => r.Id == version, ct);

    /// <summary>
    /// Reads inside a transaction that only reads and sees one state of the database throughout. SQLite's own
    /// transactions here begin IMMEDIATE, taking the write lock; a deferred one takes none, and in WAL mode its first
    /// read fixes what it sees. PostgreSQL gives the same with REPEATABLE READ.
    /// </summary>
    private async Task RenderSnapshotAsync(Release release, string zipPath, string jsonPath, CancellationToken ct)
    {
        var onSqlite = db.Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";
        SqliteTransaction? deferred = null;
        IDbContextTransaction transaction;
        if (onSqlite)
        {
            await db.Database.OpenConnectionAsync(ct);
            deferred = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
            transaction = (await db.Database.UseTransactionAsync(deferred, ct))!;
        }
        else
        {
            transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        }

        try
        {
            release.ChangeNumber = await db.Changes.MaxAsync(c => (long?)c.Id, ct) ?? 0;
            await using (var zip = new FileStream(zipPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, useAsync: true))
            await using (var json = new FileStream(jsonPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
            {
                var counts = await ReleaseRenderer.WriteAsync(db, release, zip, json, ct);
                release.Counts = JsonSerializer.Serialize(counts);
            }

            await transaction.CommitAsync(ct);
        }
        finally
        {
            await transaction.DisposeAsync();
            if (deferred is not null)
            {
                await deferred.DisposeAsync();
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    private static async Task<(long Length, string Sha256)> DigestAsync(string path, CancellationToken ct)
    {
        await using var file = File.OpenRead(path);
        var hash = await SHA256.HashDataAsync(file, ct);
        return (file.Length, Convert.ToHexStringLower(hash));
    }

    private async Task<Outcome> StoreAsync(Release release, string zipPath, string jsonPath, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await ExistsAsync(release.Id, ct))
        {
            return new Outcome(null, Duplicate: true);
        }

        db.Releases.Add(release);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsDuplicateKey(e.InnerException))
        {
            return new Outcome(null, Duplicate: true);
        }

        await StorePartsAsync(release, ReleaseFormat.Zip, zipPath, ct);
        await StorePartsAsync(release, ReleaseFormat.Json, jsonPath, ct);
        await transaction.CommitAsync(ct);
        db.Entry(release).State = EntityState.Detached;
        return new Outcome(release, Duplicate: false);
    }

    private async Task StorePartsAsync(Release release, string format, string path, CancellationToken ct)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);
        var (version, size) = (release.Id, release.PartSize);
        var buffer = new byte[size];
        for (var ordinal = 0; ; ordinal++)
        {
            var read = await file.ReadAtLeastAsync(buffer, size, throwOnEndOfStream: false, ct);
            if (read == 0 && ordinal > 0)
            {
                return;
            }

            var bytes = buffer[..read];
            await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "ReleaseParts" ("ReleaseId", "Format", "Ordinal", "Bytes") VALUES ({version}, {format}, {ordinal}, {bytes})""", ct);
            if (read < size)
            {
                return;
            }
        }
    }
}
