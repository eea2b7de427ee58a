using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Talks.Data;
using Talks.Data.Entities;

namespace Talks.Api.Records;

/// <summary>What every create/update body of a cited record carries.</summary>
public interface ICitedRequest : IRequest
{
    IReadOnlyList<string> SourceIds { get; }
}

/// <summary>A well-formed id, if the client sends one.</summary>
public abstract class RequestValidator<T> : AbstractValidator<T> where T : IRequest
{
    protected RequestValidator()
    {
        RuleFor(r => r.Id).Must(Slug.IsValid!).When(r => r.Id is not null).WithMessage($"id must be {Slug.Rule}.");
    }
}

/// <summary>The rules every cited record shares: a well-formed id, and sources that exist.</summary>
public abstract class CitedRequestValidator<T> : RequestValidator<T> where T : ICitedRequest
{
    protected CitedRequestValidator(TalksDbContext db)
    {
        RuleFor(r => r.SourceIds).Cites(db);
    }
}

public static class Rules
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

            var known = KnownIds.In(context, "source");
            var unknown = ids.Where(id => !known.Contains(id)).ToList();
            var missing = unknown.Where(id => LookedUpIds.Exists(context, "source", id) is false).Distinct().ToList();
            missing.AddRange(await MissingAsync(db.Sources, unknown.Where(id => LookedUpIds.Exists(context, "source", id) is null).ToList(), ct));
            if (missing.Count > 0)
            {
                context.AddFailure($"Unknown source id(s): {string.Join(", ", missing)}.");
            }
        });

    /// <summary>The id must name an existing record; a dangling reference is the client's 400, never a 500 from a foreign key.</summary>
    public static IRuleBuilderOptions<T, string?> Exists<T, TEntity>(this IRuleBuilder<T, string?> rule, DbSet<TEntity> set, string what)
        where TEntity : Entity =>
        rule.MustAsync(async (_, id, context, ct) =>
                id is null || (Slug.IsValid(id) && (KnownIds.In(context, what).Contains(id)
                    || (LookedUpIds.Exists(context, what, id) ?? await set.AnyAsync(e => e.Id == id, ct)))))
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

public static class DateRules
{
    /// <summary>The earliest date the API accepts: peace talks of record, not typos like year 0025.</summary>
    public static readonly DateOnly Earliest = new(1800, 1, 1);

    /// <summary>Dates of what has happened or been published: not before 1800, not more than a day ahead.</summary>
    public static IRuleBuilderOptions<T, DateOnly?> PlausibleDate<T>(this IRuleBuilder<T, DateOnly?> rule) =>
        rule.Must(d => d is null || (d >= Earliest && d <= DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1)))
            .WithMessage("{PropertyName} must be between 1800-01-01 and today.");
}

/// <summary>
/// Ids a request brings with it (a round posted together with new parties and people): references to them are
/// valid although the database does not hold them yet. Carried in the validation context's root data.
/// </summary>
public static class KnownIds
{
    private const string Prefix = "known:";

    public static IReadOnlySet<string> In(IValidationContext context, string what) =>
        context.RootContextData.TryGetValue(Prefix + what, out var ids) && ids is IReadOnlySet<string> set ? set : Empty;

    public static void Add(IValidationContext context, string what, IEnumerable<string?> ids) =>
        context.RootContextData[Prefix + what] = ids.OfType<string>().ToHashSet(StringComparer.Ordinal);

    /// <summary>True while validating the parts of a round posted whole, which take the round from it.</summary>
    public static bool InWholeRound(IValidationContext context) => context.RootContextData.ContainsKey(Prefix + "round");

    private static readonly IReadOnlySet<string> Empty = new HashSet<string>();
}

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
