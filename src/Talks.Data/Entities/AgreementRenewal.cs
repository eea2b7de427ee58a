namespace Talks.Data.Entities;

/// <summary>An agreement's term extended, e.g. the Black Sea Grain Initiative renewed for 120 days in November 2022.</summary>
public sealed class AgreementRenewal
{
    public string AgreementId { get; set; } = "";

    /// <summary>Keeps renewals in the order they were given.</summary>
    public int Ordinal { get; set; }

    public DateOnly RenewedOn { get; set; }

    /// <summary>How many days the renewal adds to the agreement's term.</summary>
    public int Days { get; set; }

    public string? Note { get; set; }
}
