using Microsoft.AspNetCore.Mvc;

namespace Talks.Api.Hosting.Limits;

/// <summary>Every refusal for a limit is problem details, as the API's other errors are.</summary>
internal static class LimitProblems
{
    public static async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
