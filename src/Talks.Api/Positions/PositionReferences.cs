using Talks.Api.Records;
using Talks.Data;

namespace Talks.Api.Positions;

/// <summary>What still answers a position: the positions given in reply to it.</summary>
internal static class PositionReferences
{
    public static async Task<Dictionary<string, List<string>>> FindAsync(TalksDbContext db, string id, CancellationToken ct)
    {
        var found = new Dictionary<string, List<string>>();
        await References.AddAsync(found, "positions", db.Positions.Where(p => p.AnswersId == id).Select(p => p.Id), ct);
        return found;
    }
}
