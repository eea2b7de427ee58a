using Microsoft.Data.Sqlite;
using Npgsql;

namespace Talks.Api.Hosting.Database;

/// <summary>
/// What a failed write means, in the same terms on each provider. Named are the failures a lost race can cause, and
/// those of the database itself that the client can do nothing about but wait (unreachable, storage full): NOT NULL
/// or CHECK failures are bugs and stay 500s.
/// </summary>
internal static class DatabaseErrors
{
    // SQLite's extended result codes.
    private const int SqliteUniqueViolation = 2067;
    private const int SqlitePrimaryKeyViolation = 1555;
    private const int SqliteForeignKeyViolation = 787;

    // SQLite's primary result codes.
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;

    /// <summary>A row with the same key is already there (another writer got in first).</summary>
    public static bool IsDuplicateKey(Exception? e) => e switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SqliteUniqueViolation or SqlitePrimaryKeyViolation,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>
    /// The write collides with the current state: a duplicate key, a reference removed meanwhile, or (PostgreSQL)
    /// a transaction that lost a serialization or deadlock check and can simply be sent again.
    /// </summary>
    public static bool IsConflict(Exception? e) => IsDuplicateKey(e) || e switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == SqliteForeignKeyViolation,
        PostgresException postgres => postgres.SqlState is PostgresErrorCodes.ForeignKeyViolation
            or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected,
        _ => false,
    };

    /// <summary>
    /// The database cannot take the request now, but may shortly: the PostgreSQL server is down, restarting or out
    /// of connections, or the connection to it broke (a socket or stream error, a timeout); the SQLite file cannot be
    /// opened, or another process held its write lock past the busy timeout. Looks through the wrappers EF puts
    /// around the provider's exception.
    /// </summary>
    public static bool IsUnavailable(Exception? e) => Provider(e) switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked or SqliteCantOpen,
        PostgresException postgres => postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
            || postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
                or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections,
        // Not a server's answer, so the client's side of the conversation failed: Npgsql calls the I/O and timeout
        // cases transient, the rest (a bad connection string, say) are configuration bugs.
        NpgsqlException npgsql => npgsql.IsTransient,
        _ => false,
    };

    /// <summary>
    /// The database has no room to store the write: SQLite's <c>SQLITE_FULL</c> (the disk, or its
    /// <c>max_page_count</c>), PostgreSQL's <c>disk_full</c>. PostgreSQL's out-of-memory and other resource errors
    /// are not storage and stay 500s.
    /// </summary>
    public static bool IsStorageFull(Exception? e) => Provider(e) switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteFull,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.DiskFull,
        _ => false,
    };

    /// <summary>The provider's own exception inside whatever EF or the caller wrapped it in.</summary>
    private static Exception? Provider(Exception? e)
    {
        for (var current = e; current is not null; current = current.InnerException)
        {
            if (current is SqliteException or NpgsqlException)
            {
                return current;
            }
        }

        return null;
    }
}
