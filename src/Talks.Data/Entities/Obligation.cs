namespace Talks.Data.Entities;

/// <summary>What one party undertook in an agreement, e.g. to return 1,000 prisoners of war to the other.</summary>
public sealed class Obligation
{
    public string AgreementId { get; set; } = "";

    /// <summary>Keeps obligations in the order they were given.</summary>
    public int Ordinal { get; set; }

    public string PartyId { get; set; } = "";
    public Party? Party { get; set; }
    public string Description { get; set; } = "";
    public int? Quantity { get; set; }
    public string? Unit { get; set; }

    /// <summary>The party the obligation is owed to, where there is one.</summary>
    public string? BeneficiaryPartyId { get; set; }
    public Party? BeneficiaryParty { get; set; }
}
