using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Talks.Data;

namespace Talks.Api.Answers.Embedding;

/// <summary>
/// <c>include=a,b</c>: related records embedded in each item of a list (or in the one record), loaded with one query
/// per include for the whole page. An endpoint declares what it can embed; the answer's shaping does the rest.
/// </summary>
public static class Includes
{
    private const int MaxKeys = 2_000;

    /// <summary>Declares what <c>include=</c> may name on this endpoint.</summary>
    public static RouteHandlerBuilder Embeds(this RouteHandlerBuilder builder, params Include[] includes) =>
        builder.WithMetadata(new Embedded(includes))
            .WithDescription($"include= embeds: {string.Join(", ", includes.Select(i => i.Name))}.");

    /// <summary>What other features lent <paramref name="collection"/> to embed (<see cref="LentInclude"/>).</summary>
    public static IEnumerable<Include> LentTo(this IEndpointRouteBuilder app, string collection) =>
        app.ServiceProvider.GetServices<LentInclude>().Where(l => l.Collection == collection).Select(l => l.Include);

    /// <summary>
    /// The includes the request names, in the endpoint's order; none when it names none. Unknown names are a 400
    /// listing the allowed ones, given before the handler runs.
    /// </summary>
    public static ValidationProblem? Asked(HttpRequest request, Embedded embedded, out IReadOnlyList<Include> asked)
    {
        asked = [];
        if (!request.Query.TryGetValue("include", out var requested))
        {
            return null;
        }

        var names = requested.ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();
        if (names.Count == 0 || names.Any(n => embedded.Includes.All(i => i.Name != n)))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["include"] = [$"Allowed: {string.Join(", ", embedded.Includes.Select(i => i.Name))}."],
            });
        }

        asked = embedded.Includes.Where(i => names.Contains(i.Name)).ToList();
        return null;
    }

    /// <summary>Puts the related records into <paramref name="body"/>, a JSON record or page, under each include's name.</summary>
    public static async Task<byte[]> EmbedAsync(
        byte[] body, IReadOnlyList<Include> asked, TalksDbContext db, JsonSerializerOptions json, CancellationToken ct)
    {
        var root = JsonNode.Parse(body)!;
        var items = root is JsonObject page && page["items"] is JsonArray array ? array.OfType<JsonObject>().ToList() : [(JsonObject)root];
        foreach (var include in asked)
        {
            var keys = items.SelectMany(include.KeysOf).Distinct().Take(MaxKeys).ToList();
            var related = await include.Load(db, keys, ct);
            foreach (var item in items)
            {
                var found = include.KeysOf(item).SelectMany(k => related[k]).Select(r => JsonSerializer.SerializeToNode(r, r.GetType(), json)).ToList();
                item[include.Name] = include.Single ? found.FirstOrDefault() : new JsonArray([.. found]);
            }
        }

        return JsonSerializer.SerializeToUtf8Bytes(root, json);
    }
}
