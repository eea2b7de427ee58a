using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;
using Talks.Api.Answers.Formats;
using Talks.Api.Answers.Shaping;

namespace Talks.Api.Answers.Caching;

internal sealed class ReadCachePolicy(bool keyForReads) : IOutputCachePolicy
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private static readonly StringValues VaryHeaders = new(["Accept", "Origin"]);

    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        if (!(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            || http.GetEndpoint()?.Metadata.GetMetadata<StreamingEndpoint>() is not null
            || CsvLists.Wanted(http.Request))
        {
            // CSV is streamed page by page, however long the list: never held in memory.
            // Stryker disable once Boolean : equivalent; with storage and lookup never allowed, nothing is kept either way.
            context.EnableOutputCaching = false;
            return;
        }

        context.EnableOutputCaching = true;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        // Stryker disable once Boolean : equivalent in answers; without the lock, concurrent first reads of one URL each
        // build the same answer.
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Lifetime;
        context.Tags.Add(ReadCache.Tag);
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.HeaderNames = VaryHeaders;
        var changes = await ChangesSeenAsync(context, cancellation);
        var today = DateOnly.FromDateTime(http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        VaryBy(context.CacheVaryByRules, changes, keyForReads ? http.User.Identity?.Name ?? "" : null, today);
    }

    /// <summary>The change numbers the answer depends on, as the key's text; tags the entry for eviction.</summary>
    private static async ValueTask<string> ChangesSeenAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var watermark = http.RequestServices.GetRequiredService<ChangeWatermark>();
        if (http.GetEndpoint()?.Metadata.GetMetadata<TalkScopedReads>() is { } scoped
            && http.Request.RouteValues.TryGetValue(scoped.RouteValue, out var value) && value is string id)
        {
            var scope = await watermark.ObserveAsync(scoped.Collection, id, cancellation);
            if (scope.TalkId is { } talk)
            {
                context.Tags.Add(ReadCache.TalkTag(talk));
            }

            return TalkChanges(scope);
        }

        context.Tags.Add(ReadCache.GlobalTag);
        return (await watermark.ObserveAsync(cancellation)).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The key's changes for a read of one talk's record. Both numbers, not just the eviction they trigger: an answer
    /// made from data read just before a write may be stored just after the eviction, and must not match afterwards.
    /// </summary>
    internal static string TalkChanges(TalkScope scope) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"talk {scope.TalkId} {scope.Talk} shared {scope.Shared}");

    /// <summary>
    /// What, beside path, query and the varied headers, keeps kept answers apart: the change numbers the request saw
    /// (so an answer made before a write can never be served after it), the day (some answers default to today, as
    /// the overdue obligations do, and move at midnight without a write) and, when reads need a key, the caller.
    /// </summary>
    internal static void VaryBy(CacheVaryByRules rules, string changes, string? caller, DateOnly today)
    {
        rules.VaryByValues["changes"] = changes;
        rules.VaryByValues["day"] = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (caller is not null)
        {
            rules.VaryByValues["caller"] = caller;
        }
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    /// <summary>Only successes are kept: errors, 304s and anything setting a cookie are answered afresh every time.</summary>
    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
