using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Talks.Api.Hosting.Validation;

/// <summary>
/// Walks a request body against the shape its type expects and names every field that does not fit — unknown,
/// repeated, missing when required, of the wrong type or not an allowed value — where the deserializer stops at the
/// first. What it returns is the body with those fields left out, so the request's rules can still run on the rest.
/// </summary>
internal static class JsonShape
{
    private const int MaxDepth = 32;

    public static JsonNode? Check(JsonElement body, JsonTypeInfo type, Dictionary<string, List<string>> faults) =>
        Walk(body, type, "", faults, 0).Value;

    private readonly record struct Fit(bool Kept, JsonNode? Value)
    {
        public static readonly Fit Dropped = new(false, null);
    }

    private static Fit Walk(JsonElement value, JsonTypeInfo type, string path, Dictionary<string, List<string>> faults, int depth)
    {
        if (depth > MaxDepth)
        {
            Add(faults, path, "The value is nested too deeply.");
            return Fit.Dropped;
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            return AllowsNull(type.Type) ? new(true, null) : Leaf(value, type, path, faults);
        }

        return type.Kind switch
        {
            JsonTypeInfoKind.Object => WalkObject(value, type, path, faults, depth),
            JsonTypeInfoKind.Enumerable => WalkArray(value, type, path, faults, depth),
            _ => Leaf(value, type, path, faults),
        };
    }

    private static Fit WalkObject(JsonElement value, JsonTypeInfo type, string path, Dictionary<string, List<string>> faults, int depth)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            Add(faults, path, "The value must be a JSON object.");
            return Fit.Dropped;
        }

        var comparison = type.Options.PropertyNameCaseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        var seen = new HashSet<string>(comparison);
        var kept = new JsonObject();
        foreach (var property in value.EnumerateObject())
        {
            var at = Join(path, property.Name);
            if (!seen.Add(property.Name))
            {
                Add(faults, at, "The property appears more than once.");
                continue;
            }

            var known = type.Properties.FirstOrDefault(p => comparison.Equals(p.Name, property.Name));
            if (known is null)
            {
                Add(faults, at, $"'{property.Name}' is not a known property.");
                continue;
            }

            var fit = Walk(property.Value, type.Options.GetTypeInfo(known.PropertyType), at, faults, depth + 1);
            if (fit.Kept)
            {
                kept[known.Name] = fit.Value;
            }
        }

        foreach (var required in type.Properties.Where(p => p.IsRequired && !seen.Contains(p.Name)))
        {
            Add(faults, Join(path, required.Name), $"'{required.Name}' is required.");
        }

        return new(true, kept);
    }

    private static Fit WalkArray(JsonElement value, JsonTypeInfo type, string path, Dictionary<string, List<string>> faults, int depth)
    {
        if (value.ValueKind != JsonValueKind.Array || type.ElementType is null)
        {
            Add(faults, path, "The value must be a JSON array.");
            return Fit.Dropped;
        }

        var elementType = type.Options.GetTypeInfo(type.ElementType);
        var kept = new JsonArray();
        var index = 0;
        foreach (var element in value.EnumerateArray())
        {
            var fit = Walk(element, elementType, $"{path}[{index++}]", faults, depth + 1);
            if (fit.Kept)
            {
                kept.Add(fit.Value);
            }
            else if (AllowsNull(type.ElementType))
            {
                // A gap rather than a removal, so the rules still name the later elements by their own index.
                kept.Add(null);
            }
            else
            {
                return Fit.Dropped;
            }
        }

        return new(true, kept);
    }

    /// <summary>A string, number, date, enum…: the deserializer itself decides, and its complaint becomes the message.</summary>
    private static Fit Leaf(JsonElement value, JsonTypeInfo type, string path, Dictionary<string, List<string>> faults)
    {
        try
        {
            JsonSerializer.Deserialize(value, type);
            return new(true, JsonNode.Parse(value.GetRawText()));
        }
        catch (JsonException e)
        {
            Add(faults, path, JsonErrors.Message(e));
            return Fit.Dropped;
        }
    }

    private static bool AllowsNull(Type type) => !type.IsValueType || Nullable.GetUnderlyingType(type) is not null;

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static void Add(Dictionary<string, List<string>> faults, string path, string message)
    {
        var key = path.Length == 0 ? "body" : path;
        if (!faults.TryGetValue(key, out var messages))
        {
            faults[key] = messages = [];
        }

        if (!messages.Contains(message))
        {
            messages.Add(message);
        }
    }
}
