namespace Talks.Api.Reading;

public static class ReadResponsesSetup
{
    public static WebApplication UseReadResponses(this WebApplication app)
    {
        app.UseMiddleware<ReadResponses>();
        return app;
    }
}

/// <summary>
/// Every API read, in one place: CSV for lists, <c>fields=</c> selection, an ETag on every answer (lists included),
/// <c>If-None-Match</c> → 304, and a Cache-Control that makes clients revalidate, so no read after a write is stale.
/// </summary>
public sealed class ReadResponses(RequestDelegate next, IProblemDetailsService problems, IConfiguration configuration)
{
    private readonly string cacheControl = configuration.GetValue("Auth:RequireKeyForReads", false) ? "private, no-cache" : "no-cache";

    /// <summary>
    /// Which answers this shapes: GETs of API endpoints under /api/v1, streams apart. The OpenAPI document asks the
    /// same question (<c>ReadResponseDocs</c>), so what it describes is what clients get.
    /// </summary>
    public static bool Shapes(string method, PathString path, IEnumerable<object> metadata) =>
        HttpMethods.IsGet(method) && path.StartsWithSegments("/api/v1") && !metadata.OfType<StreamingEndpoint>().Any();

    /// <summary>Lists also answer CSV and carry a Link header.</summary>
    public static bool IsList(IEnumerable<object> metadata) => metadata.OfType<ListEndpoint>().Any();

    public async Task InvokeAsync(HttpContext http)
    {
        var endpoint = http.GetEndpoint();
        if (endpoint is null || !Shapes(http.Request.Method, http.Request.Path, endpoint.Metadata))
        {
            await next(http);
            return;
        }

        if (IsList(endpoint.Metadata) && CsvLists.Wanted(http.Request))
        {
            await CsvLists.WriteAsync(http, next);
            return;
        }

        using var buffer = await BufferedAnswer.CaptureAsync(http, next);
        var original = http.Response.Body;

        var body = buffer.ToArray();
        if (http.Response.StatusCode != StatusCodes.Status200OK)
        {
            await original.WriteAsync(body, http.RequestAborted);
            return;
        }

        // Every format gets its ETag (an iCalendar feed as much as JSON); fields= selects from JSON only.
        var json = http.Response.ContentType?.StartsWith("application/json", StringComparison.Ordinal) == true;
        if (json && http.Request.Query.TryGetValue("fields", out var fields))
        {
            var (selected, error) = FieldSelection.Apply(body, fields.ToString());
            if (error is not null)
            {
                http.Response.Headers.Remove("Link");
                http.Response.StatusCode = StatusCodes.Status400BadRequest;
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["fields"] = [error] })
                    {
                        Status = StatusCodes.Status400BadRequest,
                        Title = "One or more validation errors occurred.",
                    },
                });
                return;
            }

            body = selected!;
        }

        var etag = EntityTags.For(http.Response.Headers.ETag.ToString(), body);
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = cacheControl;
        http.Response.Headers.Vary = "Accept, Origin";
        if (EntityTags.NoneMatchHits(http.Request.Headers.IfNoneMatch, etag))
        {
            http.Response.StatusCode = StatusCodes.Status304NotModified;
            http.Response.Headers.ContentType = default;
            http.Response.Headers.Remove("Link");
            return;
        }

        http.Response.ContentLength = body.Length;
        await original.WriteAsync(body, http.RequestAborted);
    }
}
