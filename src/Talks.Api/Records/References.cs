using Microsoft.EntityFrameworkCore;

namespace Talks.Api.Records;

/// <summary>
/// What still points at a record, by collection, so a refused delete can say exactly what to change first; each
/// resource names its own in its folder (<c>PartyReferences</c>…). Each list is capped: the point is to name examples,
/// not to page through them.
/// </summary>
public static class References
{
    private const int Cap = 20;

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
