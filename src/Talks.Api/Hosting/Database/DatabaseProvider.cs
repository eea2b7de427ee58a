namespace Talks.Api.Hosting.Database;

/// <summary>Which database engine holds the data: <c>Database:Provider</c>.</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded file; the default, nothing to install.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server, shared by several API instances.</summary>
    Postgres,
}
