using Microsoft.EntityFrameworkCore;
using Talks.Data;

namespace Talks.Api.Answers.Formats;

/// <summary>The sources a record cites, as creative works with their addresses where they are online.</summary>
internal static class CitedSources
{
    public static async Task<IReadOnlyList<LinkedSource>> ReadAsync(TalksDbContext db, IReadOnlyList<string> ids, HttpRequest request, CancellationToken ct) =>
        (await db.Sources.AsNoTracking().Where(s => ids.Contains(s.Id)).Select(s => new { s.Id, s.Title, s.Url }).ToListAsync(ct))
            .OrderBy(s => IndexOf(ids, s.Id))
            .Select(s => new LinkedSource("CreativeWork", JsonLd.Address(request, $"/api/v1/sources/{s.Id}"), s.Title, s.Url))
            .ToList();

    /// <summary>Sources are cited in the order the record lists them.</summary>
    private static int IndexOf(IReadOnlyList<string> ids, string id)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (ids[i] == id)
            {
                return i;
            }
        }

        return ids.Count;
    }
}
