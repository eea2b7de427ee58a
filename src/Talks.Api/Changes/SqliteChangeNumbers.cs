using System.Data.Common;
using Microsoft.Data.Sqlite;
using Talks.Api.Hosting.Database;
using Talks.Api.Reading;
using Talks.Data.Entities;

namespace Talks.Api.Changes;

/// <summary>
/// The change numbers on SQLite. Every cached read asks, so this goes around EF Core: through EF the question cost a
/// cache hit almost half its CPU (a DbContext and its services, a connection taken from the pool and set up, the
/// statement parsed again), against the answer itself, one step down an index of the change table. One connection is
/// kept open with the statements prepared, used by one caller at a time.
/// </summary>
public sealed class SqliteChangeNumbers(DatabaseInfo database) : ChangeNumbers, IDisposable
{
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

    public override ValueTask<long> NewestAsync(CancellationToken ct = default) =>
        ValueTask.FromResult(Query(NewestSql, "", null, r => r.IsDBNull(0) ? 0 : r.GetInt64(0)));

    public override ValueTask<TalkScope> ScopeAsync(string collection, string id, CancellationToken ct = default) =>
        ValueTask.FromResult(Query(ScopeSql[collection], collection, id, r => new TalkScope(
            r.IsDBNull(0) ? null : r.GetString(0),
            r.IsDBNull(1) ? 0 : r.GetInt64(1),
            r.IsDBNull(2) ? 0 : r.GetInt64(2))));

    /// <summary>Nothing to wait for: every read asks <c>data_version</c>, which moves with any commit by any process.</summary>
    public override ValueTask CatchUpAsync(long change, CancellationToken ct) => ValueTask.CompletedTask;

    /// <summary>Nothing to do: the commit moves <c>data_version</c>, and the next read sees it.</summary>
    public override void Committed(IReadOnlyList<ChangeRecord> changes)
    {
    }

    /// <summary>
    /// Microseconds once prepared, so callers queue on a lock rather than each holding a connection. A reader in WAL
    /// mode sees every commit made before it starts, by this process or any other.
    /// </summary>
    private T Query<T>(string sql, string name, string? id, Func<DbDataReader, T> read)
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
