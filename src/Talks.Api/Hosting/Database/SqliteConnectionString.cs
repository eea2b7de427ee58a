using Microsoft.Data.Sqlite;

namespace Talks.Api.Hosting.Database;

internal static class SqliteConnectionString
{
    /// <summary>
    /// <c>ConnectionStrings:Talks</c>, or a file under <c>data/</c> beside the app. The folder is created here because
    /// SQLite creates the file but not its directory.
    /// </summary>
    public static string Resolve(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration.GetConnectionString("Talks");
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(configured) ? $"Data Source={Path.Combine(contentRoot, "data", "talks.db")}" : configured);
        if (builder.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:")
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        // Pooled connections keep their pragmas; the interceptor re-applies them once per physical open.
        builder.Pooling = true;
        return builder.ToString();
    }
}
