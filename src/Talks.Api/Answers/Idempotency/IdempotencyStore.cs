using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Talks.Api.Hosting.Database;
using Talks.Data;
using Talks.Data.Entities;

namespace Talks.Api.Answers.Idempotency;

/// <summary>What a claim on a key found: the key is ours now, or someone holds it (with their record, if it still exists).</summary>
internal readonly record struct Claim(bool Won, IdempotencyRecord? Holder);

/// <summary>A finished request's answer, as it will be replayed.</summary>
internal sealed record StoredAnswer(int StatusCode, string? ContentType, byte[] Body, string? Location, string? ETag);

/// <summary>
/// Reads and writes idempotency records, each in a DbContext of its own, so a claim is committed before the endpoint
/// runs and never rides along in (or is rolled back with) the endpoint's own save.
/// </summary>
internal sealed class IdempotencyStore(IServiceScopeFactory scopes, IOptions<IdempotencyOptions> options, TimeProvider clock)
{
    private TimeSpan Retention => TimeSpan.FromHours(options.Value.RetentionHours);

    /// <summary>
    /// Inserts the record that holds the key; the primary key (caller, key) decides which of two racing requests wins.
    /// A holder past its retention is removed and the claim tried once more.
    /// </summary>
    public async Task<Claim> ClaimAsync(string caller, string key, string requestHash, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (await TryInsertAsync(caller, key, requestHash, ct))
            {
                return new Claim(true, null);
            }

            var holder = await FindAsync(caller, key, ct);
            if (holder is not null && holder.ExpiresAt <= Now && attempt == 0)
            {
                await RemoveExpiredAsync(caller, key, ct);
                continue;
            }

            // The holder may have let go in between (its request failed); one more try, then the caller retries later.
            if (holder is null && attempt == 0)
            {
                continue;
            }

            return new Claim(false, holder);
        }
    }

    public async Task CompleteAsync(string caller, string key, StoredAnswer answer, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TalksDbContext>();
        await db.IdempotencyRecords
            .Where(r => r.Caller == caller && r.Key == key)
            .ExecuteUpdateAsync(
                s => s.SetProperty(r => r.Completed, true)
                    .SetProperty(r => r.StatusCode, answer.StatusCode)
                    .SetProperty(r => r.ContentType, answer.ContentType)
                    .SetProperty(r => r.Body, answer.Body)
                    .SetProperty(r => r.Location, answer.Location)
                    .SetProperty(r => r.ETag, answer.ETag),
                ct);
    }

    /// <summary>Gives the key up after a failure nobody should have replayed to them, so a retry runs for real.</summary>
    public async Task ReleaseAsync(string caller, string key, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TalksDbContext>();
        await db.IdempotencyRecords.Where(r => r.Caller == caller && r.Key == key && !r.Completed).ExecuteDeleteAsync(ct);
    }

    /// <summary>Forgets every answer past its retention; returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var now = Now;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TalksDbContext>();
        return await db.IdempotencyRecords.Where(r => r.ExpiresAt < now).ExecuteDeleteAsync(ct);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<bool> TryInsertAsync(string caller, string key, string requestHash, CancellationToken ct)
    {
        var now = Now;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TalksDbContext>();
        db.IdempotencyRecords.Add(new IdempotencyRecord
        {
            Caller = caller,
            Key = key,
            RequestHash = requestHash,
            Completed = false,
            CreatedAt = now,
            ExpiresAt = now + Retention,
        });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (IsDuplicateKey(e))
        {
            return false;
        }
    }

    private async Task<IdempotencyRecord?> FindAsync(string caller, string key, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TalksDbContext>();
        return await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Caller == caller && r.Key == key, ct);
    }

    /// <summary>Only removes the row while it is still expired: a fresh claim made meanwhile by a racing retry stays.</summary>
    private async Task RemoveExpiredAsync(string caller, string key, CancellationToken ct)
    {
        var now = Now;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TalksDbContext>();
        await db.IdempotencyRecords.Where(r => r.Caller == caller && r.Key == key && r.ExpiresAt <= now).ExecuteDeleteAsync(ct);
    }

    private static bool IsDuplicateKey(DbUpdateException e) => DatabaseErrors.IsDuplicateKey(e.InnerException);
}
