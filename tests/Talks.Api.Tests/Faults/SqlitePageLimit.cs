using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Talks.Api.Tests.Faults;

/// <summary>
/// A full disk without a full disk: SQLite refuses to grow a database past <c>max_page_count</c> pages with the
/// same <c>SQLITE_FULL</c> a full file system gives. The setting belongs to the connection, not the file, so it is
/// put on each of the app's connections as EF opens it, and can be raised again to "free space".
/// </summary>
internal sealed class SqlitePageLimit : DbConnectionInterceptor
{
    /// <summary>SQLite's own ceiling: in effect, no limit.</summary>
    public const long Unlimited = 4294967294;

    private long _pages = Unlimited;

    public long Pages
    {
        get => Interlocked.Read(ref _pages);
        set => Interlocked.Exchange(ref _pages, value);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply((SqliteConnection)connection, Pages);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply((SqliteConnection)connection, Pages);
        return Task.CompletedTask;
    }

    public static void Apply(SqliteConnection connection, long pages)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA max_page_count = {pages}";
        command.ExecuteScalar();
    }

    public static long PageCount(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA page_count";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
