using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Talks.Api.Answers.Idempotency;

public static class IdempotencySetup
{
    public static WebApplicationBuilder AddTalksIdempotency(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<IdempotencyOptions>()
            .BindConfiguration(IdempotencyOptions.Section)
            .Validate(o => o.RetentionHours > 0 && o.SweepMinutes > 0, "Idempotency:RetentionHours and Idempotency:SweepMinutes must be positive.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IdempotencyStore>();
        builder.Services.AddHostedService<IdempotencySweep>();
        return builder;
    }

    /// <summary>Goes right after <c>UseAuthorization</c>: a request refused there never claims a key.</summary>
    public static IApplicationBuilder UseIdempotency(this IApplicationBuilder app) => app.UseMiddleware<IdempotencyMiddleware>();
}
