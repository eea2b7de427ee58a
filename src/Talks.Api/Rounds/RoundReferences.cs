using Talks.Api.Records;
using Talks.Data;

namespace Talks.Api.Rounds;

/// <summary>What still belongs to a round: its positions, statements and agreements.</summary>
internal static class RoundReferences
{
    public static async Task<Dictionary<string, List<string>>> FindAsync(TalksDbContext db, string id, CancellationToken ct)
    {
        var found = new Dictionary<string, List<string>>();
        await References.AddAsync(found, "positions", db.Positions.Where(p => p.RoundId == id).Select(p => p.Id), ct);
        await References.AddAsync(found, "statements", db.Statements.Where(s => s.RoundId == id).Select(s => s.Id), ct);
        await References.AddAsync(found, "agreements", db.Agreements.Where(a => a.RoundId == id).Select(a => a.Id), ct);
        return found;
    }
}
