using Talks.Api.Records;
using Talks.Data;

namespace Talks.Api.People;

/// <summary>What still names a person: the delegations they sat in, the positions they voiced, what they said.</summary>
internal static class PersonReferences
{
    public static async Task<Dictionary<string, List<string>>> FindAsync(TalksDbContext db, string id, CancellationToken ct)
    {
        var found = new Dictionary<string, List<string>>();
        await References.AddAsync(found, "rounds", db.RoundDelegates.Where(d => d.PersonId == id).Select(d => d.RoundId), ct);
        await References.AddAsync(found, "positions", db.Positions.Where(p => p.VoicedById == id).Select(p => p.Id), ct);
        await References.AddAsync(found, "statements", db.Statements.Where(s => s.SpeakerPersonId == id).Select(s => s.Id), ct);
        return found;
    }
}
