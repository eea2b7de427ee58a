using System.Linq.Expressions;
using System.Reflection;
using Talks.Data.Entities;

namespace Talks.Api.Lists;

/// <summary>One field a list can be sorted on; keyset paging continues from the last item's value and id.</summary>
public interface ISortKey<TEntity, TResponse>
{
    IQueryable<TEntity> Apply(IQueryable<TEntity> query, bool descending, string? afterValue, string? afterId);

    string ValueOf(TResponse item);

    bool CanParse(string value);
}

public sealed class SortKey<TEntity, TResponse, TKey>(
    Expression<Func<TEntity, TKey>> key, Func<TResponse, TKey> read, Func<TKey, string> format, Func<string, (bool Ok, TKey Value)> parse)
    : ISortKey<TEntity, TResponse>
    where TEntity : Entity
{
    private static readonly MethodInfo StringCompare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    public string ValueOf(TResponse item) => format(read(item));

    public bool CanParse(string value) => parse(value).Ok;

    public IQueryable<TEntity> Apply(IQueryable<TEntity> query, bool descending, string? afterValue, string? afterId)
    {
        if (afterValue is not null && afterId is not null)
        {
            query = query.Where(After(parse(afterValue).Value, afterId, descending));
        }

        Expression<Func<TEntity, string>> id = e => e.Id;
        return descending
            ? query.OrderByDescending(key).ThenByDescending(id)
            : query.OrderBy(key).ThenBy(id);
    }

    /// <summary>(key, id) strictly after the cursor in the list's order, built so EF passes both as parameters.</summary>
    private Expression<Func<TEntity, bool>> After(TKey value, string lastId, bool descending)
    {
        var entity = key.Parameters[0];
        var bound = Expression.Constant(new Bound(value, lastId));
        var keyValue = Expression.Property(bound, nameof(Bound.Value));
        var idValue = Expression.Property(bound, nameof(Bound.Id));
        var id = Expression.Property(entity, nameof(Entity.Id));
        var condition = Expression.OrElse(
            Beyond(key.Body, keyValue, descending),
            Expression.AndAlso(Expression.Equal(key.Body, keyValue), Beyond(id, idValue, descending)));
        return Expression.Lambda<Func<TEntity, bool>>(condition, entity);
    }

    private static Expression Beyond(Expression left, Expression right, bool descending)
    {
        if (left.Type == typeof(string))
        {
            var compared = Expression.Call(StringCompare, left, right);
            var zero = Expression.Constant(0);
            return descending ? Expression.LessThan(compared, zero) : Expression.GreaterThan(compared, zero);
        }

        return descending ? Expression.LessThan(left, right) : Expression.GreaterThan(left, right);
    }

    private sealed record Bound(TKey Value, string Id);
}
