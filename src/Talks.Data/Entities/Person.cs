namespace Talks.Data.Entities;

public sealed class Person : CitedEntity
{
    public string Name { get; set; } = "";

    /// <summary>The office held at the time of the talks the record was made for.</summary>
    public string? Office { get; set; }

    public string? PartyId { get; set; }
    public Party? Party { get; set; }

    public string? Notes { get; set; }
}
