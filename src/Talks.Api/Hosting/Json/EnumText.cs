using System.Collections.Frozen;
using System.Text.Json;

namespace Talks.Api.Hosting.Json;

/// <summary>Enums in query strings use the same kebab-case names as in JSON bodies.</summary>
public static class EnumText<T> where T : struct, Enum
{
    private static readonly FrozenDictionary<string, T> ByName =
        Enum.GetValues<T>().ToFrozenDictionary(v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()), v => v);

    public static string Allowed => string.Join(", ", ByName.Keys.Order(StringComparer.Ordinal));

    /// <summary>Every value's name, in declaration order.</summary>
    public static IEnumerable<string> Names => Enum.GetValues<T>().Select(Name);

    /// <summary>The name a value has in JSON and query strings: <c>InImplementation</c> → <c>in-implementation</c>.</summary>
    public static string Name(T value) => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static bool TryParse(string text, out T value) => ByName.TryGetValue(text, out value);

    /// <summary>Parses an optional filter value, adding an error naming the allowed values when it is not one.</summary>
    public static T? Parse(string? text, string parameter, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (ByName.TryGetValue(text, out var value))
        {
            return value;
        }

        errors[parameter] = [$"'{text}' is not a {parameter}. Allowed: {Allowed}."];
        return null;
    }
}
