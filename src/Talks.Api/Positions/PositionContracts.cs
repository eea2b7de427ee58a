using Talks.Api.Hosting.OpenApiParts;
using Talks.Api.Records;
using Talks.Data.Entities;
using Talks.Api.Lists;

namespace Talks.Api.Positions;

/// <summary>A party's stance on a topic at a round. Omit <c>id</c> on create to have one made from party, kind and topic.</summary>
public sealed record PositionRequest : ICitedRequest
{
    public string? Id { get; init; }
    /// <summary>Required, except inside a round posted whole, where it may be left out.</summary>
    public string? RoundId { get; init; }
    public required string PartyId { get; init; }

    /// <summary>A kebab-case topic: ceasefire, territory, prisoners, leaders-meeting, sanctions, further-talks, …</summary>
    public required string Topic { get; init; }

    public required PositionKind Kind { get; init; }
    public required string Summary { get; init; }

    /// <summary>A short quote, where the source has one.</summary>
    public string? Quote { get; init; }

    /// <summary>The person who voiced it, where known.</summary>
    public string? VoicedById { get; init; }

    /// <summary>The earlier position this one responds to.</summary>
    public string? AnswersId { get; init; }

    public required IReadOnlyList<string> SourceIds { get; init; }
}

public sealed record PositionResponse(
    string Id,
    string RoundId,
    string PartyId,
    string Topic,
    PositionKind Kind,
    string Summary,
    string? Quote,
    string? VoicedById,
    string? AnswersId,
    IReadOnlyList<string> SourceIds,
    long Version,
    DateTime CreatedAt,
    DateTime UpdatedAt) : IResource;

/// <summary>Filters for GET /api/v1/positions.</summary>
public sealed record PositionQuery(
    int? Limit, string? Cursor, string? Sort, string? Q, string? Ids,
    string? RoundId, string? PartyId, string? Topic, [FilterValues<PositionKind>] string? Kind) : IListQuery;
