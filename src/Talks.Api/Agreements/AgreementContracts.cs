using Talks.Api.Infrastructure;
using Talks.Data.Entities;

namespace Talks.Api.Agreements;

/// <summary>
/// What the parties agreed at a round, with each party's obligation. A status change must follow the lifecycle
/// (see <see cref="AgreementLifecycle"/>). Omit <c>id</c> on create to have one made from the title.
/// </summary>
public sealed record AgreementRequest : ICitedRequest
{
    public string? Id { get; init; }
    /// <summary>Required, except inside a round posted whole, where it may be left out.</summary>
    public string? RoundId { get; init; }
    public required string Title { get; init; }
    public required AgreementType Type { get; init; }
    public required AgreementStatus Status { get; init; }
    public required string Summary { get; init; }

    /// <summary>The topics its provisions cover, as ids from GET /api/v1/topics; none when left out.</summary>
    public IReadOnlyList<string>? TopicIds { get; init; }

    public DateOnly? AgreedOn { get; init; }
    public DateOnly? ImplementationDate { get; init; }

    /// <summary>Why the implementation date is not known, e.g. that it was kept confidential.</summary>
    public string? ImplementationDateNote { get; init; }

    public required IReadOnlyList<ObligationDto> Obligations { get; init; }
    public required IReadOnlyList<string> SourceIds { get; init; }
}

/// <summary>One party's undertaking: "return 1,000 prisoners of war to Russia" is quantity 1000, unit "prisoners-of-war".</summary>
public sealed record ObligationDto
{
    public required string PartyId { get; init; }
    public required string Description { get; init; }
    public int? Quantity { get; init; }
    public string? Unit { get; init; }

    /// <summary>The party the obligation is owed to, where there is one.</summary>
    public string? BeneficiaryPartyId { get; init; }
}

public sealed record AgreementResponse(
    string Id,
    string RoundId,
    string Title,
    AgreementType Type,
    AgreementStatus Status,
    string Summary,
    IReadOnlyList<string> TopicIds,
    DateOnly? AgreedOn,
    DateOnly? ImplementationDate,
    string? ImplementationDateNote,
    IReadOnlyList<ObligationDto> Obligations,
    IReadOnlyList<AgreementEventResponse> Events,
    IReadOnlyList<string> SourceIds,
    long Version,
    DateTime CreatedAt,
    DateTime UpdatedAt) : IResource;

/// <summary>An implementation event. Set <c>statusAfter</c> when the event moves the agreement on (e.g. to implemented).</summary>
public sealed record AgreementEventRequest : ICitedRequest
{
    public string? Id { get; init; }
    public required DateOnly OccurredOn { get; init; }
    public required string Description { get; init; }
    public int? Quantity { get; init; }
    public string? Unit { get; init; }
    public AgreementStatus? StatusAfter { get; init; }
    public required IReadOnlyList<string> SourceIds { get; init; }
}

public sealed record AgreementEventResponse(
    string Id,
    string AgreementId,
    DateOnly OccurredOn,
    string Description,
    int? Quantity,
    string? Unit,
    AgreementStatus? StatusAfter,
    IReadOnlyList<string> SourceIds,
    long Version,
    DateTime CreatedAt,
    DateTime UpdatedAt) : IResource;

/// <summary>Filters for GET /api/v1/agreements: <c>partyId</c> finds agreements that bind a party or are owed to it.</summary>
public sealed record AgreementQuery(int? Limit, string? Cursor, string? Sort, string? Q, string? Ids, string? Include, string? RoundId, string? PartyId, string? Topic, [FilterValues<AgreementStatus>] string? Status, [FilterValues<AgreementType>] string? Type) : IListQuery;

/// <summary>Paging for GET /api/v1/agreements/{id}/events.</summary>
public sealed record AgreementEventQuery(int? Limit, string? Cursor);
