namespace Talks.Api.Answers.Shaping;

/// <summary>Runs the rest of the pipeline with the response body held in memory, for middleware that rewrites it.</summary>
internal static class BufferedAnswer
{
    /// <summary>
    /// The answer <paramref name="next"/> wrote, held back; the response body is the real one again when this returns,
    /// whether or not <paramref name="next"/> threw. The caller writes what it decides to send.
    /// </summary>
    public static async Task<MemoryStream> CaptureAsync(HttpContext http, RequestDelegate next)
    {
        var original = http.Response.Body;
        var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
            return buffer;
        }
        catch
        {
            await buffer.DisposeAsync();
            throw;
        }
        finally
        {
            http.Response.Body = original;
        }
    }
}
