using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Talks.Data;

namespace Talks.Api.Reading;

/// <summary>
/// One related collection a response can embed with <c>include=</c>: the record it embeds (<paramref name="Shape"/>,
/// for the OpenAPI document), which ids of each item it follows, and how to load every related record for a whole
/// page in one query.
/// </summary>
public sealed record Include(
    string Name,
    Type Shape,
    Func<JsonObject, IEnumerable<string>> KeysOf,
    Func<TalksDbContext, IReadOnlyCollection<string>, CancellationToken, Task<ILookup<string, object>>> Load,
    bool Single = false);

public static class Includes
{
    private const int MaxKeys = 2_000;

    /// <summary>
    /// <c>include=a,b</c> embeds related records in each item (or the one record), loaded with one query per include
    /// for the whole page; unknown names get a 400 listing the allowed ones.
    /// </summary>
    public static RouteHandlerBuilder Embeds(this RouteHandlerBuilder builder, params Include[] includes) =>
        builder.WithMetadata(new Embedded(includes)).AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (!http.Request.Query.TryGetValue("include", out var requested))
            {
                return await next(context);
            }

            var names = requested.ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();
            var unknown = names.Where(n => includes.All(i => i.Name != n)).ToList();
            if (names.Count == 0 || unknown.Count > 0)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["include"] = [$"Allowed: {string.Join(", ", includes.Select(i => i.Name))}."],
                });
            }

            var result = await next(context);
            var answer = result is INestedHttpResult nested ? nested.Result : result;
            if (answer is not IValueHttpResult { Value: { } value } || answer is not IStatusCodeHttpResult { StatusCode: 200 })
            {
                return result;
            }

            var json = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var db = http.RequestServices.GetRequiredService<TalksDbContext>();
            var root = JsonSerializer.SerializeToNode(value, value.GetType(), json)!;
            var items = root is JsonObject page && page["items"] is JsonArray array ? array.OfType<JsonObject>().ToList() : [(JsonObject)root];
            foreach (var include in includes.Where(i => names.Contains(i.Name)))
            {
                var keys = items.SelectMany(include.KeysOf).Distinct().Take(MaxKeys).ToList();
                var related = await include.Load(db, keys, http.RequestAborted);
                foreach (var item in items)
                {
                    var found = include.KeysOf(item).SelectMany(k => related[k]).Select(r => JsonSerializer.SerializeToNode(r, r.GetType(), json)).ToList();
                    item[include.Name] = include.Single ? found.FirstOrDefault() : new JsonArray([.. found]);
                }
            }

            // The ETag is set again from the body on the way out (ReadResponses), so it covers what was embedded.
            return TypedResults.Json(root, json);
        })
        .WithDescription($"include= embeds: {string.Join(", ", includes.Select(i => i.Name))}.");

    public static IEnumerable<string> Key(JsonObject item, string property) =>
        item[property]?.GetValue<string>() is { } key ? [key] : [];
}

/// <summary>What an endpoint can embed, kept on it so <c>EmbedDocs</c> can describe the embedded properties.</summary>
public sealed record Embedded(IReadOnlyList<Include> Includes);
