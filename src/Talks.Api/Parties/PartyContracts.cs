using Talks.Api.Hosting.OpenApiParts;
using Talks.Api.Records;
using Talks.Data.Entities;
using Talks.Api.Lists;

namespace Talks.Api.Parties;

/// <summary>A party as clients create or replace it. Omit <c>id</c> on create to have one made from the name.</summary>
public sealed record PartyRequest : ICitedRequest
{
    public string? Id { get; init; }
    public required string Name { get; init; }
    public required PartyKind Kind { get; init; }

    /// <summary>ISO 3166-1 alpha-2, for states (e.g. "UA").</summary>
    public string? CountryCode { get; init; }

    public string? Notes { get; init; }
    public required IReadOnlyList<string> SourceIds { get; init; }
}

public sealed record PartyResponse(
    string Id,
    string Name,
    PartyKind Kind,
    string? CountryCode,
    string? Notes,
    IReadOnlyList<string> SourceIds,
    long Version,
    DateTime CreatedAt,
    DateTime UpdatedAt) : IResource;

/// <summary>Filters for GET /api/v1/parties.</summary>
public sealed record PartyQuery(int? Limit, string? Cursor, string? Sort, string? Q, string? Ids, [FilterValues<PartyKind>] string? Kind) : IListQuery;
