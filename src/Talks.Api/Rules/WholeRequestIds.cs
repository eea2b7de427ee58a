using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Names;
using Talks.Data.Entities;

namespace Talks.Api.Rules;

/// <summary>
/// What a request posted whole (a round with its new parties, people, positions…) tells every part's validator about
/// ids: which ones it brings with it, so references to them are valid although the database does not hold them yet,
/// and which ones exist, looked up ahead in one query per table so that a round with 25 positions does not check each
/// reference with a query of its own. Kept in the validation context, keyed by the entity each id names.
/// </summary>
public sealed class WholeRequestIds
{
    private readonly Dictionary<Type, HashSet<string>> _brought = [];
    private readonly Dictionary<Type, (HashSet<string> Asked, HashSet<string> Found)> _lookedUp = [];

    /// <summary>The ids of the request being validated; null when it is not posted whole.</summary>
    public static WholeRequestIds? Of(IValidationContext context) =>
        context.RootContextData.TryGetValue(nameof(WholeRequestIds), out var ids) ? ids as WholeRequestIds : null;

    /// <summary>Starts the ids of a request posted whole; its parts' validators find them with <see cref="Of"/>.</summary>
    public static WholeRequestIds Begin(IValidationContext context)
    {
        var ids = new WholeRequestIds();
        context.RootContextData[nameof(WholeRequestIds)] = ids;
        return ids;
    }

    /// <summary>The request brings records of <typeparamref name="TEntity"/> with these ids.</summary>
    public WholeRequestIds Brings<TEntity>(IEnumerable<string?> ids)
        where TEntity : Entity
    {
        _brought[typeof(TEntity)] = ids.OfType<string>().ToHashSet(StringComparer.Ordinal);
        return this;
    }

    public bool Brought<TEntity>(string id)
        where TEntity : Entity =>
        _brought.TryGetValue(typeof(TEntity), out var ids) && ids.Contains(id);

    /// <summary>Looks up which of <paramref name="ids"/> exist in <paramref name="set"/>, in one query.</summary>
    public async Task LookUpAsync<TEntity>(DbSet<TEntity> set, IEnumerable<string?> ids, CancellationToken ct)
        where TEntity : Entity
    {
        var asked = ids.OfType<string>().Where(Slug.IsValid).Distinct().ToList();
        var found = asked.Count == 0 ? [] : await set.Where(e => asked.Contains(e.Id)).Select(e => e.Id).ToListAsync(ct);
        _lookedUp[typeof(TEntity)] = (asked.ToHashSet(StringComparer.Ordinal), found.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Whether the id exists, when it was looked up ahead; null when it was not.</summary>
    public bool? Exists<TEntity>(string id)
        where TEntity : Entity =>
        _lookedUp.TryGetValue(typeof(TEntity), out var lookUp) && lookUp.Asked.Contains(id) ? lookUp.Found.Contains(id) : null;
}
