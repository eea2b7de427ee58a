using Talks.Api.Hosting.OpenApiParts;
using Talks.Api.Records;
using Talks.Api.Lists;

namespace Talks.Api.Topics;

/// <summary>A topic as an admin creates or replaces it. Omit <c>id</c> on create to have one made from the label.</summary>
public sealed record TopicRequest : IRequest
{
    public string? Id { get; init; }
    public required string Label { get; init; }
    public string? Description { get; init; }

    /// <summary>The broader topic this one sits under; null for a top-level topic.</summary>
    public string? ParentId { get; init; }

    /// <summary>The matching PA-X codebook category, by its variable name (e.g. "Ce" for ceasefire), where one exists.</summary>
    public string? PaxCode { get; init; }

    /// <summary>Other words for the topic; a write or filter that names one is told to use this topic's id.</summary>
    public IReadOnlyList<string>? Aliases { get; init; }
}

/// <summary>
/// An entry of the vocabulary. <c>retiredAt</c> and <c>replacedById</c> are set once a topic is retired: its positions
/// and agreements then name the replacement, and new ones cannot name it.
/// </summary>
public sealed record TopicResponse(
    string Id,
    string Label,
    string? Description,
    string? ParentId,
    string? PaxCode,
    IReadOnlyList<string> Aliases,
    DateTime? RetiredAt,
    string? ReplacedById,
    long Version,
    DateTime CreatedAt,
    DateTime UpdatedAt) : IResource;

/// <summary>Retire a topic: its positions, agreements and narrower topics move to <c>replacedById</c>.</summary>
public sealed record RetireTopicRequest
{
    public required string ReplacedById { get; init; }
}

/// <summary>Filters for GET /api/v1/topics.</summary>
/// <param name="Limit">Topics per page.</param>
/// <param name="Cursor">Where the previous page ended.</param>
/// <param name="Sort">id (the default), label or createdAt; "-" first for descending.</param>
/// <param name="Q">Text to look for in ids, labels and descriptions.</param>
/// <param name="Ids">Comma-separated ids to fetch at once.</param>
/// <param name="ParentId">Only the topics directly under this one; <c>none</c> for the top level.</param>
/// <param name="Retired">true lists retired topics only, false (the default) those in use, any both.</param>
public sealed record TopicQuery(
    int? Limit, string? Cursor, string? Sort, string? Q, string? Ids, string? ParentId, [FilterValues<RetiredFilter>] string? Retired) : IListQuery;

/// <summary>Which topics a list shows: those in use (the default), the retired ones, or both.</summary>
public enum RetiredFilter
{
    False,
    True,
    Any,
}
