using System.Text.Json;
using System.Text.Json.Nodes;

namespace Talks.Api.Tests.Infrastructure;

/// <summary>
/// Reads the OpenAPI document as a generated client does: a <c>$ref</c> to a shared parameter, answer, header or
/// request body stands for that component. Schemas stay referred to by name.
/// </summary>
public static class OpenApiReading
{
    private static readonly string[] Inlined = ["parameters", "responses", "headers", "requestBodies"];

    /// <summary>The document with every reference to a shared parameter, answer, header or body replaced by its target.</summary>
    public static JsonElement WithSharedPartsInlined(JsonElement document)
    {
        var root = JsonNode.Parse(document.GetRawText())!;
        Inline(root["paths"]!, root);
        return JsonSerializer.SerializeToElement(root);
    }

    /// <summary>Replaces references below <paramref name="node"/> in place; returns a copy of the target when the node is one.</summary>
    private static JsonNode Inline(JsonNode node, JsonNode root)
    {
        if (node is JsonObject { } reference && reference["$ref"]?.GetValue<string>() is { } pointer && Target(pointer, root) is { } target)
        {
            return Inline(target.DeepClone(), root);
        }

        if (node is JsonObject obj)
        {
            foreach (var name in obj.Select(p => p.Key).ToList())
            {
                if (obj[name] is { } child && Inline(child, root) is var replaced && !ReferenceEquals(replaced, child))
                {
                    obj[name] = replaced;
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is { } item && Inline(item, root) is var replaced && !ReferenceEquals(replaced, item))
                {
                    array[i] = replaced;
                }
            }
        }

        return node;
    }

    private static JsonNode? Target(string reference, JsonNode root)
    {
        var parts = reference.Split('/');
        return parts is ["#", "components", var kind, var name] && Inlined.Contains(kind)
            ? root["components"]?[kind]?[name.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)]
            : null;
    }
}
