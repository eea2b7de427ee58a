using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Talks.Api.Changes;
using Talks.Api.Search;
using Talks.Data;
using Talks.Data.Seeding;

namespace Talks.Api.Hosting.Database;

/// <summary>Which database engine holds the data: <c>Database:Provider</c>.</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded file; the default, nothing to install.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server, shared by several API instances.</summary>
    Postgres,
}

public static class DatabaseSetup
{
    public const string SqliteMigrationsAssembly = "Talks.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Talks.Migrations.Postgres";

    public static DatabaseProvider ProviderOf(IConfiguration configuration)
    {
        var configured = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return DatabaseProvider.Sqlite;
        }

        return Enum.TryParse<DatabaseProvider>(configured, ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new InvalidOperationException($"Database:Provider is '{configured}'; use Sqlite or Postgres.");
    }

    public static WebApplicationBuilder AddTalksData(this WebApplicationBuilder builder)
    {
        var provider = ProviderOf(builder.Configuration);
        var faultEpisodes = new DatabaseFaultEpisodes();
        builder.Services.AddSingleton(faultEpisodes);

        // The options depend on configuration alone, so they are built once (singleton) rather than once per request:
        // per-request options cost each read a rebuilt options object and a lookup of EF's internal service provider.
        if (provider == DatabaseProvider.Postgres)
        {
            var connectionString = builder.Configuration.GetConnectionString("Talks");
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    "Database:Provider is Postgres, so ConnectionStrings:Talks must name the server, e.g. " +
                    "Host=db;Port=5432;Database=talks;Username=talks;Password=...");
            }

            builder.Services.AddSingleton(new DatabaseInfo(provider, connectionString));
            builder.Services.AddPooledTalksDbContext(options => options
                .UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(PostgresMigrationsAssembly))
                .UseCompiledModel(DatabaseProvider.Postgres)
                .AddInterceptors(faultEpisodes)
                .LogFailuresWhereTheyAreAnswered());
        }
        else
        {
            var connectionString = ResolveSqliteConnectionString(builder.Configuration, builder.Environment.ContentRootPath);
            var synchronous = builder.Configuration["Database:Synchronous"] ?? "FULL";
            if (synchronous is not ("FULL" or "NORMAL" or "EXTRA"))
            {
                throw new InvalidOperationException("Database:Synchronous must be FULL, NORMAL or EXTRA.");
            }

            builder.Services.AddSingleton(new DatabaseInfo(provider, connectionString));
            builder.Services.AddPooledTalksDbContext(options => options
                .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly))
                .UseCompiledModel(DatabaseProvider.Sqlite)
                .AddInterceptors(new SqliteConnectionPragmas(synchronous), faultEpisodes)
                .LogFailuresWhereTheyAreAnswered());
        }

        builder.Services.AddSingleton<ChangeNumbers>();
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);
        return builder;
    }

    /// <summary>
    /// One context per request (scope), rented from a pool rather than built: building one resolved EF's services
    /// afresh each time, ~4 % of the CPU of a write. The pool resets what EF tracks; the actor and the seeder's override
    /// are this app's own state, so they are set on every rent.
    /// </summary>
    private static void AddPooledTalksDbContext(this IServiceCollection services, Action<DbContextOptionsBuilder> configure)
    {
        services.AddPooledDbContextFactory<TalksDbContext>(configure);
        services.AddScoped(scope =>
        {
            var db = scope.GetRequiredService<IDbContextFactory<TalksDbContext>>().CreateDbContext();
            db.Actor = scope.GetService<IChangeActor>();
            db.ActorOverride = null;
            return db;
        });
    }

    /// <summary>
    /// Each provider's model comes precompiled (<c>migrations/Talks.Migrations.*/CompiledModel</c>), so a start does not
    /// build it from the configurations. <c>migrations/regenerate-compiled-models</c> builds without them
    /// (<c>WithoutCompiledModels</c>): the tool must read the configurations, and the old files may no longer compile.
    /// Public so the tests compare the very model each provider is given.
    /// </summary>
    public static DbContextOptionsBuilder UseCompiledModel(this DbContextOptionsBuilder options, DatabaseProvider provider)
    {
#if WITHOUT_COMPILED_MODELS
        return options;
#else
        return options.UseModel(provider == DatabaseProvider.Postgres
            ? global::Talks.Migrations.Postgres.CompiledModel.TalksDbContextModel.Instance
            : global::Talks.Migrations.Sqlite.CompiledModel.TalksDbContextModel.Instance);
#endif
    }

    /// <summary>
    /// <c>ConnectionStrings:Talks</c>, or a file under <c>data/</c> beside the app. The folder is created here because
    /// SQLite creates the file but not its directory.
    /// </summary>
    private static string ResolveSqliteConnectionString(IConfiguration configuration, string contentRoot)
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

        /// <summary>
        /// The pool hands the same SQLite handle to many <see cref="SqliteConnection"/> objects in turn, and this runs on
        /// every one of those opens; the pragmas stay set on the handle, so they are sent once per handle, not per
        /// query (a cached read's one query would otherwise cost three).
        /// </summary>
        private readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> _configured = new();

        private bool FirstOpenOf(DbConnection connection) =>
            ((SqliteConnection)connection).Handle is { } handle && _configured.TryAdd(handle, this);

        /// <summary>The functions the app's SQL calls; whether the handle is new and still needs <see cref="Pragmas"/>.</summary>
        private bool PrepareAndTellIfNew(DbConnection connection)
        {
            FoldCaseLikeDotNet(connection);
            if (!FirstOpenOf(connection))
            {
                return false;
            }

            SqliteRanking.Register((SqliteConnection)connection);
            return true;
        }

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            if (PrepareAndTellIfNew(connection))
            {
                using var command = connection.CreateCommand();
                command.CommandText = Pragmas;
                command.ExecuteNonQuery();
            }
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (PrepareAndTellIfNew(connection))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = Pragmas;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }
}

public static class DatabaseSetupPaths
{
    /// <summary><c>Seed:Path</c>, or the <c>seed</c> folder copied beside the app at build and publish.</summary>
    public static string SeedFolder(IConfiguration configuration) =>
        configuration["Seed:Path"] ?? Path.Combine(AppContext.BaseDirectory, "seed");
}

/// <summary>
/// The provider the app was started with, for the few places whose SQL differs, and the connection string for the
/// few that go around EF Core. Not a record: a record's ToString would print the string, password and all.
/// </summary>
public sealed class DatabaseInfo(DatabaseProvider provider, string connectionString)
{
    public DatabaseProvider Provider { get; } = provider;

    public string ConnectionString { get; } = connectionString;
}
