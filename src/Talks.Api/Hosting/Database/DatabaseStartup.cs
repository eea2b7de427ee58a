using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Talks.Data;
using Talks.Data.Seeding;

namespace Talks.Api.Hosting.Database;

/// <summary>What a start does to the database before the app answers: create it if missing, migrate it, seed it.</summary>
public static class DatabaseStartup
{
    /// <summary>Any 64-bit number no other application on the server uses: it serialises start-up migration and seeding.</summary>
    private const long StartupLockKey = 0x54616c6b_53746172;

    /// <summary>
    /// Applies migrations (unless <c>Database:MigrateOnStart</c> is false, for deployments that migrate ahead with a
    /// bundle or <c>dotnet ef database update</c>) and loads the seed before the app starts answering.
    /// </summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TalksDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Talks.Database");
        var provider = app.Services.GetRequiredService<DatabaseInfo>().Provider;
        var migrate = app.Configuration.GetValue("Database:MigrateOnStart", true);

        if (provider == DatabaseProvider.Postgres)
        {
            if (migrate)
            {
                await CreatePostgresDatabaseIfMissingAsync(db);
            }
            else if (!await db.GetService<IRelationalDatabaseCreator>().ExistsAsync())
            {
                throw new InvalidOperationException(
                    "Database:MigrateOnStart is false and the database named in ConnectionStrings:Talks does not exist; " +
                    "create and migrate it first (docs/deploying.md: Running on PostgreSQL).");
            }

            // Instances starting together on one database queue here: the first migrates and seeds, the others then
            // find nothing left to do. A session lock, so it is released even if this process dies holding it.
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({StartupLockKey})");
        }
        else
        {
            // WAL lets readers carry on while one writer commits; the mode is stored in the file, so setting it once is enough.
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        try
        {
            if (migrate)
            {
                // Migrate takes EF's migration lock and compares the model with the last snapshot even when there is
                // nothing to apply; asking the history first keeps an ordinary start off that path.
                if ((await db.Database.GetPendingMigrationsAsync()).Any())
                {
                    await db.Database.MigrateAsync();
                }
            }
            else if ((await db.Database.GetPendingMigrationsAsync()).ToList() is { Count: > 0 } pending)
            {
                throw new InvalidOperationException(
                    $"Database:MigrateOnStart is false and the database lacks {pending.Count} migration(s), " +
                    $"the first being {pending[0]}; apply them (docs/deploying.md: Running on PostgreSQL) and start again.");
            }

            var seedFolder = SeedLocation.Folder(app.Configuration);
            var inserted = await TalksSeeder.SeedAsync(db, seedFolder);
            logger.LogInformation("Database ready ({Provider}); {Inserted} seed records inserted from {SeedFolder}", provider, inserted, seedFolder);
        }
        finally
        {
            if (provider == DatabaseProvider.Postgres)
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({StartupLockKey})");
            }

            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// EF would create a missing database inside the migration, but two instances doing so at once make one fail;
    /// here the loser of that race simply finds the database there.
    /// </summary>
    private static async Task CreatePostgresDatabaseIfMissingAsync(TalksDbContext db)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync())
        {
            return;
        }

        try
        {
            await creator.CreateAsync();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Created by another instance meanwhile.
        }
    }
}
