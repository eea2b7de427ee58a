namespace Talks.Api.Hosting.Database;

/// <summary>
/// The provider the app was started with, for the few places whose SQL differs, and the connection string for the
/// few that go around EF Core. Not a record: a record's ToString would print the string, password and all.
/// </summary>
public sealed class DatabaseInfo(DatabaseProvider provider, string connectionString)
{
    public DatabaseProvider Provider { get; } = provider;

    public string ConnectionString { get; } = connectionString;
}
