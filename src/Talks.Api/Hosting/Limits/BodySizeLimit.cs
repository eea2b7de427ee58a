using System.Globalization;

namespace Talks.Api.Hosting.Limits;

/// <summary>How large a request body may be: <c>Limits:MaxRequestBodyBytes</c>.</summary>
internal static class BodySizeLimit
{
    /// <summary>
    /// Kestrel refuses a body past the limit even when no Content-Length announces it; <see cref="UseBodySizeLimit"/>
    /// answers the announced ones itself, with problem details.
    /// </summary>
    public static void LimitBodySize(this WebApplicationBuilder builder, LimitSettings settings) =>
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = settings.MaxRequestBodyBytes);

    public static void UseBodySizeLimit(this WebApplication app, long max) =>
        app.Use(async (context, next) =>
        {
            if (await RefuseOversizedBodyAsync(context, max))
            {
                return;
            }

            await next(context);
        });

    /// <summary>
    /// Answers 413 when the body is, or announces itself as, larger than allowed. A body sent without a length (chunked)
    /// is read into memory up to the limit first: the only way to know its size before the JSON reader sees it.
    /// </summary>
    private static async Task<bool> RefuseOversizedBodyAsync(HttpContext context, long max)
    {
        var request = context.Request;
        if (request.ContentLength is { } length)
        {
            return length > max && await TooLargeAsync(context, max);
        }

        if (!HasBody(request))
        {
            return false;
        }

        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return await TooLargeAsync(context, max);
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        request.Body = buffer;
        request.ContentLength = buffer.Length;
        context.Response.RegisterForDispose(buffer);
        return false;
    }

    private static bool HasBody(HttpRequest request) =>
        request.Headers.TransferEncoding.Count > 0
        || (request.ContentLength is null && request.Method is "POST" or "PUT" or "PATCH" && request.Body.CanRead
            && request.Headers.ContentType.Count > 0);

    private static async Task<bool> TooLargeAsync(HttpContext context, long max)
    {
        // The rest of the body is not read: close the connection after answering rather than drain it.
        context.Response.Headers.Connection = "close";
        await LimitProblems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "The request body is too large.",
            $"Request bodies may be at most {max.ToString("N0", CultureInfo.InvariantCulture)} bytes.");
        return true;
    }
}
