using Microsoft.AspNetCore.RateLimiting;

namespace Talks.Api.Hosting.Limits;

/// <summary>Requests per window, per API key or, for callers without one, per client address (<see cref="CallerRateLimiter"/>).</summary>
internal static class RateLimits
{
    public static void AddCallerRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(options =>
        {
            // The default is 503, which tells a client the service is down rather than that it should slow down.
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, ct) => context.HttpContext.RequestServices.GetRequiredService<CallerRateLimiter>()
                .RejectAsync(context.HttpContext, context.Lease, ct);
        });
        services.AddOptions<RateLimiterOptions>().Configure<CallerRateLimiter>((options, limiter) => options.GlobalLimiter = limiter.Limiter);
    }

    /// <summary>Every answer says how much of the window is left, refused or not.</summary>
    public static void UseCallerRateLimits(this WebApplication app)
    {
        var limiter = app.Services.GetRequiredService<CallerRateLimiter>();
        app.Use(async (context, next) =>
        {
            limiter.AddHeaders(context);
            await next(context);
        });
        app.UseRateLimiter();
    }
}
