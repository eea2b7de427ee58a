using Talks.Api.Records;
using Talks.Api.Lists;

namespace Talks.Api.TalkTracks;

/// <summary>A negotiation track. Omit <c>id</c> on create to have one made from the title.</summary>
public sealed record TalkRequest : ICitedRequest
{
    public string? Id { get; init; }
    public required string Title { get; init; }
    public string? Summary { get; init; }
    public required IReadOnlyList<string> SourceIds { get; init; }
}

/// <summary>A talk with what a list of talks shows about its rounds and parties.</summary>
public sealed record TalkResponse(
    string Id,
    string Title,
    string? Summary,
    int RoundCount,
    DateOnly? FirstRoundDate,
    DateOnly? LatestRoundDate,
    IReadOnlyList<string> PartyIds,
    IReadOnlyList<string> SourceIds,
    long Version,
    DateTime CreatedAt,
    DateTime UpdatedAt) : IResource;

/// <summary>Filters for GET /api/v1/talks: <c>partyId</c> finds talks a party took part in.</summary>
public sealed record TalkQuery(int? Limit, string? Cursor, string? Sort, string? Q, string? Ids, string? Include, string? PartyId) : IListQuery;
