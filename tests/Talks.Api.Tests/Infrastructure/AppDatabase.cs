namespace Talks.Api.Tests.Infrastructure;

/// <summary>Where a started app keeps its data, as <c>Database:Provider</c> and <c>ConnectionStrings:Talks</c> say.</summary>
public sealed record AppDatabase(string Provider, string ConnectionString)
{
    public static AppDatabase SqliteFile(string path) => new("Sqlite", $"Data Source={path}");
}
