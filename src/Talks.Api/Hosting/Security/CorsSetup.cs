namespace Talks.Api.Hosting.Security;

public static class CorsSetup
{
    /// <summary>
    /// Browsers on the origins in <c>Cors:AllowedOrigins</c> (none by default) may call the API, send the headers
    /// writes need, and read the headers paging, caching and rate limits answer with.
    /// </summary>
    public static WebApplicationBuilder AddTalksCors(this WebApplicationBuilder builder)
    {
        var origins = builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
        builder.Services.AddCors(options => options.AddDefaultPolicy(policy =>
        {
            policy.WithOrigins(origins)
                .WithMethods("GET", "POST", "PUT", "PATCH", "DELETE")
                .WithHeaders("Authorization", "Content-Type", "If-Match", "If-None-Match", "Idempotency-Key", "Last-Event-ID", "Accept")
                .WithExposedHeaders("ETag", "Link", "Location", "Retry-After", "RateLimit", "RateLimit-Policy",
                    "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "Idempotent-Replayed")
                .SetPreflightMaxAge(TimeSpan.FromHours(1));
        }));
        return builder;
    }
}
