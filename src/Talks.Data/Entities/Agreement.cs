namespace Talks.Data.Entities;

public sealed class Agreement : CitedEntity
{
    public string RoundId { get; set; } = "";
    public Round? Round { get; set; }

    public string Title { get; set; } = "";
    public AgreementType Type { get; set; }
    public AgreementStatus Status { get; set; }

    /// <summary>
    /// The status it stood at from its own date (agreed on, else its round's date) until its first event that moved
    /// it; set when that event is recorded. Null while no event has moved it: <see cref="Status"/> is then the status
    /// it had on every day since its date. With the events' statuses, it tells the status on any day.
    /// </summary>
    public AgreementStatus? OpeningStatus { get; set; }
    public string Summary { get; set; } = "";

    /// <summary>The topics its provisions cover, from the shared vocabulary.</summary>
    public List<string> TopicIds { get; set; } = [];

    public DateOnly? AgreedOn { get; set; }
    public DateOnly? ImplementationDate { get; set; }

    /// <summary>How much of the implementation date is known; <see cref="ImplementationDatePrecision.Confidential"/> when it was withheld.</summary>
    public ImplementationDatePrecision ImplementationDatePrecision { get; set; }

    /// <summary>Why the implementation date is not known, e.g. that it was kept confidential.</summary>
    public string? ImplementationDateNote { get; set; }

    /// <summary>How many days the agreement runs from agreedOn, when it is made for a term (e.g. 120).</summary>
    public int? TermDays { get; set; }

    public List<AgreementRenewal> Renewals { get; set; } = [];
    public List<Obligation> Obligations { get; set; } = [];
    public List<AgreementEvent> Events { get; set; } = [];
}

/// <summary>
/// How much of an agreement's implementation date is known: a month is stored as its 1st day, a year as 1 January;
/// a confidential date is not stored at all.
/// </summary>
public enum ImplementationDatePrecision
{
    Day,
    Month,
    Year,
    Confidential,
}

public enum AgreementType
{
    PrisonerExchange,
    Ceasefire,
    Humanitarian,
    Political,
    Territorial,
    Economic,
    Procedural,
    Other,
}

public enum AgreementStatus
{
    Proposed,
    Agreed,
    InImplementation,
    Implemented,
    Stalled,
    Collapsed,
}
