using Microsoft.EntityFrameworkCore;
using Talks.Data;

namespace Talks.Api.Records;

/// <summary>
/// What still points at a record, by collection, so a refused delete can say exactly what to change first.
/// Each list is capped; the point is to name examples, not to page through them.
/// </summary>
public static class References
{
    private const int Cap = 20;

    public static async Task<Dictionary<string, List<string>>> ToPartyAsync(TalksDbContext db, string id, CancellationToken ct)
    {
        var found = new Dictionary<string, List<string>>();
        await AddAsync(found, "people", db.People.Where(p => p.PartyId == id || p.Offices.Any(o => o.PartyId == id)).Select(p => p.Id), ct);
        await AddAsync(found, "rounds", db.RoundParticipants.Where(p => p.PartyId == id).Select(p => p.RoundId)
            .Union(db.RoundDelegates.Where(d => d.PartyId == id).Select(d => d.RoundId)), ct);
        await AddAsync(found, "positions", db.Positions.Where(p => p.PartyId == id).Select(p => p.Id), ct);
        await AddAsync(found, "statements", db.Statements.Where(s => s.SpeakerPartyId == id).Select(s => s.Id), ct);
        await AddAsync(found, "agreements", db.Obligations.Where(o => o.PartyId == id || o.BeneficiaryPartyId == id).Select(o => o.AgreementId), ct);
        return found;
    }

    public static async Task<Dictionary<string, List<string>>> ToPersonAsync(TalksDbContext db, string id, CancellationToken ct)
    {
        var found = new Dictionary<string, List<string>>();
        await AddAsync(found, "rounds", db.RoundDelegates.Where(d => d.PersonId == id).Select(d => d.RoundId), ct);
        await AddAsync(found, "positions", db.Positions.Where(p => p.VoicedById == id).Select(p => p.Id), ct);
        await AddAsync(found, "statements", db.Statements.Where(s => s.SpeakerPersonId == id).Select(s => s.Id), ct);
        return found;
    }

    public static async Task<Dictionary<string, List<string>>> ToTalkAsync(TalksDbContext db, string id, CancellationToken ct)
    {
        var found = new Dictionary<string, List<string>>();
        await AddAsync(found, "rounds", db.Rounds.Where(r => r.TalkId == id).Select(r => r.Id), ct);
        return found;
    }

    public static async Task<Dictionary<string, List<string>>> ToRoundAsync(TalksDbContext db, string id, CancellationToken ct)
    {
        var found = new Dictionary<string, List<string>>();
        await AddAsync(found, "positions", db.Positions.Where(p => p.RoundId == id).Select(p => p.Id), ct);
        await AddAsync(found, "statements", db.Statements.Where(s => s.RoundId == id).Select(s => s.Id), ct);
        await AddAsync(found, "agreements", db.Agreements.Where(a => a.RoundId == id).Select(a => a.Id), ct);
        return found;
    }

    public static async Task<Dictionary<string, List<string>>> ToPositionAsync(TalksDbContext db, string id, CancellationToken ct)
    {
        var found = new Dictionary<string, List<string>>();
        await AddAsync(found, "positions", db.Positions.Where(p => p.AnswersId == id).Select(p => p.Id), ct);
        return found;
    }

    public static async Task<Dictionary<string, List<string>>> ToSourceAsync(TalksDbContext db, string id, CancellationToken ct)
    {
        var found = new Dictionary<string, List<string>>();
        await AddAsync(found, "talks", db.Talks.Where(e => e.SourceIds.Contains(id)).Select(e => e.Id), ct);
        await AddAsync(found, "rounds", db.Rounds.Where(e => e.SourceIds.Contains(id)).Select(e => e.Id), ct);
        await AddAsync(found, "parties", db.Parties.Where(e => e.SourceIds.Contains(id)).Select(e => e.Id), ct);
        await AddAsync(found, "people", db.People.Where(e => e.SourceIds.Contains(id)).Select(e => e.Id), ct);
        await AddAsync(found, "positions", db.Positions.Where(e => e.SourceIds.Contains(id)).Select(e => e.Id), ct);
        await AddAsync(found, "statements", db.Statements.Where(e => e.SourceIds.Contains(id)).Select(e => e.Id), ct);
        await AddAsync(found, "agreements", db.Agreements.Where(e => e.SourceIds.Contains(id)).Select(e => e.Id)
            .Union(db.AgreementEvents.Where(e => e.SourceIds.Contains(id)).Select(e => e.AgreementId)), ct);
        return found;
    }

    /// <summary>Adds up to a capped few ids under <paramref name="collection"/>, when there are any.</summary>
    public static async Task AddAsync(Dictionary<string, List<string>> found, string collection, IQueryable<string> ids, CancellationToken ct)
    {
        var list = await ids.Distinct().OrderBy(i => i).Take(Cap).ToListAsync(ct);
        if (list.Count > 0)
        {
            found[collection] = list;
        }
    }
}
