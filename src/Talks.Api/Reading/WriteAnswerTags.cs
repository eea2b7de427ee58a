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

        using var buffer = await BufferedAnswer.CaptureAsync(http, next);
        var original = http.Response.Body;

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
