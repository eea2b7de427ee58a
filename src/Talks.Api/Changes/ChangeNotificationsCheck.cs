using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Talks.Api.Changes;

/// <summary>
/// Ready, but degraded, while PostgreSQL's change notifications do not arrive: the instance still answers every read
/// fresh, by asking the database for the change numbers each time, which costs each cached read a round trip.
/// </summary>
internal sealed class ChangeNotificationsCheck(ChangeListener listener) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(listener.CurrentOutage is { } outage
            ? HealthCheckResult.Degraded(string.Create(CultureInfo.InvariantCulture,
                $"Change notifications have not arrived since {outage.Since:yyyy-MM-ddTHH:mm:ssZ} ({outage.Reason}); cached reads ask the database every time until they do."))
            : HealthCheckResult.Healthy());
}
