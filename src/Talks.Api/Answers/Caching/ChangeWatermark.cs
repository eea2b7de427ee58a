using Microsoft.AspNetCore.OutputCaching;

namespace Talks.Api.Answers.Caching;

/// <summary>
/// The change numbers this instance has seen: moving one past evicts what was cached under it before. Only frees
/// memory: answers made before are keyed by the older numbers and can no longer match.
/// </summary>
internal sealed class ChangeWatermark(IOutputCacheStore store, IChangeNumbers changes)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _talks = new(StringComparer.Ordinal);
    // Stryker disable once Unary : equivalent; a database always holds its seed's changes, numbered far above 1, before the first read.
    private long _all = -1;

    // Stryker disable once Unary : equivalent, as above.
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

            // Stryker disable once Equality : equivalent; the loop would swap once more and still report the move.
            if (found == current)
            {
                return true;
            }

            current = found;
        }

        return false;
    }
}
