using System.Collections.Concurrent;
using Npgsql;
using Talks.Api.Answers.Caching;
using Talks.Api.Hosting.Database;
using Talks.Data.Entities;

namespace Talks.Api.Changes;

/// <summary>
/// The change numbers on PostgreSQL, kept in memory so that a cache hit needs no round trip: asking the server on
/// every read made a hit about 9× slower than on SQLite. Three things move them: the changes this process commits
/// (<see cref="Committed"/>, before the write is answered), the changes any process commits, read from the change
/// table when <see cref="ChangeListener"/> hears a notification, and what a read finds when it has to ask the database
/// (a talk or record not yet remembered). While notifications do not arrive (<see cref="Notified"/> false: starting, or
/// the listening connection lost), every read asks the database for its numbers, as all reads did before; the
/// listener catches the numbers in memory up once it listens again.
/// </summary>
/// <remarks>
/// Every number is one a committed change carries, so a key made of them never claims more than the database holds;
/// and the numbers only grow. Change ids become visible in the order they are given out (SQLite has one writer, and on
/// PostgreSQL every transaction that records changes holds one lock until it commits), so reading the change table
/// past <see cref="Applied"/> never skips one: everything up to <see cref="Applied"/> has been applied.
/// </remarks>
public sealed class PostgresChangeNumbers(DatabaseInfo database) : ChangeNumbers
{
    /// <summary>
    /// How long a read naming a change this process has not seen waits for its notification before asking the
    /// database: a notification normally follows its commit within a millisecond or two.
    /// </summary>
    internal static readonly TimeSpan NotificationPatience = TimeSpan.FromMilliseconds(150);

    /// <summary>Changes read from the table at a time; a longer gap (a long disconnection) is read page by page.</summary>
    private const int Page = 1000;

    /// <summary>Past this many remembered talks or records, they are dropped and gathered again as they are read.</summary>
    private const int MaxRemembered = 50_000;

    private const string ChangesAfterSql = """
        SELECT "Id", "Collection", "RecordId", "TalkId", "Kind" FROM "Changes" WHERE "Id" > @after ORDER BY "Id" LIMIT @page
        """;

    private const string StartSql = """
        SELECT (SELECT MAX("Id") FROM "Changes"), (SELECT MAX("Id") FROM "Changes" WHERE "TalkId" IS NULL)
        """;

    /// <summary>The collections whose records' talks are remembered; a talk's talk is its own id.</summary>
    private static readonly HashSet<string> RecordsInTalks = ["rounds", "positions", "statements", "agreements"];

    private readonly Lock _gate = new();

    /// <summary>Every change up to this one is applied; -1 until the numbers are first read.</summary>
    private long _applied = -1;

    /// <summary>The newest change known, for reads that depend on every record.</summary>
    private long _newest;

    /// <summary>The newest change of shared records (parties, people, sources, topics; resets; moves).</summary>
    private long _shared;

    /// <summary>The newest change of each talk seen or asked for.</summary>
    private readonly ConcurrentDictionary<string, long> _talks = new(StringComparer.Ordinal);

    /// <summary>
    /// Which talk each record read belongs to (null for none): it changes only when a record is created (perhaps
    /// under an id that was read while it did not exist), moved to another talk, or everything is reset.
    /// </summary>
    private readonly ConcurrentDictionary<(string Collection, string Id), string?> _recordTalks = new();

    /// <summary>
    /// Moves whenever remembered talks or records are dropped: an answer the database gave before cannot be known to
    /// be still true, so it is not remembered (it still serves the read that asked).
    /// </summary>
    private int _talksEpoch;

    private int _recordsEpoch;

    private TaskCompletionSource _moved = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private volatile bool _notified;

    /// <summary>Whether notifications arrive, so the numbers in memory follow every commit without being asked.</summary>
    public bool Notified
    {
        get => _notified;
        internal set => _notified = value;
    }

    /// <summary>Every change up to this one is reflected in the numbers (-1 before they are first read).</summary>
    public long Applied => Volatile.Read(ref _applied);

    public override async ValueTask<long> NewestAsync(CancellationToken ct = default)
    {
        if (_notified)
        {
            return Volatile.Read(ref _newest);
        }

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(NewestSql, connection);
        return await command.ExecuteScalarAsync(ct) is long newest ? newest : 0;
    }

