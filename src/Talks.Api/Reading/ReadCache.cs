using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;
using Talks.Api.Changes;
using Talks.Data;

namespace Talks.Api.Reading;

/// <summary>
/// Output caching of the public reads, never stale after a write — also one made by another instance on the same
/// database. Every write commits change records with it, each filed under the talk of the record it changed (or as
/// shared, for parties, people, sources, topics and resets), so the change numbers say how far the database has moved.
/// Each read first asks for the numbers it depends on and makes them part of the cache key: an answer is only ever
/// served to a request that saw the same numbers as the request that produced it.
/// A read of one talk's record (<see cref="CachesPerTalk"/>: a talk, a round, a position, …) depends on the newest
/// change of that talk and the newest shared change, since it names parties, people, sources and topics; any other
/// read (lists, search, obligations) on the newest change of all. So a position posted to one talk leaves every other
/// talk's cached answers in place. <c>Caching:Enabled=false</c> turns it off.
/// This relies on change numbers becoming visible in the order they are given out, as the change feed's cursor does:
/// SQLite has one writer at a time, and on PostgreSQL <see cref="TalksDbContext"/> takes a lock around recording
/// changes for the same reason.
/// </summary>
public static class ReadCache
{
    public const string PolicyName = "reads";
    internal const string Tag = "reads";
    internal const string GlobalTag = "reads-of-all";

    internal static string TalkTag(string talkId) => "talk:" + talkId;

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

    /// <summary>
    /// Keeps the group's reads of one record (those whose route has <paramref name="routeValue"/>) until a change of
    /// that record's talk or a shared one; its other reads (the lists) until any change.
    /// </summary>
    public static RouteGroupBuilder CachesPerTalk(this RouteGroupBuilder group, string collection, string routeValue = "id")
    {
        if (!ChangeNumbers.BelongToTalks(collection))
        {
            throw new ArgumentException($"The records of {collection} do not belong to a talk.", nameof(collection));
        }

        return group.WithMetadata(new TalkScopedReads(collection, routeValue));
    }
}

/// <summary>Reads of one record of <paramref name="Collection"/>, named by the route value <paramref name="RouteValue"/>.</summary>
internal sealed record TalkScopedReads(string Collection, string RouteValue);

/// <summary>
/// The change numbers this instance has seen: moving one past evicts what was cached under it before. Only frees
/// memory: answers made before are keyed by the older numbers and can no longer match.
/// </summary>
internal sealed class ChangeWatermark(IOutputCacheStore store, ChangeNumbers changes)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _talks = new(StringComparer.Ordinal);
    private long _all = -1;
    private long _shared = -1;

    /// <summary>The newest change of all, for the reads that depend on every record.</summary>
    public async ValueTask<long> ObserveAsync(CancellationToken ct)
    {
        var latest = await changes.NewestAsync(ct);
        if (Advance(ref _all, latest))
        {
            await store.EvictByTagAsync(ReadCache.GlobalTag, ct);
        }

        return latest;
    }

    /// <summary>Where the record's talk stands, for a read of one talk's record.</summary>
    public async ValueTask<TalkScope> ObserveAsync(string collection, string id, CancellationToken ct)
    {
        var scope = await changes.ScopeAsync(collection, id, ct);
        if (Advance(ref _shared, scope.Shared))
        {
            await store.EvictByTagAsync(ReadCache.Tag, ct);
        }

        if (scope.TalkId is { } talk)
        {
            var seen = _talks.GetOrAdd(talk, scope.Talk);
            if (seen < scope.Talk && _talks.TryUpdate(talk, scope.Talk, seen))
            {
                await store.EvictByTagAsync(ReadCache.TalkTag(talk), ct);
            }
        }

        return scope;
    }

    private static bool Advance(ref long seen, long latest)
    {
        var current = Volatile.Read(ref seen);
        while (latest > current)
        {
            var found = Interlocked.CompareExchange(ref seen, latest, current);
            if (found == current)
            {
                return true;
            }

            current = found;
        }

        return false;
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
