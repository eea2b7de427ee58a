namespace Talks.Api.Hosting.Health;

public static class HealthSetup
{
    /// <summary>
    /// Live: the process answers. Ready: the database is reachable and fully migrated; when it is not, the answer is
    /// 503 and says why.
    /// </summary>
    public static WebApplication MapTalksHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = HealthAnswer.WriteAsync });
        return app;
    }
}
