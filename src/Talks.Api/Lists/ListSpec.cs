using System.Linq.Expressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Records;
using Talks.Data.Entities;
using Talks.Api.Names;

namespace Talks.Api.Lists;

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
            errors["sort"] =
                [$"'{sortText}' is not a sort of this list. Allowed: {string.Join(", ", Sorts.Keys.Order().SelectMany(k => new[] { k, "-" + k }))}."];
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
