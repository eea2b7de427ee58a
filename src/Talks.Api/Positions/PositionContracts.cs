using Talks.Api.Hosting.Json;
using Talks.Api.Hosting.OpenApi;
using Talks.Api.Reading;
using Talks.Api.Records;
using Talks.Data.Entities;

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
public sealed record PositionQuery(int? Limit, string? Cursor, string? Sort, string? Q, string? Ids, string? RoundId, string? PartyId, string? Topic, [FilterValues<PositionKind>] string? Kind) : IListQuery;

internal static class PositionResource
{
    /// <summary>How a list of events or results names a position: "Russia: demand on territory".</summary>
    public static string Title(string partyName, PositionKind kind, string topic) =>
        $"{partyName}: {EnumText<PositionKind>.Name(kind)} on {topic}";

    public static readonly ResourceKind<Position, PositionRequest, PositionResponse> Kind = new()
    {
        Singular = "position",
        BasePath = "/api/v1/positions",
        Projection = p => new PositionResponse(
            p.Id, p.RoundId, p.PartyId, p.Topic, p.Kind, p.Summary, p.Quote, p.VoicedById, p.AnswersId, p.SourceIds, p.Version, p.CreatedAt, p.UpdatedAt),
        IdSource = r => $"{r.PartyId} {r.Kind} {r.Topic}",
        // What still answers a position: the positions given in reply to it.
        FindReferences = (db, id, ct) => References.FindAsync(
            ct,
            ("positions", db.Positions.Where(p => p.AnswersId == id).Select(p => p.Id))),
        ToRequest = p => new PositionRequest
        {
            Id = p.Id,
            RoundId = p.RoundId,
            PartyId = p.PartyId,
            Topic = p.Topic,
            Kind = p.Kind,
            Summary = p.Summary,
            Quote = p.Quote,
            VoicedById = p.VoicedById,
            AnswersId = p.AnswersId,
            SourceIds = p.SourceIds,
        },
        Apply = (r, p) =>
        {
            p.RoundId = r.RoundId!;
            p.PartyId = r.PartyId;
            p.Topic = r.Topic;
            p.Kind = r.Kind;
            p.Summary = r.Summary;
            p.Quote = r.Quote;
            p.VoicedById = r.VoicedById;
            p.AnswersId = r.AnswersId;
            p.SourceIds = [.. r.SourceIds];
        },
    };

    /// <summary>Sorts (default id), and what <c>q</c> looks in.</summary>
    public static readonly ListSpec<Position, PositionResponse> List = new()
    {
        Projection = PositionResource.Kind.Projection,
        DefaultSort = "id",
        Sorts = new Dictionary<string, ISortKey<Position, PositionResponse>>
        {
            ["id"] = Sort.ByText<Position, PositionResponse>(p => p.Id, r => r.Id),
            ["topic"] = Sort.ByText<Position, PositionResponse>(p => p.Topic, r => r.Topic),
            ["createdAt"] = Sort.ByTime<Position, PositionResponse>(p => p.CreatedAt, r => r.CreatedAt),
        },
        Text = q => p => p.Summary.ToLower().Contains(q) || p.Topic.Contains(q) || (p.Quote != null && p.Quote.ToLower().Contains(q)),
    };

}
