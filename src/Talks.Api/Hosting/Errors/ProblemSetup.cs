using System.Diagnostics;

namespace Talks.Api.Hosting.Errors;

public static class ProblemSetup
{
    public static WebApplicationBuilder AddTalksProblems(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            // The bare W3C trace id: what the JSON logs carry on every line of the request and what a tracing backend
            // searches by, so the id an error answer shows leads to the request's logs and trace.
            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.TraceId.ToHexString() ?? context.HttpContext.TraceIdentifier;
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
        });
        builder.Services.AddSingleton<IProblemDetailsWriter, JsonProblemWriter>();
        builder.Services.AddExceptionHandler<ClientErrorExceptionHandler>();
        builder.Services.AddExceptionHandler<DatabaseFaultExceptionHandler>();

        // Without this, a malformed body gets an empty 400 outside Development; with it, the handler above explains.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return builder;
    }
}
