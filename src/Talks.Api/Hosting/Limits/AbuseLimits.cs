using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Talks.Api.Hosting.Limits;

/// <summary>
/// What one caller may cost the service: requests per window (per API key, or per client address for callers without
/// a key), the size of a request body, and how long a request may run. Settings live under <c>RateLimits:*</c> and
/// <c>Limits:*</c>; the defaults are high enough that only abuse meets them.
/// </summary>
public static class AbuseLimits
{
    public static WebApplicationBuilder AddTalksLimits(this WebApplicationBuilder builder)
    {
        var settings = LimitSettings.From(builder.Configuration);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<CallerRateLimiter>();

        // Kestrel refuses a body past the limit even when no Content-Length announces it; the middleware below answers
        // the announced ones itself, with problem details.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = settings.MaxRequestBodyBytes);

        builder.Services.AddRateLimiter(options =>
        {
            // The default is 503, which tells a client the service is down rather than that it should slow down.
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, ct) => context.HttpContext.RequestServices.GetRequiredService<CallerRateLimiter>()
                .RejectAsync(context.HttpContext, context.Lease, ct);
        });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<CallerRateLimiter>((options, limiter) => options.GlobalLimiter = limiter.Limiter);

        builder.Services.AddRequestTimeouts(options =>
        {
            options.DefaultPolicy = new RequestTimeoutPolicy
            {
                Timeout = settings.RequestTimeout,
                TimeoutStatusCode = StatusCodes.Status504GatewayTimeout,
                WriteTimeoutResponse = context => WriteProblemAsync(context, StatusCodes.Status504GatewayTimeout,
                    "The request took too long.", $"Requests are stopped after {settings.RequestTimeout.TotalSeconds:0.#} s; nothing was changed unless a later read shows it."),
            };
        });
        return builder;
    }

    /// <summary>Call after authentication, so a keyed caller is counted by its key, and before authorization.</summary>
    public static WebApplication UseTalksLimits(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<LimitSettings>();
        app.Use(async (context, next) =>
        {
            if (await RefuseOversizedBodyAsync(context, settings.MaxRequestBodyBytes))
            {
                return;
            }

            await next(context);
        });

        if (settings.RateLimitsEnabled)
        {
            var limiter = app.Services.GetRequiredService<CallerRateLimiter>();
            app.Use(async (context, next) =>
            {
                limiter.AddHeaders(context);
                await next(context);
            });
            app.UseRateLimiter();
        }

        app.UseRequestTimeouts();
        return app;
    }

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
        request.Headers.TransferEncoding.Count > 0 || (request.ContentLength is null && request.Method is "POST" or "PUT" or "PATCH" && request.Body.CanRead && request.Headers.ContentType.Count > 0);

    private static async Task<bool> TooLargeAsync(HttpContext context, long max)
    {
        // The rest of the body is not read: close the connection after answering rather than drain it.
        context.Response.Headers.Connection = "close";
        await WriteProblemAsync(context, StatusCodes.Status413PayloadTooLarge, "The request body is too large.",
            $"Request bodies may be at most {max.ToString("N0", CultureInfo.InvariantCulture)} bytes.");
        return true;
    }

    internal static async Task WriteProblemAsync(HttpContext context, int status, string title, string detail)
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

/// <summary>The limits, read once at start-up.</summary>
public sealed record LimitSettings(
    bool RateLimitsEnabled, int PermitsPerKey, int PermitsPerAddress, TimeSpan Window, long MaxRequestBodyBytes, TimeSpan RequestTimeout)
{
    public const long DefaultMaxRequestBodyBytes = 1024 * 1024;

    public static LimitSettings From(IConfiguration configuration)
    {
        var settings = new LimitSettings(
            configuration.GetValue("RateLimits:Enabled", true),
            configuration.GetValue("RateLimits:PerKey:PermitLimit", 20_000),
            configuration.GetValue("RateLimits:PerAddress:PermitLimit", 20_000),
            TimeSpan.FromSeconds(configuration.GetValue("RateLimits:WindowSeconds", 10.0)),
            configuration.GetValue("Limits:MaxRequestBodyBytes", DefaultMaxRequestBodyBytes),
            TimeSpan.FromSeconds(configuration.GetValue("Limits:RequestTimeoutSeconds", 30.0)));
        if (settings.PermitsPerKey < 1 || settings.PermitsPerAddress < 1 || settings.Window <= TimeSpan.Zero
            || settings.MaxRequestBodyBytes < 1 || settings.RequestTimeout <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("RateLimits:* and Limits:* must be positive.");
        }

        return settings;
    }
}
