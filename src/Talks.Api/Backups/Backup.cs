using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Talks.Data;

namespace Talks.Api.Backups;

/// <summary>
/// An online copy of the whole database with <c>VACUUM INTO</c>: one read transaction, so the copy is the database
/// as of one instant while writers carry on, and it is compacted and consistent without the -wal file.
/// </summary>
public sealed class Backup(TalksDbContext db, IConfiguration configuration, IHostEnvironment environment)
{
    /// <summary>Where the endpoint writes: <c>Backups:Folder</c>, or <c>backups/</c> beside the database file.</summary>
    public string Folder
    {
        get
        {
            var configured = configuration["Backups:Folder"];
            if (!string.IsNullOrWhiteSpace(configured))
            {
                return Path.GetFullPath(configured, environment.ContentRootPath);
            }

            var database = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var beside = string.IsNullOrEmpty(database) ? null : Path.GetDirectoryName(Path.GetFullPath(database, environment.ContentRootPath));
            return Path.Combine(beside ?? environment.ContentRootPath, "backups");
        }
    }

    /// <summary>Writes a new file named for the time into <see cref="Folder"/>.</summary>
    public Task<FileInfo> IntoFolderAsync(CancellationToken ct)
    {
        var name = $"talks-{DateTime.UtcNow:yyyyMMdd-HHmmss-fff}-{Guid.NewGuid().ToString("N")[..6]}.db";
        return ToFileAsync(Path.Combine(Folder, name), ct);
    }

    /// <summary>Writes the copy to <paramref name="path"/>, which must not exist yet (an old backup is never overwritten).</summary>
    public async Task<FileInfo> ToFileAsync(string path, CancellationToken ct)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            throw new IOException($"'{full}' already exists; a backup never overwrites a file.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await db.Database.ExecuteSqlRawAsync("VACUUM INTO {0}", [full], ct);
        return new FileInfo(full);
    }
}
