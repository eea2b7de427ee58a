using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Talks.Api.Hosting.Database;
using Talks.Api.Records;

namespace Talks.Api.Rounds;

/// <summary>
/// A whole round read from SQLite without EF Core, for <c>GET /api/v1/rounds/{id}</c> and the round's other formats.
/// Through EF the uncached read was ten split queries, each built, parsed and planned again per request, and EF's
/// query cache hashed the projection's expression tree every time. Here each kept connection holds the ten statements
/// prepared once, each a plain lookup by the round's id, read in one transaction so the parts come from one snapshot;
/// rows go straight into the response records. <see cref="RoundResource.Kind"/>'s projection stays the definition of
/// the answer (PostgreSQL and every write's read-back use it), and <c>RoundReaderTests</c> holds the two equal.
/// </summary>
public sealed class SqliteRoundReader(DatabaseInfo database) : IRecordReader<RoundDetailResponse>, IDisposable
{
    private readonly ConcurrentBag<Session> _idle = [];

    /// <summary>How many sessions are in <see cref="_idle"/>: the bag's own count takes every one of its locks.</summary>
    private int _idleCount;
    private volatile bool _disposed;

    /// <summary>More than this many idle connections are closed on return; readers beyond it open their own.</summary>
    private static readonly int MaxIdle = Environment.ProcessorCount * 4;

    public bool Applies => database.Provider == DatabaseProvider.Sqlite;

    public RoundDetailResponse? Read(string id)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Session session;
        if (_idle.TryTake(out var idle))
        {
            Interlocked.Decrement(ref _idleCount);
            session = idle;
        }
        else
        {
            session = new Session(database.ConnectionString);
        }

        try
        {
            var round = session.Read(id);
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

    private void Return(Session session)
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

    /// <summary>One connection and its prepared statements, used by one request at a time.</summary>
    private sealed class Session : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteCommand _round, _participants, _delegates, _positions, _statements, _agreements, _renewals,
            _obligations, _events;

        public Session(string connectionString)
        {
            _connection = new SqliteConnection(connectionString);
            _connection.Open();
            using (var pragma = _connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA busy_timeout=5000;";
                pragma.ExecuteNonQuery();
            }

            _round = Prepare(RoundSql.Round);
            _participants = Prepare(RoundSql.Participants);
            _delegates = Prepare(RoundSql.Delegates);
            _positions = Prepare(RoundSql.Positions);
            _statements = Prepare(RoundSql.Statements);
            _agreements = Prepare(RoundSql.Agreements);
            _renewals = Prepare(RoundSql.Renewals);
            _obligations = Prepare(RoundSql.Obligations);
            _events = Prepare(RoundSql.Events);
        }

        private SqliteCommand Prepare(string sql)
        {
            var command = _connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.Add("@id", SqliteType.Text);
            command.Prepare();
            return command;
        }

        public RoundDetailResponse? Read(string id)
        {
            using var transaction = _connection.BeginTransaction(deferred: true);
            var round = One(_round, transaction, id, RoundRows.Round);
            if (round is null)
            {
                return null;
            }

            var renewals = Many(_renewals, transaction, id, RoundRows.Renewal).ToLookup(r => r.AgreementId, r => r.Renewal);
            var obligations = Many(_obligations, transaction, id, RoundRows.Obligation).ToLookup(o => o.AgreementId, o => o.Obligation);
            var events = Many(_events, transaction, id, RoundRows.Event).ToLookup(e => e.AgreementId);
            var agreements = Many(_agreements, transaction, id, r => RoundRows.Agreement(r, renewals, obligations, events));
            var answer = round with
            {
                Participants = Many(_participants, transaction, id, RoundRows.Participant),
                Delegates = Many(_delegates, transaction, id, RoundRows.Delegate),
                Positions = Many(_positions, transaction, id, RoundRows.Position),
                Statements = Many(_statements, transaction, id, RoundRows.Statement),
                Agreements = agreements,
            };
            transaction.Commit();
            return answer;
        }

        private static T? One<T>(SqliteCommand command, SqliteTransaction transaction, string id, Func<SqliteDataReader, T> map)
            where T : class
        {
            command.Transaction = transaction;
            command.Parameters[0].Value = id;
            using var reader = command.ExecuteReader();
            return reader.Read() ? map(reader) : null;
        }

        private static List<T> Many<T>(SqliteCommand command, SqliteTransaction transaction, string id, Func<SqliteDataReader, T> map)
        {
            command.Transaction = transaction;
            command.Parameters[0].Value = id;
            using var reader = command.ExecuteReader();
            var rows = new List<T>();
            while (reader.Read())
            {
                rows.Add(map(reader));
            }

            return rows;
        }

        public void Dispose()
        {
            foreach (var command in new[] { _round, _participants, _delegates, _positions, _statements, _agreements, _renewals, _obligations, _events })
            {
                command.Dispose();
            }

            _connection.Dispose();
        }
    }
}
