using Talks.Api.Records;
using Talks.Data;

namespace Talks.Api.Sources;

/// <summary>What still cites a source: every kind of record, and an agreement through its events.</summary>
internal static class SourceReferences
{
    public static async Task<Dictionary<string, List<string>>> FindAsync(TalksDbContext db, string id, CancellationToken ct)
    {
        var found = new Dictionary<string, List<string>>();
        await References.AddAsync(found, "talks", db.Talks.Where(e => e.SourceIds.Contains(id)).Select(e => e.Id), ct);
        await References.AddAsync(found, "rounds", db.Rounds.Where(e => e.SourceIds.Contains(id)).Select(e => e.Id), ct);
        await References.AddAsync(found, "parties", db.Parties.Where(e => e.SourceIds.Contains(id)).Select(e => e.Id), ct);
        await References.AddAsync(found, "people", db.People.Where(e => e.SourceIds.Contains(id)).Select(e => e.Id), ct);
        await References.AddAsync(found, "positions", db.Positions.Where(e => e.SourceIds.Contains(id)).Select(e => e.Id), ct);
        await References.AddAsync(found, "statements", db.Statements.Where(e => e.SourceIds.Contains(id)).Select(e => e.Id), ct);
        await References.AddAsync(found, "agreements", db.Agreements.Where(e => e.SourceIds.Contains(id)).Select(e => e.Id)
            .Union(db.AgreementEvents.Where(e => e.SourceIds.Contains(id)).Select(e => e.AgreementId)), ct);
        return found;
    }
}
