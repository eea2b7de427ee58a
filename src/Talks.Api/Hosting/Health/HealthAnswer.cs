using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Talks.Api.Hosting.Health;

/// <summary>
/// The health answer as plain text: <c>Healthy</c> alone when all is well, as probes expect, and otherwise the
/// status followed by why, so an operator reading <c>/health/ready</c> during an outage sees what is wrong. Only the
/// checks' own descriptions are shown, never an exception's message, which can name hosts and ports.
/// </summary>
internal static class HealthAnswer
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        if (report.Status == HealthStatus.Healthy)
        {
            return context.Response.WriteAsync(report.Status.ToString());
        }

        var reasons = report.Entries
            .Where(entry => entry.Value.Status != HealthStatus.Healthy)
            .Select(entry => $"{entry.Key}: {entry.Value.Description ?? "the check failed."}");
        return context.Response.WriteAsync($"{report.Status}: {string.Join(" ", reasons)}");
    }
}
