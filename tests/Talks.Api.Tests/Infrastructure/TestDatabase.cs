using Microsoft.EntityFrameworkCore;
using Talks.Api.Hosting.Database;
using Talks.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Talks.Api.Tests.Infrastructure;

/// <summary>
/// A database the tests own, on the provider the suite runs against: a SQLite file in a folder of its own, or — when
/// <c>TALKS_TEST_POSTGRES</c> holds a server's connection string (tests/postgres/run sets it) — a database of its own
/// on that server. It outlives several starts of the app, for tests about what a restart does, and is removed on
/// dispose.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private const string PostgresVariable = "TALKS_TEST_POSTGRES";

    /// <summary>The PostgreSQL server the suite runs against, or null for SQLite.</summary>
    public static string? PostgresServer { get; } = Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } server ? server : null;

    public static bool OnPostgres => PostgresServer is not null;

    private readonly string? _folder;
    private readonly string? _server;

    public TestDatabase()
        : this(PostgresServer)
    {
    }

    /// <summary>A database of its own on <paramref name="postgresServer"/> (a cluster the test made), or SQLite when null.</summary>
    public TestDatabase(string? postgresServer)
    {
        _server = postgresServer;
        if (postgresServer is { } server)
        {
            Name = "talks_test_" + Guid.NewGuid().ToString("N");
            ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = Name }.ToString();
        }
        else
        {
            _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "talks-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_folder);
            FilePath = System.IO.Path.Combine(_folder, "talks.db");
            Name = FilePath;
            ConnectionString = $"Data Source={FilePath}";
        }
    }

    /// <summary><c>Sqlite</c> or <c>Postgres</c>, as <c>Database:Provider</c> takes it.</summary>
    public string Provider => _server is not null ? "Postgres" : "Sqlite";

    public string ConnectionString { get; }

    /// <summary>The database's name on the server, or the SQLite file's path.</summary>
    public string Name { get; }

    /// <summary>The SQLite file; null on PostgreSQL.</summary>
    public string? FilePath { get; }

    /// <summary>Starts the app on this database. Dispose the factory before the next start, as a restart would.</summary>
    public TalksApiFactory Start() => new(this, withKeys: true);

    /// <summary>Starts the app on this database without adding test keys, so it holds only what the app wrote.</summary>
    public TalksApiFactory StartUntouched() => new(this, withKeys: false);

    /// <summary>A context on this database with the real migrations, for a test that builds an older schema by hand.</summary>
    public TalksDbContext OpenContext()
    {
        var options = new DbContextOptionsBuilder<TalksDbContext>();
        if (OnPostgres)
        {
            options.UseNpgsql(ConnectionString, npgsql => npgsql.MigrationsAssembly(DatabaseSetup.PostgresMigrationsAssembly));
        }
        else
        {
            options.UseSqlite(ConnectionString, sqlite => sqlite.MigrationsAssembly(DatabaseSetup.SqliteMigrationsAssembly));
        }

        return new TalksDbContext(options.Options);
    }

    public void Dispose()
    {
        if (_server is { } server)
        {
            NpgsqlConnection.ClearAllPools();
            try
            {
                using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ToString());
                connection.Open();
                using var drop = connection.CreateCommand();
                drop.CommandText = $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)";
                drop.ExecuteNonQuery();
            }
            catch (NpgsqlException)
            {
                // The throwaway cluster goes when the run ends; nothing else depends on this database.
            }

            return;
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder!, recursive: true);
        }
        catch (IOException)
        {
            // A connection another test class still holds keeps the file busy; the temp folder is swept eventually.
        }
    }
}

/// <summary>A test about the SQLite file itself (backups, the file's own settings); skipped when the suite runs on PostgreSQL.</summary>
public sealed class SqliteOnlyFactAttribute : FactAttribute
{
    public SqliteOnlyFactAttribute()
    {
        if (TestDatabase.OnPostgres)
        {
            Skip = "SQLite only: this checks the embedded database file.";
        }
    }
}

/// <summary>A test of the PostgreSQL provider; skipped unless the suite runs with <c>TALKS_TEST_POSTGRES</c> (tests/postgres/run).</summary>
public sealed class PostgresOnlyFactAttribute : FactAttribute
{
    public PostgresOnlyFactAttribute()
    {
        if (!TestDatabase.OnPostgres)
        {
            Skip = "PostgreSQL only: run the suite with tests/postgres/run.";
        }
    }
}
