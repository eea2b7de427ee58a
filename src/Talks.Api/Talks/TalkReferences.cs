using Talks.Api.Records;
using Talks.Data;

namespace Talks.Api.Talks;

/// <summary>What still belongs to a talk: its rounds.</summary>
internal static class TalkReferences
{
    public static async Task<Dictionary<string, List<string>>> FindAsync(TalksDbContext db, string id, CancellationToken ct)
    {
        var found = new Dictionary<string, List<string>>();
        await References.AddAsync(found, "rounds", db.Rounds.Where(r => r.TalkId == id).Select(r => r.Id), ct);
        return found;
    }
}
