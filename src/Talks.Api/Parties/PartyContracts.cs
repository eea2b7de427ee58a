using Talks.Api.Hosting.OpenApiParts;
using Talks.Api.Records;
using Talks.Data.Entities;
using Talks.Api.Lists;

namespace Talks.Api.Parties;

/// <summary>A party as clients create or replace it. Omit <c>id</c> on create to have one made from the name.</summary>
public sealed record PartyRequest : ICitedRequest, IKnownByOtherNames
{
    public string? Id { get; init; }
    public required string Name { get; init; }
    public required PartyKind Kind { get; init; }

    /// <summary>ISO 3166-1 alpha-2, for states (e.g. "UA").</summary>
    public string? CountryCode { get; init; }

    /// <summary>
    /// True for a party to the armed conflict the talks are about (a state or armed group that fights in it); false for
    /// mediators, hosts, guarantors and other third parties. False when omitted.
    /// </summary>
    public bool ConflictParty { get; init; }

    /// <summary>The names it is also known by: official and short names, names in other scripts, former names. Omit to keep the stored ones.</summary>
    public IReadOnlyList<OtherNameDto>? OtherNames { get; init; }

    /// <summary>
    /// For a group of states or an international organisation: the ids of its member parties, from <c>GET /api/v1/parties</c>
    /// ("e3": france, germany, united-kingdom). Omit to keep the stored ones; an empty list removes them.
    /// </summary>
    public IReadOnlyList<string>? MemberIds { get; init; }

    public string? Notes { get; init; }
    public required IReadOnlyList<string> SourceIds { get; init; }
}

/// <param name="Id">The party's id.</param>
/// <param name="Name">The name it is usually given in English.</param>
/// <param name="Kind">What kind of actor it is.</param>
/// <param name="CountryCode">ISO 3166-1 alpha-2, for states.</param>
/// <param name="ConflictParty">Whether it is a party to the armed conflict, rather than a third party.</param>
/// <param name="OtherNames">The names it is also known by, in the order given.</param>
/// <param name="MemberIds">For a group of states or an organisation, the ids of its member parties.</param>
/// <param name="MemberOf">The ids of the groups and organisations it is recorded as a member of.</param>
/// <param name="Notes">Free text.</param>
/// <param name="SourceIds">The sources that support the record.</param>
/// <param name="Version">Moves on with every change; the ETag is made from it.</param>
/// <param name="CreatedAt">When it was recorded (UTC).</param>
/// <param name="UpdatedAt">When it was last changed (UTC).</param>
public sealed record PartyResponse(
    string Id,
    string Name,
    PartyKind Kind,
    string? CountryCode,
    bool ConflictParty,
    IReadOnlyList<OtherNameDto> OtherNames,
    IReadOnlyList<string> MemberIds,
    IReadOnlyList<string> MemberOf,
    string? Notes,
    IReadOnlyList<string> SourceIds,
    long Version,
    DateTime CreatedAt,
    DateTime UpdatedAt) : IResource;

/// <summary>
/// Filters for GET /api/v1/parties. <c>memberId</c> keeps the groups and organisations that party is a member of;
/// <c>conflictParty=true</c> the parties to the armed conflict, <c>false</c> the third parties.
/// </summary>
public sealed record PartyQuery(
    int? Limit,
    string? Cursor,
    string? Sort,
    string? Q,
    string? Ids,
    [FilterValues<PartyKind>] string? Kind,
    string? MemberId,
    bool? ConflictParty) : IListQuery;
