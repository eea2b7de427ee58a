using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Talks.Api.Answers.Fields;

/// <summary><c>fields=id,title</c>: answers with just those properties (id always), for lists and single records.</summary>
internal static class FieldSelection
{
    /// <summary>Writes text as the API's other answers do, without escaping non-ASCII letters ("Dolmabahçe").</summary>
    private static readonly System.Text.Json.JsonSerializerOptions AsWritten = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The 400 for a <c>fields=</c> that names what the answer does not have, or too much.</summary>
    public static ValidationProblem Refusal(string error) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["fields"] = [error] });

    public static (byte[]? Body, string? Error) Apply(byte[] body, string fields)
    {
        var wanted = fields.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        if (wanted.Count == 0 || wanted.Count > 50)
        {
            return (null, "Give 1 to 50 comma-separated property names.");
        }

        wanted.Add("id");
        var root = JsonNode.Parse(body);
        var records = root is JsonObject page && page["items"] is JsonArray items
            ? items.OfType<JsonObject>().ToList()
            : root is JsonObject single ? [single] : [];
        var known = records.SelectMany(r => r.Select(p => p.Key)).ToHashSet(StringComparer.Ordinal);
        var unknown = wanted.Where(f => records.Count > 0 && !known.Contains(f)).ToList();
        if (unknown.Count > 0)
        {
            return (null, $"Unknown field(s): {string.Join(", ", unknown)}. Allowed: {string.Join(", ", known.Order(StringComparer.Ordinal))}.");
        }

        foreach (var record in records)
        {
            foreach (var name in record.Select(p => p.Key).Where(k => !wanted.Contains(k)).ToList())
            {
                record.Remove(name);
            }
        }

        return (System.Text.Encoding.UTF8.GetBytes(root!.ToJsonString(AsWritten)), null);
    }
}
