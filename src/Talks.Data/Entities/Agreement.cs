namespace Talks.Data.Entities;

public sealed class Agreement : CitedEntity
{
    public string RoundId { get; set; } = "";
    public Round? Round { get; set; }

    public string Title { get; set; } = "";
    public AgreementType Type { get; set; }
    public AgreementStatus Status { get; set; }
    public string Summary { get; set; } = "";

    /// <summary>The topics its provisions cover, from the shared vocabulary.</summary>
    public List<string> TopicIds { get; set; } = [];

    public DateOnly? AgreedOn { get; set; }
    public DateOnly? ImplementationDate { get; set; }

    /// <summary>Why the implementation date is not known, e.g. that it was kept confidential.</summary>
    public string? ImplementationDateNote { get; set; }

    public List<Obligation> Obligations { get; set; } = [];
    public List<AgreementEvent> Events { get; set; } = [];
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
