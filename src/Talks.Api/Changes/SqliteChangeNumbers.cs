using Microsoft.Data.Sqlite;
using Talks.Api.Answers.Caching;
using Talks.Api.Hosting.Database;
using Talks.Data.Entities;

namespace Talks.Api.Changes;

/// <summary>
/// The change numbers on SQLite. Every cached read asks, so this goes around EF Core: through EF the question cost a
/// cache hit almost half its CPU (a DbContext and its services, a connection taken from the pool and set up, the
/// statement parsed again), against the answer itself, one step down an index of the change table. One connection is
/// kept open with the statements prepared, used by one caller at a time.
/// </summary>
/// <remarks>
/// Whether the database moved is asked (<c>PRAGMA data_version</c>) at most once a millisecond: each asking is a read
/// transaction with its file locks, under a lock every cached read queues on, and asking on every hit cost about a
/// sixth of a hit's CPU (measured in docs/benchmarks.md). This process's own commits are told
/// (<see cref="Committed"/>) and a read naming a change (<see cref="CatchUpAsync"/>) asks at once, so a read after a
/// write through this process, or naming it, is never older than the write; a commit by another process on the same
/// file is seen within the millisecond.
/// </remarks>
public sealed class SqliteChangeNumbers(DatabaseInfo database, TimeProvider clock) : ChangeNumbers, IDisposable
{
    private readonly Lock _gate = new();
    private PreparedSqliteConnection? _sqlite;

    /// <summary>
    /// Answers given since the database last changed, by statement and id. SQLite's <c>data_version</c> moves when any
    /// other connection, in this process or another, commits, and this connection never writes; while it stands
    /// still, the numbers cannot have moved, and a cache hit costs one pragma instead of three index lookups.
    /// </summary>
    private readonly Dictionary<(string Name, string? Id), object> _answers = [];
    private long _answersVersion = -1;

    /// <summary>How long an asking of <c>data_version</c> stands for the next reads: a millisecond.</summary>
    private readonly long _patience = clock.TimestampFrequency / 1000;

    private long _askedAt;
    private volatile bool _mustAsk;

    /// <summary>Past this many, the answers are dropped and gathered again: one per record read between two writes.</summary>
    private const int MaxAnswers = 50_000;

    private const string DataVersionSql = "PRAGMA data_version";

    public override ValueTask<long> NewestAsync(CancellationToken ct = default) =>
        ValueTask.FromResult(Query(NewestSql, "", null, static r => r.IsDBNull(0) ? 0 : r.GetInt64(0)));

    public override ValueTask<TalkScope> ScopeAsync(string collection, string id, CancellationToken ct = default) =>
        ValueTask.FromResult(Query(ScopeSql[collection], collection, id, static r => new TalkScope(
            r.IsDBNull(0) ? null : r.GetString(0),
            r.IsDBNull(1) ? 0 : r.GetInt64(1),
            r.IsDBNull(2) ? 0 : r.GetInt64(2))));

    /// <summary>Nothing to wait for: the next read asks <c>data_version</c>, which moves with any commit by any process.</summary>
    public override ValueTask CatchUpAsync(long change, CancellationToken ct)
    {
        _mustAsk = true;
        return ValueTask.CompletedTask;
    }

    /// <summary>The commit moved <c>data_version</c>: the next read asks.</summary>
    public override void Committed(IReadOnlyList<ChangeRecord> changes) => _mustAsk = true;

    /// <summary>
    /// Microseconds once prepared, so callers queue on a lock rather than each holding a connection. A reader in WAL
    /// mode sees every commit made before it starts, by this process or any other.
    /// </summary>
    private T Query<T>(string sql, string name, string? id, Func<SqliteDataReader, T> read)
    {
        lock (_gate)
        {
            try
            {
                _sqlite ??= new PreparedSqliteConnection(database.ConnectionString);

                // Read before the answer, so an answer is never filed under a version older than what it saw.
                var now = clock.GetTimestamp();
                if (_mustAsk || _answersVersion < 0 || now - _askedAt >= _patience)
                {
                    // Cleared before asking: a commit told of after this is asked about by the next read.
                    _mustAsk = false;
                    var version = _sqlite.Single(DataVersionSql, null, static r => r.GetInt64(0));
                    _askedAt = now;
                    if (version != _answersVersion || _answers.Count >= MaxAnswers)
                    {
                        _answers.Clear();
                        _answersVersion = version;
                    }
                }

                if (_answers.TryGetValue((name, id), out var known))
                {
                    return (T)known;
                }

                var answer = _sqlite.Single(sql, id, read);
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

    private void Close()
    {
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
