namespace Talks.Api.Operations;

/// <summary>
/// On SIGTERM the host stops accepting connections and lets requests in flight finish for up to
/// <c>Shutdown:TimeoutSeconds</c> (25 by default: inside the 30 seconds a container platform waits before SIGKILL).
/// Open change streams end as soon as stopping begins, so they never hold the shutdown to its limit.
/// </summary>
public static class ShutdownSetup
{
    public static WebApplicationBuilder AddTalksShutdown(this WebApplicationBuilder builder)
    {
        var seconds = builder.Configuration.GetValue("Shutdown:TimeoutSeconds", 25);
        if (seconds is < 0 or > 3600)
        {
            throw new InvalidOperationException("Shutdown:TimeoutSeconds must be between 0 and 3600.");
        }

        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(seconds));
        return builder;
    }
}
