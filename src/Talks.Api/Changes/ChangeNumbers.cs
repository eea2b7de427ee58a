using Microsoft.EntityFrameworkCore;
using Talks.Data;

namespace Talks.Api.Changes;

/// <summary>How far the database has moved: the number of its newest change (0 before any).</summary>
internal static class ChangeNumbers
{
    private static readonly Func<TalksDbContext, Task<long?>> Newest =
        EF.CompileAsyncQuery((TalksDbContext db) => db.Changes.Max(c => (long?)c.Id));

    /// <summary>One indexed <c>MAX</c>, compiled once: it runs on every cached read and every poll of the streams.</summary>
    public static async Task<long> NewestAsync(TalksDbContext db) => await Newest(db) ?? 0;
}
