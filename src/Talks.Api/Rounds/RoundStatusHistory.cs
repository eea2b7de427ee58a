using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Changes;
using Talks.Api.Hosting.Errors;
using Talks.Api.Hosting.Json;
using Talks.Data;
using Talks.Data.Entities;

namespace Talks.Api.Rounds;

/// <summary>A round's status now, and each status it has had: announced, put off, held or called off, when and by whom.</summary>
public sealed record RoundStatusHistory(string RoundId, RoundStatus Status, IReadOnlyList<RoundStatusChange> Changes);

/// <summary>The round took <c>status</c> at <c>at</c>, in the edit that made it version <c>version</c>.</summary>
public sealed record RoundStatusChange(RoundStatus Status, DateTime At, string Actor, long? Version);

/// <summary>
/// Read from the change record every write leaves, so nothing extra is stored and nothing can drift: the first entry
/// is the status the round was created with, each later one an edit that changed it.
/// </summary>
internal static class RoundStatusHistories
{
    public static async Task<Results<Ok<RoundStatusHistory>, ProblemHttpResult>> ReadAsync(TalksDbContext db, string id, CancellationToken ct)
    {
        var status = await db.Rounds.AsNoTracking().Where(r => r.Id == id).Select(r => (RoundStatus?)r.Status).FirstOrDefaultAsync(ct);
        if (status is null)
        {
            return Problems.NotFound("round", id);
        }

        var records = await db.Changes.AsNoTracking()
            .Where(c => c.Collection == "rounds" && c.RecordId == id && (c.Kind == ChangeKind.Deleted || c.Changes.Contains("\"status\"")))
            .OrderBy(c => c.Id)
            .ToListAsync(ct);

        // A round deleted and made again under the same id starts a history of its own.
        var since = records.FindLastIndex(c => c.Kind == ChangeKind.Deleted);
        var changes = records.Skip(since + 1).Select(ChangeResponse.From)
            .Select(c => (Change: c, To: c.Changes.GetValueOrDefault("status")?.To?.GetString()))
            .Where(c => c.To is not null && EnumText<RoundStatus>.TryParse(c.To, out _))
            .Select(c =>
            {
                EnumText<RoundStatus>.TryParse(c.To!, out var to);
                return new RoundStatusChange(to, c.Change.At, c.Change.Actor, c.Change.Version);
            })
            .ToList();
        return TypedResults.Ok(new RoundStatusHistory(id, status.Value, changes));
    }
}
