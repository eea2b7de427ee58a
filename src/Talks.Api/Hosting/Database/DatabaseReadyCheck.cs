using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Talks.Data;

namespace Talks.Api.Hosting.Database;

/// <summary>Ready means the database answers and carries every migration this build knows.</summary>
internal sealed class DatabaseReadyCheck(TalksDbContext db) : IHealthCheck
{
    private static readonly HealthCheckResult Unreachable = HealthCheckResult.Unhealthy("The database is unavailable: it cannot be reached.");

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!await db.Database.CanConnectAsync(cancellationToken))
        {
            return Unreachable;
        }

        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied.");
        }
        catch (Exception e) when (DatabaseErrors.IsUnavailable(e))
        {
            // Gone between the two questions: a server stopping, say.
            return Unreachable;
        }
    }
}
