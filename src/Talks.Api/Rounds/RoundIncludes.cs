using Microsoft.EntityFrameworkCore;
using Talks.Api.Answers.Embedding;

namespace Talks.Api.Rounds;

/// <summary>Rounds as other collections embed them with <c>include=</c>.</summary>
public static class RoundIncludes
{
    /// <summary><c>include=round</c> on agreements: the round each was reached at.</summary>
    public static readonly Include RoundOfAgreement =
        new("round", typeof(RoundResponse), a => Include.Key(a, "roundId"),
            async (db, keys, ct) => (await db.Rounds.AsNoTracking().Where(r => keys.Contains(r.Id))
                    .Select(RoundResource.Summary).AsSplitQuery().ToListAsync(ct))
                .ToLookup(r => r.Id, r => (object)r),
            Single: true);
}
