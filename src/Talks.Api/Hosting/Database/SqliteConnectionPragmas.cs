using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Talks.Api.Hosting.Database;

/// <summary>
/// Per-connection settings. busy_timeout: wait for a competing writer instead of failing at once with "database is
/// locked". synchronous=FULL (the default here): every commit is on disk before the API answers, so an acknowledged
/// write survives a power cut, at the cost of one fsync per commit; NORMAL trades the last commits before a power
/// cut (never a process crash) for speed.
/// </summary>
internal sealed class SqliteConnectionPragmas(string synchronous, IEnumerable<ISqliteFunctions> functions) : DbConnectionInterceptor
{
    private readonly ISqliteFunctions[] _functions = functions.ToArray();

    private readonly string Pragmas = $"PRAGMA busy_timeout=5000; PRAGMA synchronous={synchronous};";

    /// <summary>
    /// SQLite's own lower() folds only ASCII, so a q= filter would miss "Çanakkale" for "çanakkale"; this one folds
    /// every letter, as .NET does.
    /// </summary>
    private static void FoldCaseLikeDotNet(DbConnection connection) =>
        ((SqliteConnection)connection).CreateFunction<string?, string?>("lower", text => text?.ToLowerInvariant(), isDeterministic: true);

    /// <summary>
    /// The pool hands the same SQLite handle to many <see cref="SqliteConnection"/> objects in turn, and this runs on
    /// every one of those opens; the pragmas stay set on the handle, so they are sent once per handle, not per
    /// query (a cached read's one query would otherwise cost three).
    /// </summary>
    private readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> _configured = new();

    private bool FirstOpenOf(DbConnection connection) =>
        ((SqliteConnection)connection).Handle is { } handle && _configured.TryAdd(handle, this);

    /// <summary>The functions the app's SQL calls; whether the handle is new and still needs <see cref="Pragmas"/>.</summary>
    private bool PrepareAndTellIfNew(DbConnection connection)
    {
        FoldCaseLikeDotNet(connection);
        if (!FirstOpenOf(connection))
        {
            return false;
        }

        foreach (var function in _functions)
        {
            function.Register((SqliteConnection)connection);
        }

        return true;
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (PrepareAndTellIfNew(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (PrepareAndTellIfNew(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
