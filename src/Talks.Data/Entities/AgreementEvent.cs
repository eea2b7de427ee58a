namespace Talks.Data.Entities;

/// <summary>Something that happened while an agreement was carried out, e.g. one stage of an exchange.</summary>
public sealed class AgreementEvent : CitedEntity
{
    public string AgreementId { get; set; } = "";
    public Agreement? Agreement { get; set; }
    public DateOnly OccurredOn { get; set; }
    public string Description { get; set; } = "";
    public int? Quantity { get; set; }
    public string? Unit { get; set; }

    /// <summary>The agreement's status after this event, when the event moved it.</summary>
    public AgreementStatus? StatusAfter { get; set; }

    /// <summary>The numbers (1-based, in the agreement's order) of the obligations this event completes.</summary>
    public List<int> Completes { get; set; } = [];
}