    public override async ValueTask<TalkScope> ScopeAsync(string collection, string id, CancellationToken ct = default)
    {
        if (!_notified)
        {
            return await AskAsync(collection, id, remember: false, 0, 0, ct);
        }

        var talksEpoch = Volatile.Read(ref _talksEpoch);
        var recordsEpoch = Volatile.Read(ref _recordsEpoch);
        string? talk = id;
        if (collection != Talks && !_recordTalks.TryGetValue((collection, id), out talk))
        {
            return await AskAsync(collection, id, remember: true, talksEpoch, recordsEpoch, ct);
        }

        if (talk is null)
        {
            return new TalkScope(null, 0, Volatile.Read(ref _shared));
        }

        return _talks.TryGetValue(talk, out var newest)
            ? new TalkScope(talk, newest, Volatile.Read(ref _shared))
            : await AskAsync(collection, id, remember: true, talksEpoch, recordsEpoch, ct);
    }

    public override async ValueTask CatchUpAsync(long change, CancellationToken ct)
    {
        if (Volatile.Read(ref _applied) >= change)
        {
            return;
        }

        if (_notified)
        {
            var deadline = TimeProvider.System.GetTimestamp() + (long)(NotificationPatience.TotalSeconds * TimeProvider.System.TimestampFrequency);
            while (Volatile.Read(ref _applied) < change)
            {
                var moved = Volatile.Read(ref _moved).Task;
                var left = TimeProvider.System.GetElapsedTime(TimeProvider.System.GetTimestamp(), deadline);
                if (Volatile.Read(ref _applied) >= change || left <= TimeSpan.Zero)
                {
                    break;
                }

                try
                {
                    await moved.WaitAsync(left, ct);
                }
                catch (TimeoutException)
                {
                    break;
                }
            }

            if (Volatile.Read(ref _applied) >= change)
            {
                return;
            }
        }

        // Not heard of in time, or not listening: read what moved from the table (a number the database never gave
        // out stays unseen, and the read goes on with what the database holds). While not listening, the read itself
        // asks the database; catching up here as well keeps the numbers whole for the moment listening resumes.
        await CatchUpAsync(null, ct);
    }

    public override void Committed(IReadOnlyList<ChangeRecord> changes)
    {
        var rows = new List<ChangeRow>(changes.Count);
        foreach (var change in changes)
        {
            rows.Add(new ChangeRow(change.Id, change.Collection, change.RecordId, change.TalkId, change.Kind));
        }

        Apply(rows, contiguous: false);
    }

