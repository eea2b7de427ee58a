namespace Talks.Data.Entities;

public sealed class Person : CitedEntity
{
    public string Name { get; set; } = "";

    /// <summary>The offices held, oldest first; the current one has no end.</summary>
    public List<PersonOffice> Offices { get; set; } = [];

    public string? PartyId { get; set; }
    public Party? Party { get; set; }

    public string? Notes { get; set; }

    /// <summary>The names they are also known by, in their own and other scripts, in the order given.</summary>
    public List<PersonName> OtherNames { get; set; } = [];
}

/// <summary>One of the names a person is also known by.</summary>
public sealed class PersonName : OtherName
{
    public string PersonId { get; set; } = "";
}
