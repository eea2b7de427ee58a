using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Talks.Api.Hosting.Errors;

/// <summary>
/// Writes problem details as JSON whatever the request's Accept header says. The built-in writer declines when Accept
/// names only other types (application/xml, text/html), which left such clients an empty error — or, where the caller
/// insists on a body, a 500. The API speaks nothing but JSON, so its errors are JSON too. Registered after the
/// built-in writer, it only takes the requests that one turns down.
/// </summary>
internal sealed class JsonProblemWriter(IOptions<ProblemDetailsOptions> problemOptions, IOptions<JsonOptions> jsonOptions) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var response = context.HttpContext.Response;
        var problem = context.ProblemDetails;
        problem.Status ??= response.StatusCode;
        problem.Title ??= ReasonPhrases.GetReasonPhrase(problem.Status.Value);
        problemOptions.Value.CustomizeProblemDetails?.Invoke(context);
        return new ValueTask(response.WriteAsJsonAsync(problem, problem.GetType(), jsonOptions.Value.SerializerOptions, "application/problem+json"));
    }
}
