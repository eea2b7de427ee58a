using System.Text.Json;
using System.Text.RegularExpressions;
using Talks.Api.Hosting.Json;

namespace Talks.Api.Hosting.Validation;

/// <summary>Says what is wrong with a request body in the client's terms: the JSON path, never a .NET type name.</summary>
public static partial class JsonErrors
{
    public static Dictionary<string, string[]> Describe(JsonException json)
    {
        var field = FieldFromPath(json.Path);
        if (MissingRequired().Match(json.Message) is { Success: true } missing)
        {
            var prefix = field == "body" ? "" : field + ".";
            return missing.Groups["names"].Value.Split(", ")
                .Select(n => n.Trim('\''))
                .ToDictionary(n => prefix + n, n => new[] { $"'{n}' is required." });
        }

        var (key, message) = DescribeOne(json, field);
        return new() { [key] = [message] };
    }

    private static (string Field, string Message) DescribeOne(JsonException json, string field)
    {
        if (UnknownProperty().Match(json.Message) is { Success: true } unknown)
        {
            var name = unknown.Groups["name"].Value;
            // The path already ends at the unknown property ("$.positions[0].bogus").
            return (field == "body" ? name : field, $"'{name}' is not a known property.");
        }

        if (json.Message.StartsWith(OffsetDateTimeConverter.Message, StringComparison.Ordinal))
        {
            return (field, OffsetDateTimeConverter.Message);
        }

        if (json.Message.StartsWith(TextWithoutNul.Message, StringComparison.Ordinal))
        {
            return (field, TextWithoutNul.Message);
        }

        if (json.Message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase))
        {
            return (field, "The property appears more than once.");
        }

        if (json.Message.Contains("could not be converted", StringComparison.Ordinal))
        {
            // Name the allowed values of an enum; never echo a .NET type name.
            var allowed = EnumName().Match(json.Message) is { Success: true } match
                && typeof(global::Talks.Data.Entities.Entity).Assembly.GetType("Talks.Data.Entities." + match.Groups["name"].Value) is { IsEnum: true } enumType
                ? " Allowed: " + string.Join(", ", Enum.GetNames(enumType).Select(JsonNamingPolicy.KebabCaseLower.ConvertName)) + "."
                : "";
            return (field, "The value has the wrong type or is not one of the allowed values." + allowed);
        }

        return ("body", $"Malformed JSON at line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1}.");
    }

    /// <summary>What is wrong with one value that was well-formed JSON but would not convert.</summary>
    public static string Message(JsonException json)
    {
        var (field, message) = DescribeOne(json, "value");
        return field == "body" ? "The value has the wrong type." : message;
    }

    /// <summary>"$.positions[2].partyId" → "positions[2].partyId"; the root is "body".</summary>
    private static string FieldFromPath(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$', '.');

    [GeneratedRegex("missing required properties including: (?<names>.+?)\\.?$")]
    private static partial Regex MissingRequired();

    [GeneratedRegex(@"Talks\.Data\.Entities\.(?<name>\w+)")]
    private static partial Regex EnumName();

    [GeneratedRegex("property '(?<name>[^']+)' could not be mapped")]
    private static partial Regex UnknownProperty();
}
