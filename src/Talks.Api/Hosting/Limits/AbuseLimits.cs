namespace Talks.Api.Hosting.Limits;

/// <summary>
/// What one caller may cost the service: requests per window (per API key, or per client address for callers without
/// a key), the size of a request body, and how long a request may run. Settings live under <c>RateLimits:*</c> and
/// <c>Limits:*</c>; the defaults are high enough that only abuse meets them.
/// </summary>
public static class AbuseLimits
{
    public static WebApplicationBuilder AddTalksLimits(this WebApplicationBuilder builder)
    {
        var settings = LimitSettings.From(builder.Configuration);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<CallerRateLimiter>();
        builder.LimitBodySize(settings);
        builder.Services.AddCallerRateLimits();
        builder.Services.AddRequestTimeLimit(settings);
        return builder;
    }

    /// <summary>Call after authentication, so a keyed caller is counted by its key, and before authorization.</summary>
    public static WebApplication UseTalksLimits(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<LimitSettings>();
        app.UseBodySizeLimit(settings.MaxRequestBodyBytes);
        if (settings.RateLimitsEnabled)
        {
            app.UseCallerRateLimits();
        }

        app.UseRequestTimeouts();
        return app;
    }
}
