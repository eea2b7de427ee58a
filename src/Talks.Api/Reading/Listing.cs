using System.Linq.Expressions;
using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Records;
using Talks.Data.Entities;

namespace Talks.Api.Reading;

/// <summary>The query parameters every list shares. Each list's query record carries these and its own filters.</summary>
public interface IListQuery
{
    int? Limit { get; }
    string? Cursor { get; }

    /// <summary>A sort field, "-" first for descending: <c>-date</c>.</summary>
    string? Sort { get; }

    /// <summary>A case-insensitive text filter over the list's main text fields.</summary>
    string? Q { get; }

    /// <summary>Comma-separated ids: several records in one call.</summary>
    string? Ids { get; }
}

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

/// <summary>How one collection lists: its sort fields, its default order, what <c>q</c> searches.</summary>
public sealed class ListSpec<TEntity, TResponse>
    where TEntity : Entity
    where TResponse : class, IResource
{
    public required Expression<Func<TEntity, TResponse>> Projection { get; init; }
    public required IReadOnlyDictionary<string, ISortKey<TEntity, TResponse>> Sorts { get; init; }
    public required string DefaultSort { get; init; }

    /// <summary>The filter for <c>q</c>, given the lower-cased text.</summary>
    public required Func<string, Expression<Func<TEntity, bool>>> Text { get; init; }

    /// <summary>Split queries for projections with several collections.</summary>
    public bool SplitQuery { get; init; }

    public const int MaxIds = Paging.MaxLimit;

    public async Task<Results<Ok<Page<TResponse>>, ValidationProblem>> PageAsync(
        IQueryable<TEntity> query, IListQuery request, Dictionary<string, string[]> errors, HttpContext http, CancellationToken ct)
    {
        var sortText = request.Sort ?? DefaultSort;
        var descending = sortText.StartsWith('-');
        if (!Sorts.TryGetValue(sortText.TrimStart('-'), out var sort))
        {
            errors["sort"] = [$"'{sortText}' is not a sort of this list. Allowed: {string.Join(", ", Sorts.Keys.Order().SelectMany(k => new[] { k, "-" + k }))}."];
        }

        var pagingErrors = Paging.Check(request.Limit, request.Cursor, 3, out var take, out var after);
        foreach (var (parameter, messages) in pagingErrors)
        {
            errors[parameter] = messages;
        }

        // A cursor carries the sort it was made for; following it under another sort would skip or repeat records.
        if (after is [var cursorSort, var value, _] && (cursorSort != sortText || sort is null || !sort.CanParse(value)))
        {
            errors["cursor"] = ["The cursor belongs to another sort or list; start again without it."];
        }

        if (request.Ids is { } idList)
        {
            var ids = idList.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (ids.Length is 0 or > MaxIds || !ids.All(Slug.IsValid))
            {
                errors["ids"] = [$"Give 1 to {MaxIds} comma-separated ids."];
            }
            else
            {
                query = query.Where(e => ids.Contains(e.Id));
            }
        }

        if (request.Q is { } text)
        {
            if (text.Length is 0 or > 200)
            {
                errors["q"] = ["q must be 1 to 200 characters."];
            }
            else
            {
                query = query.Where(Text(text.ToLowerInvariant()));
            }
        }

        if (errors.Count > 0 || sort is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        query = sort.Apply(query, descending, after?[1], after?[2]);
        var projected = query.Take(take + 1).Select(Projection);
        var items = await (SplitQuery ? projected.AsSplitQuery() : projected).ToListAsync(ct);
        return TypedResults.Ok(items.ToPage(take, http, item => Paging.Encode(sortText, sort.ValueOf(item), item.Id)));
    }
}

/// <summary>Sort keys for the value types lists sort on.</summary>
public static class Sort
{
    public static ISortKey<TEntity, TResponse> ByText<TEntity, TResponse>(Expression<Func<TEntity, string>> key, Func<TResponse, string> read)
        where TEntity : Entity =>
        new SortKey<TEntity, TResponse, string>(key, read, v => v, v => (true, v));

    public static ISortKey<TEntity, TResponse> ByDate<TEntity, TResponse>(Expression<Func<TEntity, DateOnly>> key, Func<TResponse, DateOnly> read)
        where TEntity : Entity =>
        new SortKey<TEntity, TResponse, DateOnly>(key, read, v => v.ToString("yyyy-MM-dd"),
            v => DateOnly.TryParseExact(v, "yyyy-MM-dd", out var d) ? (true, d) : (false, default));

    public static ISortKey<TEntity, TResponse> ByNumber<TEntity, TResponse>(Expression<Func<TEntity, int>> key, Func<TResponse, int> read)
        where TEntity : Entity =>
        new SortKey<TEntity, TResponse, int>(key, read, v => v.ToString(System.Globalization.CultureInfo.InvariantCulture),
            v => int.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out var n) ? (true, n) : (false, 0));

    public static ISortKey<TEntity, TResponse> ByTime<TEntity, TResponse>(Expression<Func<TEntity, DateTime>> key, Func<TResponse, DateTime> read)
        where TEntity : Entity =>
        new SortKey<TEntity, TResponse, DateTime>(key, read, v => v.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture),
            v => long.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out var t) && t >= 0 && t <= DateTime.MaxValue.Ticks
                ? (true, new DateTime(t, DateTimeKind.Utc)) : (false, default));

    /// <summary>A LIKE pattern for <c>q</c>, with the wildcards in the text itself escaped by <see cref="Escape"/>.</summary>
    public static string Like(string text) => "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";

    public const string Escape = "\\";
}
