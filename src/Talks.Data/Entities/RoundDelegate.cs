namespace Talks.Data.Entities;

/// <summary>A person sitting for a party at a round.</summary>
public sealed class RoundDelegate
{
    public string RoundId { get; set; } = "";
    public Round? Round { get; set; }
    public string PersonId { get; set; } = "";
    public Person? Person { get; set; }
    public string PartyId { get; set; } = "";
    public Party? Party { get; set; }
    public DelegateRole Role { get; set; }

    /// <summary>The office the delegate sat in as the record of the round states it; else the one held on its date.</summary>
    public string? Office { get; set; }
    public string? Notes { get; set; }
}

public enum DelegateRole
{
    Head,
    Member,
    Advisor,
}
