namespace Talks.Api.Backups;

/// <summary>The backup of a SQLite database, for the endpoint and the command alike.</summary>
public static class BackupSetup
{
    public static WebApplicationBuilder AddTalksBackups(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<Backup>();
        return builder;
    }
}
