using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Talks.Api.Changes;

/// <summary>
/// Ready, but degraded, while PostgreSQL's change notifications do not arrive: the instance still answers every read
/// fresh, by asking the database for the change numbers each time, which costs each cached read a round trip.
/// </summary>
internal sealed class ChangeNotificationsCheck(ChangeListener listener) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (listener.CurrentOutage is not { } outage)
        {
            return Task.FromResult(HealthCheckResult.Healthy());
        }

        var since = outage.Since.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        return Task.FromResult(HealthCheckResult.Degraded(
            $"Change notifications have not arrived since {since} ({outage.Reason}); cached reads ask the database every time until they do."));
    }
}
