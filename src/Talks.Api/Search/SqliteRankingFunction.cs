using Microsoft.Data.Sqlite;
using Talks.Api.Hosting.Database;

namespace Talks.Api.Search;

/// <summary>Adds <see cref="SqliteRanking"/> to every SQLite connection the app opens through EF Core.</summary>
internal sealed class SqliteRankingFunction : ISqliteFunctions
{
    public void Register(SqliteConnection connection) => SqliteRanking.Register(connection);
}
