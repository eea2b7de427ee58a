using FluentValidation;

namespace Talks.Api.Rules;

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
