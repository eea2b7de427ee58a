using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Talks.Data;
using Talks.Data.Seeding;

namespace Talks.Api.Infrastructure;

public static class DatabaseSetup
{
    public const string MigrationsAssembly = "Talks.Migrations.Sqlite";

    public static WebApplicationBuilder AddTalksData(this WebApplicationBuilder builder)
    {
        var connectionString = ResolveConnectionString(builder.Configuration, builder.Environment.ContentRootPath);
        var synchronous = builder.Configuration["Database:Synchronous"] ?? "FULL";
        if (synchronous is not ("FULL" or "NORMAL" or "EXTRA"))
        {
            throw new InvalidOperationException("Database:Synchronous must be FULL, NORMAL or EXTRA.");
        }

        // The options depend on configuration alone, so they are built once (singleton) rather than once per request:
        // per-request options cost each read a rebuilt options object and a lookup of EF's internal service provider.
        builder.Services.AddDbContext<TalksDbContext>(
            options => options
                .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(MigrationsAssembly))
                .AddInterceptors(new SqliteConnectionPragmas(synchronous)),
            contextLifetime: ServiceLifetime.Scoped,
            optionsLifetime: ServiceLifetime.Singleton);
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);
        return builder;
    }

    /// <summary>
    /// <c>ConnectionStrings:Talks</c>, or a file under <c>data/</c> beside the app. The folder is created here because
    /// SQLite creates the file but not its directory.
    /// </summary>
    private static string ResolveConnectionString(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration.GetConnectionString("Talks");
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(configured) ? $"Data Source={Path.Combine(contentRoot, "data", "talks.db")}" : configured);
        if (builder.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:")
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        // Pooled connections keep their pragmas; the interceptor re-applies them once per physical open.
        builder.Pooling = true;
        return builder.ToString();
    }

    /// <summary>Applies migrations and loads the seed before the app starts answering.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TalksDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Talks.Database");

        // WAL lets readers carry on while one writer commits; the mode is stored in the file, so setting it once is enough.
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        await db.Database.MigrateAsync();

        var seedFolder = DatabaseSetupPaths.SeedFolder(app.Configuration);
        var inserted = await TalksSeeder.SeedAsync(db, seedFolder);
        await db.Database.CloseConnectionAsync();
        logger.LogInformation("Database ready; {Inserted} seed records inserted from {SeedFolder}", inserted, seedFolder);
    }

    /// <summary>
    /// Per-connection settings. busy_timeout: wait for a competing writer instead of failing at once with "database is
    /// locked". synchronous=FULL (the default here): every commit is on disk before the API answers, so an acknowledged
    /// write survives a power cut, at the cost of one fsync per commit; NORMAL trades the last commits before a power
    /// cut (never a process crash) for speed.
    /// </summary>
    private sealed class SqliteConnectionPragmas(string synchronous) : DbConnectionInterceptor
    {
        private readonly string Pragmas = $"PRAGMA busy_timeout=5000; PRAGMA synchronous={synchronous};";

        /// <summary>
        /// SQLite's own lower() folds only ASCII, so a q= filter would miss "Çanakkale" for "çanakkale"; this one folds
        /// every letter, as .NET does.
        /// </summary>
        private static void FoldCaseLikeDotNet(DbConnection connection) =>
            ((SqliteConnection)connection).CreateFunction<string?, string?>("lower", text => text?.ToLowerInvariant(), isDeterministic: true);

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            FoldCaseLikeDotNet(connection);
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            FoldCaseLikeDotNet(connection);
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}

public static class DatabaseSetupPaths
{
    /// <summary><c>Seed:Path</c>, or the <c>seed</c> folder copied beside the app at build and publish.</summary>
    public static string SeedFolder(IConfiguration configuration) =>
        configuration["Seed:Path"] ?? Path.Combine(AppContext.BaseDirectory, "seed");
}
