namespace Talks.Api.Agreements;

/// <summary>
/// One party's undertaking as it reads: its number within the agreement (1-based, in the order given; an event names
/// the obligations it completes by these numbers), the deadline as given and the date it falls due. <c>dueOn</c> is
/// <c>deadline</c>, or <c>agreedOn</c> plus <c>deadlineDays</c>; null when neither can be worked out.
/// </summary>
public sealed record ObligationResponse(
    int Number,
    string PartyId,
    string Description,
    int? Quantity,
    string? Unit,
    string? BeneficiaryPartyId,
    DateOnly? Deadline,
    int? DeadlineDays,
    string? Condition)
{
    public DateOnly? DueOn { get; init; }

    /// <summary>The same rule as the overdue list's query (<see cref="ObligationEndpoints"/>), which works it out in SQL.</summary>
    public DateOnly? DueFrom(DateOnly? agreedOn) => Deadline ?? (DeadlineDays is { } days && agreedOn is { } on ? on.AddDays(days) : null);
}

/// <summary>
/// An obligation that falls due and that no event has completed (an implemented agreement completes all of its own).
/// <c>daysOverdue</c> counts from <c>dueOn</c> to the list's <c>asOf</c> date; it is negative while days are left.
/// </summary>
public sealed record OpenObligationResponse(
    string AgreementId,
    string AgreementTitle,
    int Number,
    string PartyId,
    string PartyName,
    string Description,
    DateOnly? Deadline,
    int? DeadlineDays,
    string? Condition,
    DateOnly DueOn,
    int DaysOverdue);

/// <summary>
/// Filters for GET /api/v1/obligations. <c>overdue=true</c> keeps the obligations due before <c>asOf</c> (default:
/// today, UTC), <c>overdue=false</c> those due on it or later; without it every open obligation with a due date is
/// listed. <c>partyId</c> is the party that owes.
/// </summary>
public sealed record ObligationQuery(int? Limit, string? Cursor, bool? Overdue, DateOnly? AsOf, string? TalkId, string? PartyId);
