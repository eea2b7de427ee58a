using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Talks.Data.Entities;
using Talks.Api.Names;

namespace Talks.Api.Rules;

/// <summary>
/// Ids a validator looked up ahead, one query per table, so that checking a request with many references (a round
/// posted whole) does not cost a query per reference. Carried in the validation context's root data.
/// </summary>
public static class LookedUpIds
{
    private const string Prefix = "looked-up:";

    /// <summary>Looks up which of <paramref name="ids"/> exist in <paramref name="set"/>, in one query.</summary>
    public static async Task LoadAsync<TEntity>(IValidationContext context, string what, DbSet<TEntity> set, IEnumerable<string?> ids, CancellationToken ct)
        where TEntity : Entity
    {
        var wanted = ids.OfType<string>().Where(Slug.IsValid).Distinct().ToList();
        var found = wanted.Count == 0 ? [] : await set.Where(e => wanted.Contains(e.Id)).Select(e => e.Id).ToListAsync(ct);
        context.RootContextData[Prefix + what] = new LookUp(wanted.ToHashSet(StringComparer.Ordinal), found.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Whether the id exists, when it was looked up ahead; null when it was not.</summary>
    public static bool? Exists(IValidationContext context, string what, string id) =>
        context.RootContextData.TryGetValue(Prefix + what, out var value) && value is LookUp lookUp && lookUp.Wanted.Contains(id)
            ? lookUp.Found.Contains(id)
            : null;

    private sealed record LookUp(HashSet<string> Wanted, HashSet<string> Found);
}
