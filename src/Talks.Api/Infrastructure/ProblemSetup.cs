using System.Diagnostics;

namespace Talks.Api.Infrastructure;

public static class ProblemSetup
{
    public static WebApplicationBuilder AddTalksProblems(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
        });
        builder.Services.AddSingleton<IProblemDetailsWriter, JsonProblemWriter>();
        builder.Services.AddExceptionHandler<ClientErrorExceptionHandler>();

        // Without this, a malformed body gets an empty 400 outside Development; with it, the handler above explains.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return builder;
    }
}
