namespace Talks.Api.Infrastructure;

public static class HealthSetup
{
    /// <summary>Live: the process answers. Ready: the database is reachable and fully migrated.</summary>
    public static WebApplication MapTalksHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") });
        return app;
    }
}
