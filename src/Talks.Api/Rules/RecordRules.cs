using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Talks.Data;
using Talks.Data.Entities;
using Talks.Api.Names;

namespace Talks.Api.Rules;

public static class RecordRules
{
    public const int NameLength = 200;
    public const int TextLength = 4000;

    /// <summary>At least one source, each an id that exists: every fact says where it comes from.</summary>
    public static IRuleBuilderOptionsConditions<T, IReadOnlyList<string>> Cites<T>(this IRuleBuilder<T, IReadOnlyList<string>> rule, TalksDbContext db) =>
        rule.CustomAsync(async (ids, context, ct) =>
        {
            if (ids is null || ids.Count == 0)
            {
                context.AddFailure("Cite at least one source id.");
                return;
            }

            if (ids.Count > 20)
            {
                context.AddFailure("Cite at most 20 sources.");
                return;
            }

            if (ids.FirstOrDefault(id => !Slug.IsValid(id)) is { } malformed)
            {
                context.AddFailure($"'{malformed}' is not a valid id.");
                return;
            }

            var whole = WholeRequestIds.Of(context);
            var unknown = ids.Where(id => whole?.Brought<Source>(id) != true).ToList();
            var missing = unknown.Where(id => whole?.Exists<Source>(id) is false).Distinct().ToList();
            missing.AddRange(await MissingAsync(db.Sources, unknown.Where(id => whole?.Exists<Source>(id) is null).ToList(), ct));
            if (missing.Count > 0)
            {
                context.AddFailure($"Unknown source id(s): {string.Join(", ", missing)}.");
            }
        });

    /// <summary>The id must name an existing record; a dangling reference is the client's 400, never a 500 from a foreign key.</summary>
    public static IRuleBuilderOptions<T, string?> Exists<T, TEntity>(this IRuleBuilder<T, string?> rule, DbSet<TEntity> set, string what)
        where TEntity : Entity =>
        rule.MustAsync(async (_, id, context, ct) =>
                id is null || (Slug.IsValid(id) && (WholeRequestIds.Of(context) is { } whole && whole.Brought<TEntity>(id)
                    || (WholeRequestIds.Of(context)?.Exists<TEntity>(id) ?? await set.AnyAsync(e => e.Id == id, ct)))))
            .WithMessage((_, id) => $"No {what} has the id '{id}'.");

    public static async Task<List<string>> MissingAsync<TEntity>(DbSet<TEntity> set, IReadOnlyList<string> ids, CancellationToken ct)
        where TEntity : Entity
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var distinct = ids.Distinct().ToList();
        var found = await set.Where(e => distinct.Contains(e.Id)).Select(e => e.Id).ToListAsync(ct);
        return distinct.Except(found).ToList();
    }

    /// <summary>A kebab-case topic or unit word: <c>leaders-meeting</c>, <c>prisoners-of-war</c>.</summary>
    public static IRuleBuilderOptions<T, string?> KebabWord<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => v is null || Slug.IsValid(v)).WithMessage("Use lower-case words joined by hyphens, e.g. 'leaders-meeting'.");
}
