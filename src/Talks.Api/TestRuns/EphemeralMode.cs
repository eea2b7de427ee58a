using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Talks.Api.Hosting.Database;
using Talks.Api.Keys;
using Talks.Data.Entities;

namespace Talks.Api.TestRuns;

/// <summary>
/// <c>--ephemeral</c>: for other teams' end-to-end suites. A throwaway database in a temp folder (migrated and
/// seeded like any other), a port given with <c>--urls</c> or else chosen free, the URL and a fresh admin key
/// printed on stdout (its logs go to stderr, so these two lines are all of stdout), and the database deleted on exit.
/// </summary>
public sealed class EphemeralMode
{
    private const string Flag = "--ephemeral";
    private readonly string folder = Path.Combine(Path.GetTempPath(), "talks-ephemeral-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>Takes the flag out of the arguments (the configuration reader would take the next one as its value).</summary>
    public static (EphemeralMode? Mode, string[] HostArgs) From(string[] args) =>
        args.Contains(Flag) ? (new EphemeralMode(), args.Where(a => a != Flag).ToArray()) : (null, args);

    public void Configure(WebApplicationBuilder builder, string[] args)
    {
        Directory.CreateDirectory(folder);
        builder.Configuration["Database:Provider"] = nameof(DatabaseProvider.Sqlite);
        builder.Configuration["ConnectionStrings:Talks"] = $"Data Source={Path.Combine(folder, "talks.db")}";
        if (!args.Any(a => a.StartsWith("--urls", StringComparison.Ordinal)) && builder.Configuration["urls"] is null)
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }
    }

    /// <summary>Once listening: prints where and with which key; on stop, removes the database.</summary>
    public void Announce(WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            using var scope = app.Services.CreateScope();
            var created = scope.ServiceProvider.GetRequiredService<KeyStore>()
                .CreateAsync("ephemeral-admin", ApiKeyRole.Admin, CancellationToken.None).GetAwaiter().GetResult();
            Console.Out.WriteLine($"Talks (ephemeral) listening on {string.Join(' ', addresses)}");
            Console.Out.WriteLine($"Admin key: {created?.Secret}");
            Console.Out.Flush();
        });
        app.Lifetime.ApplicationStopped.Register(() =>
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still open at exit stays in the temp folder; nothing else depends on it.
            }
        });
    }
}
