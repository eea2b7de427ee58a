using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.RateLimiting;

namespace Talks.Api.Hosting.Limits;

/// <summary>
/// A fixed window per caller: a key's requests count against the key wherever they come from; requests without a
/// (valid) key count against the client address. Every answer says how much of the window is left.
/// </summary>
public sealed class CallerRateLimiter
{
    private readonly LimitSettings _settings;

    /// <summary>When each partition's window began; the built-in limiter does not expose it, and RateLimit-Reset needs it.</summary>
    private readonly ConcurrentDictionary<string, long> _windowStarts = new();

    public CallerRateLimiter(LimitSettings settings)
    {
        _settings = settings;
        Limiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            var (partition, limit) = PartitionOf(context);
            return RateLimitPartition.GetFixedWindowLimiter(partition, key =>
            {
                Forget();
                _windowStarts[key] = Environment.TickCount64;
                return new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limit,
                    Window = settings.Window,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                };
            });
        });
    }

    public PartitionedRateLimiter<HttpContext> Limiter { get; }

    private (string Partition, int Limit) PartitionOf(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, Name: { } name }
            ? ("key:" + name, _settings.PermitsPerKey)
            : ("address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"), _settings.PermitsPerAddress);

    /// <summary>RateLimit-Limit / -Remaining / -Reset, and the IETF policy header, on every answer.</summary>
    public void AddHeaders(HttpContext context)
    {
        var (partition, limit) = PartitionOf(context);
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            var remaining = Limiter.GetStatistics(context)?.CurrentAvailablePermits ?? limit;
            headers["RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
            headers["RateLimit-Remaining"] = Math.Max(0, remaining).ToString(CultureInfo.InvariantCulture);
            headers["RateLimit-Reset"] = SecondsToReset(partition).ToString(CultureInfo.InvariantCulture);
            headers["RateLimit-Policy"] = $"{limit};w={(int)Math.Ceiling(_settings.Window.TotalSeconds)}";
            return Task.CompletedTask;
        });
    }

    public async ValueTask RejectAsync(HttpContext context, RateLimitLease lease, CancellationToken ct)
    {
        var (partition, _) = PartitionOf(context);
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after)
            ? (int)Math.Ceiling(after.TotalSeconds)
            : SecondsToReset(partition);
        context.Response.Headers.RetryAfter = Math.Max(1, retryAfter).ToString(CultureInfo.InvariantCulture);
        var who = partition.StartsWith("key:", StringComparison.Ordinal) ? "this API key" : "this client address";
        await LimitProblems.WriteAsync(context, StatusCodes.Status429TooManyRequests, "Too many requests.",
            $"The limit for {who} is reached; try again after the number of seconds in Retry-After.");
    }

    private int SecondsToReset(string partition)
    {
        var window = (long)_settings.Window.TotalMilliseconds;
        if (!_windowStarts.TryGetValue(partition, out var start))
        {
            return (int)Math.Ceiling(window / 1000.0);
        }

        var intoWindow = (Environment.TickCount64 - start) % window;
        return (int)Math.Ceiling((window - intoWindow) / 1000.0);
    }

    /// <summary>Keeps the bookkeeping bounded when many addresses come and go.</summary>
    private void Forget()
    {
        if (_windowStarts.Count < 10_000)
        {
            return;
        }

        var stale = Environment.TickCount64 - (long)(_settings.Window.TotalMilliseconds * 2);
        foreach (var (key, start) in _windowStarts)
        {
            if (start < stale)
            {
                _windowStarts.TryRemove(key, out _);
            }
        }
    }
}
