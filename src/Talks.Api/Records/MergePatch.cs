using System.Text.Json;
using System.Text.Json.Nodes;
using FluentValidation;
using Talks.Api.Hosting.Validation;

namespace Talks.Api.Records;

/// <summary>JSON Merge Patch (RFC 7396) over a resource's update shape.</summary>
public static class MergePatch
{
    public const string MediaType = "application/merge-patch+json";

    /// <summary>
    /// Applies <paramref name="patch"/> to <paramref name="current"/> and validates the result exactly as a PUT of it
    /// would be. Returns the merged request, or the errors naming each field at fault, all of them at once (with a
    /// detail saying what could not be checked when some fields would not even read).
    /// </summary>
    public static async Task<(T? Merged, Dictionary<string, string[]>? Errors, string? Detail)> ApplyAsync<T>(
        T current, JsonElement patch, JsonSerializerOptions options, IValidator<T> validator, CancellationToken cancellationToken)
        where T : class
    {
        if (patch.ValueKind != JsonValueKind.Object)
        {
            return (null, new() { ["body"] = ["A merge patch must be a JSON object."] }, null);
        }

        var target = JsonSerializer.SerializeToNode(current, options);
        var merged = Merge(target, JsonNode.Parse(patch.GetRawText()));
        T? result;
        try
        {
            result = merged.Deserialize<T>(options);
        }
        catch (JsonException e)
        {
            var faults = await BodyFaultFinder.FindAsync(JsonSerializer.SerializeToElement(merged), typeof(T), options, validator, cancellationToken);
            return faults.Errors.Count > 0 ? (null, faults.Errors, faults.Detail) : (null, JsonErrors.Describe(e), null);
        }

        if (result is null)
        {
            return (null, new() { ["body"] = ["A merge patch must be a JSON object."] }, null);
        }

        return (result, await validator.ErrorsAsync(result, cancellationToken), null);
    }

    private static JsonNode? Merge(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target is JsonObject targetObject ? targetObject : new JsonObject();
        foreach (var (name, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(name);
                continue;
            }

            result.Remove(name, out var existing);
            result[name] = Merge(existing, value);
        }

        return result;
    }
}
