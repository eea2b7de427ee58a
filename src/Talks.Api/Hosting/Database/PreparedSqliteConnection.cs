using Microsoft.Data.Sqlite;

namespace Talks.Api.Hosting.Database;

/// <summary>
/// One SQLite connection kept open, each statement it runs prepared at its first use and kept, for the reads that go
/// around EF Core because they run on every request (<c>SqliteChangeNumbers</c>, <c>SqliteRoundReader</c>). Used by one
/// caller at a time; a caller whose read fails disposes of it, since the failure may have left it unusable.
/// </summary>
/// <remarks>
/// A statement takes at most one parameter, <c>@id</c>, the id of the record it looks up; it is known by its text,
/// so callers pass the same constant each time.
/// </remarks>
public sealed class PreparedSqliteConnection : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, SqliteCommand> _statements = new(StringComparer.Ordinal);
    private SqliteTransaction? _snapshot;

    public PreparedSqliteConnection(string connectionString)
    {
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        using var pragma = _connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout=5000;";
        pragma.ExecuteNonQuery();
    }

    /// <summary>
    /// Runs <paramref name="read"/> in one read transaction, so every statement it runs sees the same commits: the
    /// parts of a round come from one state of the database.
    /// </summary>
    public T InOneSnapshot<T>(Func<PreparedSqliteConnection, T> read)
    {
        using var transaction = _connection.BeginTransaction(deferred: true);
        _snapshot = transaction;
        try
        {
            var answer = read(this);
            transaction.Commit();
            return answer;
        }
        finally
        {
            _snapshot = null;
        }
    }

    /// <summary>The first row mapped, or null when there is none.</summary>
    public T? One<T>(string sql, string? id, Func<SqliteDataReader, T> map)
        where T : class
    {
        using var reader = Statement(sql, id).ExecuteReader();
        return reader.Read() ? map(reader) : null;
    }

    /// <summary>Every row mapped, in the statement's order.</summary>
    public List<T> Many<T>(string sql, string? id, Func<SqliteDataReader, T> map)
    {
        using var reader = Statement(sql, id).ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    /// <summary>The one row of a statement that always gives one (an aggregate, a pragma), mapped.</summary>
    public T Single<T>(string sql, string? id, Func<SqliteDataReader, T> map)
    {
        using var reader = Statement(sql, id).ExecuteReader();
        if (!reader.Read())
        {
            throw new InvalidOperationException($"The statement gave no row: {sql}");
        }

        return map(reader);
    }

    private SqliteCommand Statement(string sql, string? id)
    {
        if (!_statements.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            if (sql.Contains("@id", StringComparison.Ordinal))
            {
                command.Parameters.Add("@id", SqliteType.Text);
            }

            command.Prepare();
            _statements[sql] = command;
        }

        command.Transaction = _snapshot;
        if (id is not null)
        {
            command.Parameters[0].Value = id;
        }

        return command;
    }

    public void Dispose()
    {
        foreach (var command in _statements.Values)
        {
            command.Dispose();
        }

        _statements.Clear();
        _connection.Dispose();
    }
}
