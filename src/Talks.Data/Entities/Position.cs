namespace Talks.Data.Entities;

public sealed class Position : CitedEntity
{
    public string RoundId { get; set; } = "";
    public Round? Round { get; set; }
    public string PartyId { get; set; } = "";
    public Party? Party { get; set; }

    /// <summary>
    /// The id of a topic in the shared vocabulary (<c>ceasefire</c>, <c>territory</c>, <c>prisoners</c>). Not a foreign
    /// key: adding one would make SQLite rebuild the table and drop its search triggers; writes check it instead, and
    /// topics are retired rather than deleted.
    /// </summary>
    public string Topic { get; set; } = "";

    public PositionKind Kind { get; set; }
    public string Summary { get; set; } = "";
    public string? Quote { get; set; }

    public string? VoicedById { get; set; }
    public Person? VoicedBy { get; set; }

    /// <summary>The earlier position this one responds to (a rejection answers a demand).</summary>
    public string? AnswersId { get; set; }
    public Position? Answers { get; set; }
}

public enum PositionKind
{
    Demand,
    Offer,
    Proposal,
    Acceptance,
    Rejection,
    Acknowledgement,

    /// <summary>A claim about what the process needs, e.g. that progress requires one's own involvement.</summary>
    Assertion,

    /// <summary>Pressure announced or prepared outside the room, such as a new package of sanctions.</summary>
    Warning,
}
