using System.Net;
using Talks.Api.Tests.Infrastructure;

namespace Talks.Api.Tests.Operations;

/// <summary>
/// What a developer reads on the console under <c>dotnet run</c> (Development), and what a script takes from standard
/// output: the ephemeral mode's URL and key as its first lines, a command's answer and nothing else.
/// </summary>
public sealed class ConsoleOutputTests : IDisposable
{
    private const string SqlCommandCategory = "Microsoft.EntityFrameworkCore.Database.Command";

    private static readonly Dictionary<string, string> Development = new() { ["ASPNETCORE_ENVIRONMENT"] = "Development" };

    private readonly TestDatabase _database = new();

    [Fact]
    public async Task TheEphemeralModeAnnouncesItsUrlAndKeyAsItsOnlyStandardOutputWithoutLoggingSql()
    {
        var (app, key) = await AppProcess.StartEphemeralAsync(Development);
        await using var _ = app;
        using var client = app.CreateClient(key);

        using var keys = await client.GetAsync("/api/v1/keys");

        Assert.Equal(HttpStatusCode.OK, keys.StatusCode);
        Assert.Collection(
            app.OutputLines,
            line => Assert.StartsWith("Talks (ephemeral) listening on http://127.0.0.1:", line),
            line => Assert.Equal($"Admin key: {key}", line));
        Assert.StartsWith("talks_", key);
        Assert.Contains(app.ErrorLines, l => l.StartsWith("info: Microsoft.Hosting.Lifetime", StringComparison.Ordinal));
        Assert.DoesNotContain(app.ErrorLines, l => l.Contains(SqlCommandCategory, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SettingTheSqlCommandLogToInformationLogsEachCommandOnStandardError()
    {
        var verbose = new Dictionary<string, string>(Development) { [$"Logging__LogLevel__{SqlCommandCategory}"] = "Information" };

        var (app, key) = await AppProcess.StartEphemeralAsync(verbose);
        await using var _ = app;

        Assert.Equal(2, app.OutputLines.Count);
        Assert.Contains(app.ErrorLines, l => l.Contains(SqlCommandCategory, StringComparison.Ordinal));
        Assert.Contains(app.ErrorLines, l => l.Contains("INSERT INTO \"ApiKeys\"", StringComparison.Ordinal));
        Assert.StartsWith("talks_", key);
    }

    [Fact]
    public async Task EachKeyCommandPrintsOnlyItsAnswerAndLogsNothingRoutineInDevelopment()
    {
        // The first command meets an empty database, so it migrates and seeds it too: the noisiest run there is.
        var created = await AppProcess.RunCommandAsync(_database, Development, "keys", "create", "--name", "console-desk", "--role", "admin");
        var listed = await AppProcess.RunCommandAsync(_database, Development, "keys", "list");
        var revoked = await AppProcess.RunCommandAsync(_database, Development, "keys", "revoke", "console-desk");

        Assert.Matches("^talks_[A-Za-z0-9_-]+$", Assert.Single(Lines(created.Output)));
        Assert.StartsWith("console-desk\tadmin\ttalks_", Assert.Single(Lines(listed.Output)));
        Assert.Equal("Revoked 'console-desk'.", Assert.Single(Lines(revoked.Output)));
        // Warnings and errors still reach stderr (on PostgreSQL, EF Core logs its failed look for the migrations
        // table of a new database as an error); routine Information lines do not.
        Assert.DoesNotContain(Lines(created.Errors), l => l.StartsWith("info:", StringComparison.Ordinal));
        Assert.Contains("Created admin key 'console-desk'. This is the only time it is shown; store it now.", Lines(created.Errors));
        Assert.Empty(Lines(listed.Errors));
        Assert.Empty(Lines(revoked.Errors));
        Assert.Equal(new[] { 0, 0, 0 }, new[] { created.Code, listed.Code, revoked.Code });
    }

    [SqliteOnlyFact]
    public async Task TheBackupCommandPrintsOnlyItsAnswerInDevelopment()
    {
        var backupPath = Path.Combine(Path.GetDirectoryName(_database.FilePath)!, "copy.db");

        var backup = await AppProcess.RunCommandAsync(_database, Development, "backup", backupPath);

        Assert.Equal(0, backup.Code);
        Assert.Equal(backupPath, Assert.Single(Lines(backup.Output)));
        Assert.StartsWith("Backed up to ", Assert.Single(Lines(backup.Errors)));
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public void Dispose() => _database.Dispose();
}
