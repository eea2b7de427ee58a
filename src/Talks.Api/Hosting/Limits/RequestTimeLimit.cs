using Microsoft.AspNetCore.Http.Timeouts;

namespace Talks.Api.Hosting.Limits;

/// <summary>How long a request may run: <c>Limits:RequestTimeoutSeconds</c>, answered with a 504.</summary>
internal static class RequestTimeLimit
{
    public static void AddRequestTimeLimit(this IServiceCollection services, LimitSettings settings) =>
        services.AddRequestTimeouts(options =>
        {
            options.DefaultPolicy = new RequestTimeoutPolicy
            {
                Timeout = settings.RequestTimeout,
                TimeoutStatusCode = StatusCodes.Status504GatewayTimeout,
                WriteTimeoutResponse = context => LimitProblems.WriteAsync(context, StatusCodes.Status504GatewayTimeout,
                    "The request took too long.",
                    $"Requests are stopped after {settings.RequestTimeout.TotalSeconds:0.#} s; nothing was changed unless a later read shows it."),
            };
        });
}
