using Microsoft.Data.Sqlite;

namespace Talks.Api.Tests.Infrastructure;

/// <summary>
/// Where a started app keeps its data, as <c>Database:Provider</c> and <c>ConnectionStrings:Talks</c> say; it
/// outlives several starts of the app. This one is a SQLite file in a folder of its own, removed on dispose.
/// </summary>
public sealed class AppDatabase : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "talks-tests", Guid.NewGuid().ToString("N"));

    public AppDatabase()
    {
        Directory.CreateDirectory(_folder);
        ConnectionString = $"Data Source={Path.Combine(_folder, "talks.db")}";
    }

    public string Provider => "Sqlite";

    public string ConnectionString { get; }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp-folder sweep rather than failing a test that passed.
        }
    }
}
