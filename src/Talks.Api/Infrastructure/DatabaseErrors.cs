using Microsoft.Data.Sqlite;
using Npgsql;

namespace Talks.Api.Infrastructure;

/// <summary>
/// What a failed write means, in the same terms on each provider. Only failures a lost race can cause are named:
/// NOT NULL or CHECK failures are bugs and stay 500s.
/// </summary>
internal static class DatabaseErrors
{
    // SQLite's extended result codes.
    private const int SqliteUniqueViolation = 2067;
    private const int SqlitePrimaryKeyViolation = 1555;
    private const int SqliteForeignKeyViolation = 787;

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
}
