using Talks.Api.Records;
using Talks.Data;

namespace Talks.Api.Parties;

/// <summary>What still names a party: its people, the rounds it sat in, its positions, statements and obligations.</summary>
internal static class PartyReferences
{
    public static async Task<Dictionary<string, List<string>>> FindAsync(TalksDbContext db, string id, CancellationToken ct)
    {
        var found = new Dictionary<string, List<string>>();
        await References.AddAsync(found, "people", db.People.Where(p => p.PartyId == id || p.Offices.Any(o => o.PartyId == id)).Select(p => p.Id), ct);
        await References.AddAsync(found, "rounds", db.RoundParticipants.Where(p => p.PartyId == id).Select(p => p.RoundId)
            .Union(db.RoundDelegates.Where(d => d.PartyId == id).Select(d => d.RoundId)), ct);
        await References.AddAsync(found, "positions", db.Positions.Where(p => p.PartyId == id).Select(p => p.Id), ct);
        await References.AddAsync(found, "statements", db.Statements.Where(s => s.SpeakerPartyId == id).Select(s => s.Id), ct);
        await References.AddAsync(found, "agreements", db.Obligations.Where(o => o.PartyId == id || o.BeneficiaryPartyId == id).Select(o => o.AgreementId), ct);
        return found;
    }
}
