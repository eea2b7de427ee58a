using Microsoft.EntityFrameworkCore;

namespace Talks.Api.Records;

/// <summary>
/// What still points at a record, by collection, so a refused delete can say exactly what to change first. Each
/// resource names its own queries where its kind is described (<c>PartyResource.Kind</c>…); each list is capped: the
/// point is to name examples, not to page through them.
/// </summary>
public static class References
{
    private const int Cap = 20;

    /// <summary>Runs each query in turn and keeps, under its collection, up to a capped few of the ids it finds.</summary>
    public static async Task<Dictionary<string, List<string>>> FindAsync(CancellationToken ct, params (string Collection, IQueryable<string> Ids)[] queries)
    {
        var found = new Dictionary<string, List<string>>();
        foreach (var (collection, ids) in queries)
        {
            var list = await ids.Distinct().OrderBy(i => i).Take(Cap).ToListAsync(ct);
            if (list.Count > 0)
            {
                found[collection] = list;
            }
        }

        return found;
    }
}
