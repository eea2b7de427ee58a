using Talks.Api.Hosting.Database;





namespace Talks.Api.Backups;

/// <summary>
/// <c>backup PATH</c>: an online backup from the command line, safe while the API serves requests from the same file.
/// </summary>
public static class BackupCommands
{
    public static bool Matches(string[] args) => args is ["backup", ..];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter errors)
    {
        if (args is not ["backup", var path] || path.StartsWith('-'))
        {
            await errors.WriteLineAsync("Usage: backup PATH   (PATH must not exist yet)");
            return 2;
        }

        if (services.GetRequiredService<DatabaseInfo>().Provider != DatabaseProvider.Sqlite)
        {
            await errors.WriteLineAsync("'backup' copies the SQLite file; on PostgreSQL use pg_dump (docs/deploying.md: Running on PostgreSQL).");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var backup = scope.ServiceProvider.GetRequiredService<Backup>();
        try
        {
            var file = await backup.ToFileAsync(path, CancellationToken.None);
            await output.WriteLineAsync(file.FullName);
            await errors.WriteLineAsync($"Backed up to {file.FullName} ({file.Length} bytes).");
            return 0;
        }
        catch (IOException e)
        {
            await errors.WriteLineAsync(e.Message);
            return 1;
        }
    }
}
