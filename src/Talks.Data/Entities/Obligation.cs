namespace Talks.Data.Entities;

/// <summary>What one party undertook in an agreement, e.g. to return 1,000 prisoners of war to the other.</summary>
public sealed class Obligation
{
    public string AgreementId { get; set; } = "";

    /// <summary>
    /// Keeps obligations in the order they were given; it is also the obligation's number within its agreement
    /// (1-based), by which an event says which obligations it completes.
    /// </summary>
    public int Ordinal { get; set; }

    public string PartyId { get; set; } = "";
    public Party? Party { get; set; }
    public string Description { get; set; } = "";
    public int? Quantity { get; set; }
    public string? Unit { get; set; }

    /// <summary>The party the obligation is owed to, where there is one.</summary>
    public string? BeneficiaryPartyId { get; set; }
    public Party? BeneficiaryParty { get; set; }

    /// <summary>The date by which the obligation is due, when the agreement names one.</summary>
    public DateOnly? Deadline { get; set; }

    /// <summary>A period counted from the agreement's agreedOn date instead, e.g. 135 for "within 135 days".</summary>
    public int? DeadlineDays { get; set; }

    /// <summary>What the deadline waits on, in words, e.g. "once the lists are exchanged".</summary>
    public string? Condition { get; set; }
}
