using Microsoft.Data.Sqlite;

namespace Talks.Api.Tests.Infrastructure;

/// <summary>A database file that outlives several starts of the app, for tests about what a restart does.</summary>
public sealed class TemporaryDatabase : IDisposable
{
    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "talks-tests", Guid.NewGuid().ToString("N"));

    public TemporaryDatabase()
    {
        Directory.CreateDirectory(_folder);
        Path = System.IO.Path.Combine(_folder, "talks.db");
    }

    public string Path { get; }

    /// <summary>Starts the app on this file. Dispose the factory before the next start, as a restart would.</summary>
    public TalksApiFactory Start() => new(Path, withKeys: true);

    /// <summary>Starts the app on this file without adding test keys, so the database holds only what the app wrote.</summary>
    public TalksApiFactory StartUntouched() => new(Path, withKeys: false);

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
