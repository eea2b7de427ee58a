using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;
using Talks.Api.Changes;
using Talks.Data;

namespace Talks.Api.Infrastructure;

/// <summary>
/// Output caching of the public reads, never stale after a write — also one made by another instance on the same
/// database. Every write commits change records with it, so the highest change sequence says how far the database
/// has moved. Each read first asks for it (one indexed <c>MAX</c>) and makes it part of the cache key: an answer is
/// only ever served to a request that saw the same sequence as the request that produced it. When the sequence moves,
/// everything cached before is evicted, since a change to one record shows in many answers (a round embeds its
/// positions, a list any of its items). <c>Caching:Enabled=false</c> turns it off.
/// This relies on change numbers becoming visible in the order they are given out, as the change feed's cursor does:
/// SQLite has one writer at a time, and on PostgreSQL <see cref="TalksDbContext"/> takes a lock around recording
/// changes for the same reason.
/// </summary>
public static class ReadCache
{
    public const string PolicyName = "reads";
    internal const string Tag = "reads";

    public static WebApplicationBuilder AddTalksReadCache(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ChangeWatermark>();
        builder.Services.AddOutputCache(options =>
        {
            // Ids are case-sensitive: /parties/Ukraine must not get /parties/ukraine's answer.
            options.UseCaseSensitivePaths = true;
            options.SizeLimit = builder.Configuration.GetValue("Caching:SizeLimitMegabytes", 100L) * 1024 * 1024;
            options.AddPolicy(PolicyName, new ReadCachePolicy(builder.Configuration.GetValue("Auth:RequireKeyForReads", false)));
        });
        return builder;
    }

    /// <summary>
    /// Outside <see cref="ReadResponses"/>, so what is kept is the finished answer (fields selected, ETag set) and a
    /// cached answer still gets its 304 for a matching If-None-Match; inside authorization, so only callers allowed
    /// to read get past it.
    /// </summary>
    public static WebApplication UseTalksReadCache(this WebApplication app)
    {
        if (app.Configuration.GetValue("Caching:Enabled", true))
        {
            app.UseOutputCache();
        }

        return app;
    }

    /// <summary>Marks a resource's GETs as answers worth keeping; writes in the same group are never cached.</summary>
    public static RouteGroupBuilder CachesReads(this RouteGroupBuilder group) => group.CacheOutput(PolicyName);
}

/// <summary>The highest change sequence this instance has seen; moving it past evicts what was cached before.</summary>
internal sealed class ChangeWatermark(IOutputCacheStore store, ChangeNumbers changes)
{
    private long _seen = -1;

    public async ValueTask<long> ObserveAsync(CancellationToken ct)
    {
        var latest = await changes.NewestAsync(ct);
        var seen = Volatile.Read(ref _seen);
        while (latest > seen)
        {
            var found = Interlocked.CompareExchange(ref _seen, latest, seen);
            if (found == seen)
            {
                // Only frees memory: answers made before are keyed by their older sequence and can no longer match.
                await store.EvictByTagAsync(ReadCache.Tag, ct);
                break;
            }

            seen = found;
        }

        return latest;
    }
}

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
            context.EnableOutputCaching = false;
            return;
        }

        context.EnableOutputCaching = true;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Lifetime;
        context.Tags.Add(ReadCache.Tag);
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.HeaderNames = VaryHeaders;
        var sequence = await http.RequestServices.GetRequiredService<ChangeWatermark>().ObserveAsync(cancellation);
        var today = DateOnly.FromDateTime(http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        VaryBy(context.CacheVaryByRules, sequence, keyForReads ? http.User.Identity?.Name ?? "" : null, today);
    }

    /// <summary>
    /// What, beside path, query and the varied headers, keeps kept answers apart: the change sequence the request saw
    /// (so an answer made before a write can never be served after it), the day (some answers default to today, as
    /// the overdue obligations do, and move at midnight without a write) and, when reads need a key, the caller.
    /// </summary>
    internal static void VaryBy(CacheVaryByRules rules, long changeSequence, string? caller, DateOnly today)
    {
        rules.VaryByValues["changes"] = changeSequence.ToString(System.Globalization.CultureInfo.InvariantCulture);
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
