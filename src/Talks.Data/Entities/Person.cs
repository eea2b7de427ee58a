namespace Talks.Data.Entities;

public sealed class Person : CitedEntity
{
    public string Name { get; set; } = "";

    /// <summary>The offices held, oldest first; the current one has no end.</summary>
    public List<PersonOffice> Offices { get; set; } = [];

    public string? PartyId { get; set; }
    public Party? Party { get; set; }

    public string? Notes { get; set; }
}
