using Talks.Api.Hosting.Json;

namespace Talks.Api.Hosting.Validation;

/// <summary>
/// Query parameters and route values (ids in the path) may not hold NUL either (<see cref="TextWithoutNul"/>): checked
/// once routing has decoded them, a 400 naming each parameter that does.
/// </summary>
public static class NulFreeRequests
{
    public static WebApplication UseTalksTextWithoutNul(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            var errors = new Dictionary<string, string[]>();
            foreach (var (name, values) in http.Request.Query)
            {
                if (name.Contains('\0') || values.Any(v => v?.Contains('\0') == true))
                {
                    errors[name.Replace("\0", "\\u0000", StringComparison.Ordinal)] = [TextWithoutNul.Message];
                }
            }

            foreach (var (name, value) in http.Request.RouteValues)
            {
                if (value is string text && text.Contains('\0'))
                {
                    errors[name] = [TextWithoutNul.Message];
                }
            }

            if (errors.Count == 0)
            {
                await next(http);
                return;
            }

            await TypedResults.ValidationProblem(errors).ExecuteAsync(http);
        });
        return app;
    }
}
