using Talks.Api.Agreements;
using Talks.Api.Hosting.OpenApiParts;
using Talks.Api.Parties;
using Talks.Api.People;
using Talks.Api.Positions;
using Talks.Api.Records;
using Talks.Api.Sources;
using Talks.Api.Statements;
using Talks.Data.Entities;
using Talks.Api.Lists;

namespace Talks.Api.Rounds;

/// <summary>
/// A round as analysts create or replace it, with who took part and who sat for whom. The talk comes from the URL
/// it is posted to and never changes. Omit <c>id</c> to have one made from the city and date; omit
/// <c>sequence</c> to take the talk's next number.
/// </summary>
public record RoundRequest : ICitedRequest
{
    public string? Id { get; init; }
    public int? Sequence { get; init; }

    /// <summary>
    /// Whether the round has been held (the default), or is scheduled, postponed or cancelled. A round dated after
    /// today cannot have been held.
    /// </summary>
    public RoundStatus Status { get; init; } = RoundStatus.Held;

    /// <summary>The local date at the venue; the planned one for a round not yet held.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>
    /// How much of the date is known (default <c>day</c>): a round known only to the month is dated the 1st
    /// (<c>month</c>), one known only to the year 1 January (<c>year</c>).
    /// </summary>
    public DatePrecision DatePrecision { get; init; } = DatePrecision.Day;

    /// <summary>The start, with the venue's UTC offset, when the time of day is known.</summary>
    public DateTimeOffset? StartsAt { get; init; }

    public int? DurationMinutes { get; init; }

    /// <summary>How the duration was reported: "under two hours" is 120 with <c>less-than</c>.</summary>
    public DurationBound? DurationBound { get; init; }

    public required string City { get; init; }
    public string? CountryCode { get; init; }
    public string? Venue { get; init; }
    public string? VenueDescription { get; init; }

    /// <summary>The venue's latitude in WGS 84 degrees (-90 to 90); give it with <c>longitude</c>, or neither.</summary>
    public double? Latitude { get; init; }

    /// <summary>The venue's longitude in WGS 84 degrees (-180 to 180); give it with <c>latitude</c>, or neither.</summary>
    public double? Longitude { get; init; }

    public string? Summary { get; init; }
    public string? Outcome { get; init; }
    public string? Atmosphere { get; init; }
    public required IReadOnlyList<ParticipantDto> Participants { get; init; }
    public required IReadOnlyList<DelegateDto> Delegates { get; init; }
    public required IReadOnlyList<string> SourceIds { get; init; }
}

/// <summary>
/// A new round with everything that happened in it, written in one transaction or not at all. Parts may refer to
/// one another and to the new sources, parties and people sent alongside (these need ids); a part's
/// <c>roundId</c> may be left out. Errors name the part: <c>positions[2].partyId</c>.
/// </summary>
public sealed record NewRoundRequest : RoundRequest
{
    public IReadOnlyList<SourceRequest> Sources { get; init; } = [];
    public IReadOnlyList<PartyRequest> Parties { get; init; } = [];
    public IReadOnlyList<PersonRequest> People { get; init; } = [];
    public IReadOnlyList<PositionRequest> Positions { get; init; } = [];
    public IReadOnlyList<StatementRequest> Statements { get; init; } = [];
    public IReadOnlyList<AgreementRequest> Agreements { get; init; } = [];
}

/// <summary>A party's part in a round; a party may appear once per role.</summary>
public sealed record ParticipantDto
{
    public required string PartyId { get; init; }
    public required ParticipantRole Role { get; init; }
    public string? Notes { get; init; }
}

/// <summary>A person sitting for a party (which must take part in the round).</summary>
public sealed record DelegateDto
{
    public required string PersonId { get; init; }
    public required string PartyId { get; init; }
    public required DelegateRole Role { get; init; }

    /// <summary>The office the delegate sat in, when the record of the round states one; else the office held on the round's date is shown.</summary>
    public string? Office { get; init; }

    public string? Notes { get; init; }
}

/// <summary>A round as lists show it: where, when, who.</summary>
public sealed record RoundResponse(
    string Id,
    string TalkId,
    int Sequence,
    RoundStatus Status,
    DateOnly Date,
    DatePrecision DatePrecision,
    DateTimeOffset? StartsAt,
    int? DurationMinutes,
    DurationBound? DurationBound,
    string City,
    string? CountryCode,
    string? Venue,
    string? VenueDescription,
    double? Latitude,
    double? Longitude,
    string? Summary,
    string? Outcome,
    string? Atmosphere,
    IReadOnlyList<ParticipantDto> Participants,
    IReadOnlyList<DelegateDto> Delegates,
    IReadOnlyList<string> SourceIds,
    long Version,
    DateTime CreatedAt,
    DateTime UpdatedAt) : IResource;

/// <summary>A whole round in one response: a page renders from it without further requests.</summary>
public sealed record RoundDetailResponse(
    string Id,
    TalkRef Talk,
    int Sequence,
    RoundStatus Status,
    DateOnly Date,
    DatePrecision DatePrecision,
    DateTimeOffset? StartsAt,
    int? DurationMinutes,
    DurationBound? DurationBound,
    string City,
    string? CountryCode,
    string? Venue,
    string? VenueDescription,
    double? Latitude,
    double? Longitude,
    string? Summary,
    string? Outcome,
    string? Atmosphere,
    IReadOnlyList<ParticipantDetail> Participants,
    IReadOnlyList<DelegateDetail> Delegates,
    IReadOnlyList<PositionResponse> Positions,
    IReadOnlyList<StatementResponse> Statements,
    IReadOnlyList<AgreementResponse> Agreements,
    IReadOnlyList<string> SourceIds,
    long Version,
    DateTime CreatedAt,
    DateTime UpdatedAt) : IResource;

public sealed record TalkRef(string Id, string Title);

public sealed record ParticipantDetail(string PartyId, string PartyName, ParticipantRole Role, string? Notes);

/// <summary>A delegate as a round shows them: with the office they held on the round's date.</summary>
public sealed record DelegateDetail(string PersonId, string PersonName, string? Office, string PartyId, DelegateRole Role, string? Notes);

/// <summary>
/// Filters for GET /api/v1/rounds: by talk, by a party taking part, by date (<c>from</c>/<c>to</c>, inclusive,
/// yyyy-MM-dd) and by status (<c>status=scheduled&amp;from=</c>today lists what is coming). Rounds come in date order.
/// </summary>
public sealed record RoundQuery(
    int? Limit, string? Cursor, string? Sort, string? Q, string? Ids, string? Include,
    string? TalkId, string? PartyId, DateOnly? From, DateOnly? To, [FilterValues<RoundStatus>] string? Status)
    : IListQuery;

/// <summary>GET /api/v1/talks/{talkId}/rounds takes the same filters but the talk.</summary>
public sealed record TalkRoundQuery(
    int? Limit, string? Cursor, string? Sort, string? Q, string? Ids, string? Include,
    string? PartyId, DateOnly? From, DateOnly? To, [FilterValues<RoundStatus>] string? Status)
    : IListQuery;
