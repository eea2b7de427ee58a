using System.Diagnostics;

namespace Talks.Api.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL cluster of a test's own (tests/postgres/cluster, whose path tests/postgres/run exports as
/// <c>TALKS_TEST_POSTGRES_CLUSTER</c>), for tests that stop the server: stopping the suite's shared one would fail
/// every other PostgreSQL test running beside them. Removed on dispose.
/// </summary>
public sealed class OwnPostgresCluster : IAsyncDisposable
{
    private const string ToolVariable = "TALKS_TEST_POSTGRES_CLUSTER";

    private readonly string _tool;
    private readonly string _folder;

    private OwnPostgresCluster(string tool, string folder, string connectionString)
    {
        _tool = tool;
        _folder = folder;
        ConnectionString = connectionString;
    }

    /// <summary>The server's connection string, without a database: give it to <see cref="TestDatabase(string?)"/>.</summary>
    public string ConnectionString { get; }

    public static async Task<OwnPostgresCluster> CreateAsync()
    {
        var tool = Environment.GetEnvironmentVariable(ToolVariable) is { Length: > 0 } set
            ? set
            : throw new InvalidOperationException($"{ToolVariable} is not set: run the suite with tests/postgres/run.");
        // Under the temp folder, which the postgres account can enter; a folder made by mktemp could not be.
        var folder = Path.Combine(Path.GetTempPath(), "talks-pg-own-" + Guid.NewGuid().ToString("N"));
        var connectionString = await RunAsync(tool, "create", folder);
        return new OwnPostgresCluster(tool, folder, connectionString.Trim());
    }

    /// <summary>A fast shutdown: sessions are cut, as when the server is restarted for maintenance.</summary>
    public Task StopAsync() => RunAsync(_tool, "stop", _folder);

    public Task StartAsync() => RunAsync(_tool, "start", _folder);

    public async ValueTask DisposeAsync() => await RunAsync(_tool, "remove", _folder);

    private static async Task<string> RunAsync(string tool, string command, string folder)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, [command, folder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException($"Could not start {tool}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"{tool} {command} {folder} exited with {process.ExitCode}: {await errors}");
    }
}
