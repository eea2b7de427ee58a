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
/// A party's part in a round, after the third-party roles peace-agreement datasets record: negotiating-party (it
/// negotiates for itself), mediator (proposes terms between the parties), facilitator (brings them together and runs
/// the meeting without proposing terms), host (the meeting is on its soil or premises), guarantor (stands behind what
/// is agreed), witness (attests what is agreed or signed), observer (attends without a part), accompanying (a
/// supporting or accompanying state of the process, as Chile and Venezuela were to the Colombian talks).
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
