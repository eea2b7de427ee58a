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

/// <summary>
/// A party's part in a round. PA-X's third-party roles are the model: beside those who negotiate, those who mediate
/// or facilitate, host, guarantee what is agreed, witness it, observe, or accompany and support the process.
/// </summary>
public enum ParticipantRole
{
    NegotiatingParty,
    Mediator,
    Host,
    Facilitator,
    Observer,
    Guarantor,
    Witness,
    Accompanying,
}
