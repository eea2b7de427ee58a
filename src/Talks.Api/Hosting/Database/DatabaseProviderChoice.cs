namespace Talks.Api.Hosting.Database;

/// <summary>The engine <c>Database:Provider</c> names; SQLite when it names none.</summary>
public static class DatabaseProviderChoice
{
    public static DatabaseProvider From(IConfiguration configuration)
    {
        var configured = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return DatabaseProvider.Sqlite;
        }

        return Enum.TryParse<DatabaseProvider>(configured, ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new InvalidOperationException($"Database:Provider is '{configured}'; use Sqlite or Postgres.");
    }
}
