using Talks.Data;

namespace Talks.Api.Answers.Caching;

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

    // Stryker disable once String : equivalent; the prefix only keeps talk tags apart from the two above, and any
    // text put on an answer is the same text its eviction names.
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
    /// Outside the answer's shaping, so what is kept is the finished answer (fields selected, ETag set) and a
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
        var changes = ((IEndpointRouteBuilder)group).ServiceProvider.GetRequiredService<IChangeNumbers>();
        if (!changes.BelongToTalks(collection))
        {
            throw new ArgumentException($"The records of {collection} do not belong to a talk.", nameof(collection));
        }

        return group.WithMetadata(new TalkScopedReads(collection, routeValue));
    }
}
