using Talks.Api.Records;
using Talks.Data;

namespace Talks.Api.Topics;

/// <summary>What still names a topic: a topic in use is retired in favour of another rather than deleted.</summary>
internal static class TopicReferences
{
    public static async Task<Dictionary<string, List<string>>> FindAsync(TalksDbContext db, string id, CancellationToken ct)
    {
        var found = new Dictionary<string, List<string>>();
        await References.AddAsync(found, "positions", db.Positions.Where(p => p.Topic == id).Select(p => p.Id), ct);
        await References.AddAsync(found, "agreements", db.Agreements.Where(a => a.TopicIds.Contains(id)).Select(a => a.Id), ct);
        await References.AddAsync(found, "topics", db.Topics.Where(t => t.ParentId == id || t.ReplacedById == id).Select(t => t.Id), ct);
        return found;
    }
}
