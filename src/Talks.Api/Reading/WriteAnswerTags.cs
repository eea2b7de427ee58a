using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using Talks.Api.Hosting.OpenApi;
using Talks.Api.Records;

namespace Talks.Api.Reading;

public static class WriteAnswerTagsSetup
{
    public static WebApplication UseWriteAnswerTags(this WebApplication app)
    {
        app.UseMiddleware<WriteAnswerTags>();
        return app;
    }
}

/// <summary>
/// A create or update answers with the record as a read of it would, so it carries the read's ETag too
/// (<see cref="EntityTags"/>): a client that keeps the answer to its own write can send that ETag in If-None-Match
/// and get a 304, and in If-Match to change the record again. Handlers set the version; the digest is added here.
/// </summary>
public sealed class WriteAnswerTags(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var method = http.Request.Method;
        if (!(HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method))
            || !http.Request.Path.StartsWithSegments("/api/v1")
            || http.GetEndpoint()?.Metadata.GetMetadata<StreamingEndpoint>() is not null)
        {
            await next(http);
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

        var status = http.Response.StatusCode;
        var versionTag = http.Response.Headers.ETag.ToString();
        if (status is StatusCodes.Status200OK or StatusCodes.Status201Created
            && versionTag.Length > 2
            && http.Response.ContentType?.StartsWith("application/json", StringComparison.Ordinal) == true)
        {
            http.Response.Headers.ETag = EntityTags.For(versionTag, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
    }
}

/// <summary>Documents the ETag that <see cref="WriteAnswerTags"/> puts on a write's answer when that answer is a record.</summary>
internal sealed class WriteAnswerTagDocs : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var description = context.ApiDescription;
        var method = description.HttpMethod ?? "";
        if (!(HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method))
            || !("/" + description.RelativePath).StartsWith("/api/v1/", StringComparison.Ordinal))
        {
            return;
        }

        foreach (var answer in description.SupportedResponseTypes)
        {
            if (answer.StatusCode is StatusCodes.Status200OK or StatusCodes.Status201Created
                && answer.Type is { } type && typeof(IResource).IsAssignableFrom(type)
                && operation.Responses?.TryGetValue(answer.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture), out var found) == true
                && found is OpenApiResponse response)
            {
                response.Headers ??= new Dictionary<string, IOpenApiHeader>();
                response.Headers.TryAdd("ETag", ReadResponseDocs.ETagHeader());
            }
        }
    }
}
