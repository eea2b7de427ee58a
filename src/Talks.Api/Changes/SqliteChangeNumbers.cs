using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Talks.Api.Hosting.Database;
using Talks.Api.Reading;

namespace Talks.Api.Changes;

/// <summary>
/// How far the database has moved: the number of its newest change (0 before any), or, for one talk's record, the
/// newest change of that talk and the newest shared one. Every cached read asks, so this goes around EF Core: through
/// EF the question cost a cache hit almost half its CPU (a DbContext and its services, a connection taken from the
/// pool and set up, the statement parsed again), against the answer itself, one step down an index of the change
/// table. On SQLite one connection is kept open with the statements prepared, used by one caller at a time; on
/// PostgreSQL each call borrows a pooled connection, and the round trip dominates.
/// </summary>
public sealed class ChangeNumbers(DatabaseInfo database) : IChangeNumbers, IDisposable
{
    private const string NewestSql = """SELECT MAX("Id") FROM "Changes" """;

    /// <summary>
    /// For each collection whose records belong to a talk, how to find the talk of the record <c>@id</c>. Looked up
    /// in the same statement as the numbers, so the talk and its newest change are read from one snapshot.
    /// </summary>
    private static readonly Dictionary<string, string> TalkOfRecord = new()
    {
        ["talks"] = "SELECT @id",
        ["rounds"] = """SELECT "TalkId" FROM "Rounds" WHERE "Id" = @id""",
        ["positions"] = """SELECT r."TalkId" FROM "Positions" x JOIN "Rounds" r ON r."Id" = x."RoundId" WHERE x."Id" = @id""",
        ["statements"] = """SELECT r."TalkId" FROM "Statements" x JOIN "Rounds" r ON r."Id" = x."RoundId" WHERE x."Id" = @id""",
        ["agreements"] = """SELECT r."TalkId" FROM "Agreements" x JOIN "Rounds" r ON r."Id" = x."RoundId" WHERE x."Id" = @id""",
    };

    private static readonly Dictionary<string, string> ScopeSql = TalkOfRecord.ToDictionary(
        c => c.Key,
        c => $"""
            SELECT s."TalkId",
                (SELECT MAX(c."Id") FROM "Changes" c WHERE c."TalkId" = s."TalkId"),
                (SELECT MAX(c."Id") FROM "Changes" c WHERE c."TalkId" IS NULL)
            FROM (SELECT ({c.Value}) AS "TalkId") s
            """);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, SqliteCommand> _prepared = [];
    private SqliteConnection? _sqlite;

    /// <summary>
    /// Answers given since the database last changed, by statement and id. SQLite's <c>data_version</c> moves when any
    /// other connection, in this process or another, commits, and this connection never writes; while it stands
    /// still, the numbers cannot have moved, and a cache hit costs one pragma instead of three index lookups.
    /// </summary>
    private readonly Dictionary<(string Name, string? Id), object> _answers = [];
    private long _answersVersion = -1;

    /// <summary>Past this many, the answers are dropped and gathered again: one per record read between two writes.</summary>
    private const int MaxAnswers = 50_000;

    public bool BelongToTalks(string collection) => TalkOfRecord.ContainsKey(collection);

    public async ValueTask<long> NewestAsync(CancellationToken ct = default) =>
        await QueryAsync(NewestSql, "", null, r => r.IsDBNull(0) ? 0 : r.GetInt64(0), ct);

    /// <summary>
    /// The talk the record <paramref name="id"/> of <paramref name="collection"/> belongs to (null when it belongs to
    /// none or does not exist), the newest change of that talk, and the newest change of shared records.
    /// </summary>
    public async ValueTask<TalkScope> ScopeAsync(string collection, string id, CancellationToken ct = default) =>
        await QueryAsync(ScopeSql[collection], collection, id, r => new TalkScope(
            r.IsDBNull(0) ? null : r.GetString(0),
            r.IsDBNull(1) ? 0 : r.GetInt64(1),
            r.IsDBNull(2) ? 0 : r.GetInt64(2)), ct);

    private async ValueTask<T> QueryAsync<T>(string sql, string name, string? id, Func<DbDataReader, T> read, CancellationToken ct)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            return QueryOnSqlite(sql, name, id, read);
        }

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        if (id is not null)
        {
            command.Parameters.AddWithValue("id", id);
        }

        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return read(reader);
    }

    /// <summary>
    /// Microseconds once prepared, so callers queue on a lock rather than each holding a connection. A reader in WAL
    /// mode sees every commit made before it starts, by this process or any other.
    /// </summary>
    private T QueryOnSqlite<T>(string sql, string name, string? id, Func<DbDataReader, T> read)
    {
        lock (_gate)
        {
            try
            {
                if (_sqlite is null)
                {
                    _sqlite = new SqliteConnection(database.ConnectionString);
                    _sqlite.Open();
                    using var pragma = _sqlite.CreateCommand();
                    pragma.CommandText = "PRAGMA busy_timeout=5000;";
                    pragma.ExecuteNonQuery();
                }

                // Read before the answer, so an answer is never filed under a version older than what it saw.
                var version = (long)Prepared("data_version", "PRAGMA data_version", null).ExecuteScalar()!;
                if (version != _answersVersion || _answers.Count >= MaxAnswers)
                {
                    _answers.Clear();
                    _answersVersion = version;
                }

                if (_answers.TryGetValue((name, id), out var known))
                {
                    return (T)known;
                }

                var command = Prepared(name, sql, id);
                if (id is not null)
                {
                    command.Parameters[0].Value = id;
                }

                using var reader = command.ExecuteReader();
                reader.Read();
                var answer = read(reader);
                _answers[(name, id)] = answer!;
                return answer;
            }
            catch
            {
                // Opened afresh by the next call, in case the failure left the connection unusable.
                Close();
                throw;
            }
        }
    }

    /// <summary>The statement, prepared on the kept connection at its first use; <c>@id</c> when it takes one.</summary>
    private SqliteCommand Prepared(string name, string sql, string? id)
    {
        if (!_prepared.TryGetValue(name, out var command))
        {
            command = _sqlite!.CreateCommand();
            command.CommandText = sql;
            if (id is not null)
            {
                command.Parameters.Add("@id", SqliteType.Text);
            }

            command.Prepare();
            _prepared[name] = command;
        }

        return command;
    }

    private void Close()
    {
        foreach (var command in _prepared.Values)
        {
            command.Dispose();
        }

        _prepared.Clear();
        _answers.Clear();
        _answersVersion = -1;
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
