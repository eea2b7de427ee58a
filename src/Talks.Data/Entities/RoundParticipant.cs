namespace Talks.Data.Entities;

/// <summary>A party's part in a round. A party may take several roles (Turkey both hosted and facilitated).</summary>
public sealed class RoundParticipant
{
    public string RoundId { get; set; } = "";
    public string PartyId { get; set; } = "";
    public Party? Party { get; set; }
    public ParticipantRole Role { get; set; }
    public string? Notes { get; set; }
}

public enum ParticipantRole
{
    NegotiatingParty,
    Mediator,
    Host,
    Facilitator,
    Observer,
}
