using System.Text.Json.Nodes;
using Talks.Api.Hosting.OpenApi;

namespace Talks.Api.Reading;

public static class ReadResponsesSetup
{
    public static WebApplication UseReadResponses(this WebApplication app)
    {
        app.UseMiddleware<ReadResponses>();
        return app;
    }
}

/// <summary>Marks a list endpoint: its query is guarded, and it answers CSV too.</summary>
public sealed class ListEndpoint;

/// <summary>Marks an endpoint that streams (server-sent events): never buffered.</summary>
public sealed class StreamingEndpoint;

/// <summary>
/// Every API read, in one place: CSV for lists, <c>fields=</c> selection, an ETag on every answer (lists included),
/// <c>If-None-Match</c> → 304, and a Cache-Control that makes clients revalidate, so no read after a write is stale.
/// </summary>
public sealed class ReadResponses(RequestDelegate next, IProblemDetailsService problems, IConfiguration configuration)
{
    private readonly string cacheControl = configuration.GetValue("Auth:RequireKeyForReads", false) ? "private, no-cache" : "no-cache";

    /// <summary>
    /// Which answers this shapes: GETs of API endpoints under /api/v1, streams apart. The OpenAPI document asks the
    /// same question (<see cref="ReadResponseDocs"/>), so what it describes is what clients get.
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

        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = original;
        }

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

/// <summary><c>fields=id,title</c>: answers with just those properties (id always), for lists and single records.</summary>
internal static class FieldSelection
{
    /// <summary>Writes text as the API's other answers do, without escaping non-ASCII letters ("Dolmabahçe").</summary>
    private static readonly System.Text.Json.JsonSerializerOptions AsWritten = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static (byte[]? Body, string? Error) Apply(byte[] body, string fields)
    {
        var wanted = fields.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        if (wanted.Count == 0 || wanted.Count > 50)
        {
            return (null, "Give 1 to 50 comma-separated property names.");
        }

        wanted.Add("id");
        var root = JsonNode.Parse(body);
        var records = root is JsonObject page && page["items"] is JsonArray items
            ? items.OfType<JsonObject>().ToList()
            : root is JsonObject single ? [single] : [];
        var known = records.SelectMany(r => r.Select(p => p.Key)).ToHashSet(StringComparer.Ordinal);
        var unknown = wanted.Where(f => records.Count > 0 && !known.Contains(f)).ToList();
        if (unknown.Count > 0)
        {
            return (null, $"Unknown field(s): {string.Join(", ", unknown)}. Allowed: {string.Join(", ", known.Order(StringComparer.Ordinal))}.");
        }

        foreach (var record in records)
        {
            foreach (var name in record.Select(p => p.Key).Where(k => !wanted.Contains(k)).ToList())
            {
                record.Remove(name);
            }
        }

        return (System.Text.Encoding.UTF8.GetBytes(root!.ToJsonString(AsWritten)), null);
    }
}
