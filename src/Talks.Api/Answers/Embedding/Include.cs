using System.Text.Json.Nodes;
using Talks.Data;

namespace Talks.Api.Answers.Embedding;

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
    bool Single = false)
{
    /// <summary>The id in <paramref name="property"/> of an item, when it has one: what most includes follow.</summary>
    public static IEnumerable<string> Key(JsonObject item, string property) =>
        item[property]?.GetValue<string>() is { } key ? [key] : [];
}

/// <summary>What an endpoint can embed, kept on it for the answer's shaping and for <see cref="EmbedDocs"/>.</summary>
public sealed record Embedded(IReadOnlyList<Include> Includes);

/// <summary>
/// An include that one feature lends another's collection (rounds lend agreements <c>include=round</c>), registered
/// as a service so the borrower names no feature: it asks for what was lent to it when it maps its routes.
/// </summary>
public sealed record LentInclude(string Collection, Include Include);