    /// <summary>
    /// Reads the changes past <see cref="Applied"/> from the table and applies them: on the listening connection when
    /// a notification arrives (<paramref name="connection"/>), or on a pooled one when a read must ask.
    /// </summary>
    internal async Task CatchUpAsync(NpgsqlConnection? connection, CancellationToken ct)
    {
        NpgsqlConnection? pooled = null;
        try
        {
            if (connection is null)
            {
                pooled = new NpgsqlConnection(database.ConnectionString);
                await pooled.OpenAsync(ct);
                connection = pooled;
            }

            if (Volatile.Read(ref _applied) < 0)
            {
                await StartAsync(connection, ct);
            }

            int read;
            do
            {
                await using var command = new NpgsqlCommand(ChangesAfterSql, connection);
                command.Parameters.AddWithValue("after", Volatile.Read(ref _applied));
                command.Parameters.AddWithValue("page", Page);
                var rows = new List<ChangeRow>();
                await using (var reader = await command.ExecuteReaderAsync(ct))
                {
                    while (await reader.ReadAsync(ct))
                    {
                        rows.Add(new ChangeRow(
                            reader.GetInt64(0),
                            reader.GetString(1),
                            reader.GetString(2),
                            reader.IsDBNull(3) ? null : reader.GetString(3),
                            Enum.Parse<ChangeKind>(reader.GetString(4))));
                    }
                }

                Apply(rows, contiguous: true);
                read = rows.Count;
            }
            while (read == Page);
        }
        finally
        {
            if (pooled is not null)
            {
                await pooled.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// The first reading: the newest change and the newest shared one. What was remembered before it (changes this
    /// process committed while starting) is dropped, since changes of other processes may have passed unheard.
    /// </summary>
    private async Task StartAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(StartSql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var newest = reader.IsDBNull(0) ? 0 : reader.GetInt64(0);
        var shared = reader.IsDBNull(1) ? 0 : reader.GetInt64(1);
        lock (_gate)
        {
            if (_applied >= 0)
            {
                return;
            }

            ForgetTalks();
            ForgetRecords();
            _shared = Math.Max(_shared, shared);
            _newest = Math.Max(_newest, newest);
            Volatile.Write(ref _applied, newest);
        }
    }

    /// <summary>
    /// Asks the database where a record stands, as every read did before notifications. <paramref name="remember"/>:
    /// keeps the answer unless something was dropped meanwhile; not while notifications do not arrive, since the
    /// numbers in memory are then behind and are caught up, whole, once they arrive again.
    /// </summary>
    private async ValueTask<TalkScope> AskAsync(string collection, string id, bool remember, int talksEpoch, int recordsEpoch, CancellationToken ct)
    {
        TalkScope asked;
        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand(ScopeSql[collection], connection);
            command.Parameters.AddWithValue("id", id);
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            asked = new TalkScope(
                reader.IsDBNull(0) ? null : reader.GetString(0),
                reader.IsDBNull(1) ? 0 : reader.GetInt64(1),
                reader.IsDBNull(2) ? 0 : reader.GetInt64(2));
        }

        if (!remember)
        {
            return asked;
        }

        lock (_gate)
        {
            _shared = Math.Max(_shared, asked.Shared);
            if (asked.TalkId is { } talk && talksEpoch == _talksEpoch)
            {
                Remember(talk, asked.Talk);
            }

            if (collection != Talks && recordsEpoch == _recordsEpoch)
            {
                if (_recordTalks.Count >= MaxRemembered)
                {
                    ForgetRecords();
                }
                else
                {
                    _recordTalks[(collection, id)] = asked.TalkId;
                }
            }

            var talkNewest = asked.TalkId is { } known && _talks.TryGetValue(known, out var remembered) ? Math.Max(remembered, asked.Talk) : asked.Talk;
            return asked with { Talk = talkNewest, Shared = _shared };
        }
    }

    /// <summary>
    /// Moves the numbers by committed changes. <paramref name="contiguous"/>: the changes are every one past
    /// <see cref="Applied"/> up to the last (read from the table in order), so <see cref="Applied"/> moves too;
    /// otherwise (this process's own commit) only the talks' numbers and the newest do.
    /// </summary>
    private void Apply(List<ChangeRow> rows, bool contiguous)
    {
        if (rows.Count == 0)
        {
            return;
        }

        lock (_gate)
        {
            foreach (var row in rows)
            {
                if (contiguous && row.Id <= _applied)
                {
                    continue;
                }

                if (row.TalkId is { } talk)
                {
                    Remember(talk, row.Id);
                }
                else
                {
                    _shared = Math.Max(_shared, row.Id);
                }

                if (row.Kind == ChangeKind.Reset)
                {
                    ForgetRecords();
                }
                else if (RecordsInTalks.Contains(row.Collection) && (row.Kind == ChangeKind.Created || row.TalkId is null))
                {
                    // Created: its id may have been read while it did not exist. No talk: moved from one talk to
                    // another (a round takes what it holds along), or outside any.
                    if (row.Collection == "rounds")
                    {
                        ForgetRecords();
                    }
                    else
                    {
                        _recordTalks.TryRemove((row.Collection, row.RecordId), out _);
                        _recordsEpoch++;
                    }
                }

                _newest = Math.Max(_newest, row.Id);
            }

            if (contiguous && _applied >= 0)
            {
                Volatile.Write(ref _applied, Math.Max(_applied, rows[^1].Id));
            }

            Interlocked.Exchange(ref _moved, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }
    }

    private void Remember(string talk, long change)
    {
        if (_talks.Count >= MaxRemembered && !_talks.ContainsKey(talk))
        {
            ForgetTalks();
        }

        _talks.AddOrUpdate(talk, change, (_, known) => Math.Max(known, change));
    }

    private void ForgetTalks()
    {
        _talks.Clear();
        _talksEpoch++;
    }

    private void ForgetRecords()
    {
        _recordTalks.Clear();
        _recordsEpoch++;
    }

    private readonly record struct ChangeRow(long Id, string Collection, string RecordId, string? TalkId, ChangeKind Kind);
}
