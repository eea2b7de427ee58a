using Talks.Api.Hosting.OpenApiParts;
using Talks.Api.Records;
using Talks.Data.Entities;
using Talks.Api.Lists;

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

    /// <summary>
    /// How much of the implementation date is known (default <c>day</c>): <c>month</c> dates it the 1st, <c>year</c>
    /// 1 January; <c>confidential</c> says it was withheld, and then implementationDate must be null.
    /// </summary>
    public ImplementationDatePrecision ImplementationDatePrecision { get; init; } = ImplementationDatePrecision.Day;

    /// <summary>Why the implementation date is not known, e.g. that it was kept confidential.</summary>
    public string? ImplementationDateNote { get; init; }

    /// <summary>How many days the agreement runs from <c>agreedOn</c>, when it is made for a term (1 to 36,500).</summary>
    public int? TermDays { get; init; }

    /// <summary>Extensions of the term, in the order they were agreed; each adds its days to the term.</summary>
    public IReadOnlyList<RenewalDto>? Renewals { get; init; }

    public required IReadOnlyList<ObligationDto> Obligations { get; init; }
    public required IReadOnlyList<string> SourceIds { get; init; }
}

/// <summary>One extension of an agreement's term: on <c>renewedOn</c> the parties added <c>days</c>.</summary>
public sealed record RenewalDto
{
    public required DateOnly RenewedOn { get; init; }
    public required int Days { get; init; }
    public string? Note { get; init; }
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

    /// <summary>The date by which the obligation is due. Give this or <c>deadlineDays</c>, not both.</summary>
    public DateOnly? Deadline { get; init; }

    /// <summary>A period counted from the agreement's <c>agreedOn</c>, e.g. 135 for "within 135 days" (1 to 36,500).</summary>
    public int? DeadlineDays { get; init; }

    /// <summary>What the deadline waits on, in words, e.g. "once the lists are exchanged".</summary>
    public string? Condition { get; init; }
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
    ImplementationDatePrecision ImplementationDatePrecision,
    string? ImplementationDateNote,
    int? TermDays,
    IReadOnlyList<RenewalDto> Renewals,
    IReadOnlyList<ObligationResponse> Obligations,
    IReadOnlyList<AgreementEventResponse> Events,
    IReadOnlyList<string> SourceIds,
    long Version,
    DateTime CreatedAt,
    DateTime UpdatedAt) : IResource
{
    /// <summary>
    /// The obligations with their due dates, worked out here from <c>agreedOn</c>: in SQL each obligation would have
    /// to read its agreement's row from inside the split query, which needs a lateral join SQLite does not have.
    /// </summary>
    public IReadOnlyList<ObligationResponse> Obligations { get; init; } = [.. Obligations.Select(o => o with { DueOn = o.DueFrom(AgreedOn) })];

    /// <summary>agreedOn plus the term and every renewal; null for an agreement without a term or an agreedOn date.</summary>
    public DateOnly? ExpiresOn => TermDays is { } term && AgreedOn is { } on ? on.AddDays(term + Renewals.Sum(r => r.Days)) : null;
}

/// <summary>
/// An implementation event. Set <c>statusAfter</c> when the event moves the agreement on (e.g. to implemented), and
/// <c>completes</c> to the numbers of the obligations it fulfils (1-based, in the agreement's order, as in each
/// obligation's <c>number</c>). An implemented agreement completes all of its obligations without naming them.
/// </summary>
public sealed record AgreementEventRequest : ICitedRequest
{
    public string? Id { get; init; }
    public required DateOnly OccurredOn { get; init; }
    public required string Description { get; init; }
    public int? Quantity { get; init; }
    public string? Unit { get; init; }
    public AgreementStatus? StatusAfter { get; init; }
    public IReadOnlyList<int>? Completes { get; init; }
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
    IReadOnlyList<int> Completes,
    IReadOnlyList<string> SourceIds,
    long Version,
    DateTime CreatedAt,
    DateTime UpdatedAt) : IResource;

/// <summary>Filters for GET /api/v1/agreements: <c>partyId</c> finds agreements that bind a party or are owed to it.</summary>
public sealed record AgreementQuery(
    int? Limit, string? Cursor, string? Sort, string? Q, string? Ids, string? Include,
    string? RoundId, string? PartyId, string? Topic,
    [FilterValues<AgreementStatus>] string? Status, [FilterValues<AgreementType>] string? Type) : IListQuery;

/// <summary>Paging for GET /api/v1/agreements/{id}/events.</summary>
public sealed record AgreementEventQuery(int? Limit, string? Cursor);
