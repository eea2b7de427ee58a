using Microsoft.Data.Sqlite;
using Npgsql;
using Talks.Api.Infrastructure;

namespace Talks.Api.Changes;

/// <summary>
/// How far the database has moved: the number of its newest change (0 before any). Every cached read asks, so this
/// goes around EF Core: through EF the question cost a cache hit almost half its CPU (a DbContext and its services, a
/// connection taken from the pool and set up, the statement parsed again), against the answer itself, one step down
/// the change table's primary key. On SQLite one connection is kept open with the statement prepared, used by one
/// caller at a time; on PostgreSQL each call borrows a pooled connection, and the round trip dominates.
/// </summary>
public sealed class ChangeNumbers(DatabaseInfo database) : IDisposable
{
    private const string NewestSql = """SELECT MAX("Id") FROM "Changes" """;

    private readonly Lock _gate = new();
    private SqliteConnection? _sqlite;
    private SqliteCommand? _newest;

    public async ValueTask<long> NewestAsync(CancellationToken ct = default)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            return NewestOnSqlite();
        }

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(NewestSql, connection);
        return await command.ExecuteScalarAsync(ct) is long newest ? newest : 0;
    }

    /// <summary>
    /// Microseconds once prepared, so callers queue on a lock rather than each holding a connection. A reader in WAL
    /// mode sees every commit made before it starts, by this process or any other.
    /// </summary>
    private long NewestOnSqlite()
    {
        lock (_gate)
        {
            try
            {
                if (_newest is null)
                {
                    _sqlite = new SqliteConnection(database.ConnectionString);
                    _sqlite.Open();
                    using (var pragma = _sqlite.CreateCommand())
                    {
                        pragma.CommandText = "PRAGMA busy_timeout=5000;";
                        pragma.ExecuteNonQuery();
                    }

                    _newest = _sqlite.CreateCommand();
                    _newest.CommandText = NewestSql;
                    _newest.Prepare();
                }

                return _newest.ExecuteScalar() is long newest ? newest : 0;
            }
            catch
            {
                // Opened afresh by the next call, in case the failure left the connection unusable.
                Close();
                throw;
            }
        }
    }

    private void Close()
    {
        _newest?.Dispose();
        _newest = null;
        _sqlite?.Dispose();
        _sqlite = null;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            Close();
        }
    }
}
