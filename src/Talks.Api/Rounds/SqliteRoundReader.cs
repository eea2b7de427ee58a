using System.Collections.Concurrent;
using Talks.Api.Hosting.Database;
using Talks.Api.Records;

namespace Talks.Api.Rounds;

/// <summary>
/// A whole round read from SQLite without EF Core, for <c>GET /api/v1/rounds/{id}</c> and the round's other formats.
/// Through EF the uncached read was ten split queries, each built, parsed and planned again per request, and EF's
/// query cache hashed the projection's expression tree every time. Here each kept connection (a
/// <see cref="PreparedSqliteConnection"/>, the helper the change numbers use too) holds the statements prepared once,
/// each a plain lookup by the round's id, read in one transaction so the parts come from one snapshot; rows go
/// straight into the response records. <see cref="RoundResource.Kind"/>'s projection stays the definition of the
/// answer (PostgreSQL and every write's read-back use it), and <c>RoundReaderTests</c> holds the two equal.
/// </summary>
public sealed class SqliteRoundReader(DatabaseInfo database) : IRecordReader<RoundDetailResponse>, IDisposable
{
    private readonly ConcurrentBag<PreparedSqliteConnection> _idle = [];

    /// <summary>How many sessions are in <see cref="_idle"/>: the bag's own count takes every one of its locks.</summary>
    private int _idleCount;
    private volatile bool _disposed;

    /// <summary>More than this many idle connections are closed on return; readers beyond it open their own.</summary>
    private static readonly int MaxIdle = Environment.ProcessorCount * 4;

    public bool Applies => database.Provider == DatabaseProvider.Sqlite;

    public RoundDetailResponse? Read(string id)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        PreparedSqliteConnection session;
        if (_idle.TryTake(out var idle))
        {
            Interlocked.Decrement(ref _idleCount);
            session = idle;
        }
        else
        {
            session = new PreparedSqliteConnection(database.ConnectionString);
        }

        try
        {
            var round = session.InOneSnapshot(s => ReadRound(s, id));
            Return(session);
            return round;
        }
        catch
        {
            // Not returned: a failure may have left the connection or its statements unusable.
            session.Dispose();
            throw;
        }
    }

    private void Return(PreparedSqliteConnection session)
    {
        if (_disposed)
        {
            session.Dispose();
            return;
        }

        if (Interlocked.Increment(ref _idleCount) > MaxIdle)
        {
            Interlocked.Decrement(ref _idleCount);
            session.Dispose();
            return;
        }

        _idle.Add(session);
        if (_disposed && _idle.TryTake(out var late))
        {
            late.Dispose();
        }
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var session))
        {
            session.Dispose();
        }
    }

    /// <summary>The round and its parts, read in one snapshot.</summary>
    private static RoundDetailResponse? ReadRound(PreparedSqliteConnection sqlite, string id)
    {
        var round = sqlite.One(RoundSql.Round, id, RoundRows.Round);
        if (round is null)
        {
            return null;
        }

        var renewals = sqlite.Many(RoundSql.Renewals, id, RoundRows.Renewal).ToLookup(r => r.AgreementId, r => r.Renewal);
        var obligations = sqlite.Many(RoundSql.Obligations, id, RoundRows.Obligation).ToLookup(o => o.AgreementId, o => o.Obligation);
        var events = sqlite.Many(RoundSql.Events, id, RoundRows.Event).ToLookup(e => e.AgreementId);
        return round with
        {
            Participants = sqlite.Many(RoundSql.Participants, id, RoundRows.Participant),
            Delegates = sqlite.Many(RoundSql.Delegates, id, RoundRows.Delegate),
            Positions = sqlite.Many(RoundSql.Positions, id, RoundRows.Position),
            Statements = sqlite.Many(RoundSql.Statements, id, RoundRows.Statement),
            Agreements = sqlite.Many(RoundSql.Agreements, id, r => RoundRows.Agreement(r, renewals, obligations, events)),
        };
    }
}
