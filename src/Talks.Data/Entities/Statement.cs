namespace Talks.Data.Entities;

public sealed class Statement : CitedEntity
{
    public string? SpeakerPersonId { get; set; }
    public Person? SpeakerPerson { get; set; }

    /// <summary>The party spoken for; the only speaker when a body rather than a person said it.</summary>
    public string? SpeakerPartyId { get; set; }
    public Party? SpeakerParty { get; set; }

    /// <summary>The body within the party that spoke, e.g. "Ministry of Foreign Affairs".</summary>
    public string? SpeakerBody { get; set; }

    public string Quote { get; set; } = "";
    public QuoteWording Wording { get; set; }

    public DateOnly? SaidOn { get; set; }
    public string? Context { get; set; }

    public string? RoundId { get; set; }
    public Round? Round { get; set; }
}

/// <summary>Whether the quote is the speaker's words or the source's paraphrase of them.</summary>
public enum QuoteWording
{
    Verbatim,
    Paraphrase,
}
