using Microsoft.Data.Sqlite;

namespace Talks.Api.Hosting.Database;

/// <summary>
/// Functions a feature's SQL calls on SQLite (search's ranking), added by that feature's registration so the database
/// set-up knows none of them. Registered once per SQLite handle, before the handle's first use.
/// </summary>
public interface ISqliteFunctions
{
    void Register(SqliteConnection connection);
}
