using Microsoft.AspNetCore.Http.HttpResults;
using Talks.Api.Hosting.Database;
using Talks.Api.Keys;

namespace Talks.Api.Backups;

/// <summary>A backup as the endpoint reports it: the file's name inside the configured folder, never a path.</summary>
public sealed record BackupResponse(string FileName, long SizeBytes, DateTime CreatedAt);

public static class BackupEndpoints
{
    /// <summary>
    /// Mapped on SQLite only: a PostgreSQL server is backed up with its own tools (pg_dump, base backups), which
    /// also see the data written through every other instance.
    /// </summary>
    public static IEndpointRouteBuilder MapBackupEndpoints(this IEndpointRouteBuilder api)
    {
        if (api.ServiceProvider.GetRequiredService<DatabaseInfo>().Provider != DatabaseProvider.Sqlite)
        {
            return api;
        }

        var group = api.MapGroup("/admin/backups").WithTags("Admin").RequireAuthorization(KeyRoles.Admin);
        group.MapPost("/", Create).WithName("CreateBackup")
            .WithSummary("Write an online backup of the whole database into the server's backup folder (Backups:Folder).");
        return api;
    }

    private static async Task<Created<BackupResponse>> Create(Backup backup, CancellationToken ct)
    {
        var file = await backup.IntoFolderAsync(ct);
        return TypedResults.Created((string?)null, new BackupResponse(file.Name, file.Length, file.CreationTimeUtc));
    }
}
