using Talks.Api.Hosting.OpenApi;
using Talks.Api.Reading;
using Talks.Api.Records;
using Talks.Data.Entities;

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
public sealed record TopicQuery(int? Limit, string? Cursor, string? Sort, string? Q, string? Ids, string? ParentId, [FilterValues<RetiredFilter>] string? Retired) : IListQuery;

/// <summary>Which topics a list shows: those in use (the default), the retired ones, or both.</summary>
public enum RetiredFilter
{
    False,
    True,
    Any,
}

internal static class TopicResource
{
    public static readonly ResourceKind<Topic, TopicRequest, TopicResponse> Kind = new()
    {
        Singular = "topic",
        BasePath = "/api/v1/topics",
        Projection = t => new TopicResponse(
            t.Id, t.Label, t.Description, t.ParentId, t.PaxCode, t.Aliases, t.RetiredAt, t.ReplacedById, t.Version, t.CreatedAt, t.UpdatedAt),
        IdSource = r => r.Label,
        // What still names a topic: a topic in use is retired in favour of another rather than deleted.
        FindReferences = (db, id, ct) => References.FindAsync(
            ct,
            ("positions", db.Positions.Where(p => p.Topic == id).Select(p => p.Id)),
            ("agreements", db.Agreements.Where(a => a.TopicIds.Contains(id)).Select(a => a.Id)),
            ("topics", db.Topics.Where(t => t.ParentId == id || t.ReplacedById == id).Select(t => t.Id))),
        CheckCreateAsync = TopicTree.CheckNewTopicAsync,
        CheckUpdateAsync = TopicTree.CheckMovedTopicAsync,
        ToRequest = t => new TopicRequest
        {
            Id = t.Id,
            Label = t.Label,
            Description = t.Description,
            ParentId = t.ParentId,
            PaxCode = t.PaxCode,
            Aliases = t.Aliases,
        },
        Apply = (r, t) =>
        {
            t.Label = r.Label;
            t.Description = r.Description;
            t.ParentId = r.ParentId;
            t.PaxCode = r.PaxCode;
            t.Aliases = [.. r.Aliases ?? []];
        },
    };

    /// <summary>Sorts (default id), and what <c>q</c> looks in.</summary>
    public static readonly ListSpec<Topic, TopicResponse> List = new()
    {
        Projection = Kind.Projection,
        DefaultSort = "id",
        Sorts = new Dictionary<string, ISortKey<Topic, TopicResponse>>
        {
            ["id"] = Sort.ByText<Topic, TopicResponse>(t => t.Id, r => r.Id),
            ["label"] = Sort.ByText<Topic, TopicResponse>(t => t.Label, r => r.Label),
            ["createdAt"] = Sort.ByTime<Topic, TopicResponse>(t => t.CreatedAt, r => r.CreatedAt),
        },
        Text = q => t => t.Label.ToLower().Contains(q) || t.Id.Contains(q) || (t.Description != null && t.Description.ToLower().Contains(q)),
    };
}
