namespace Talks.Data.Entities;

public sealed class Party : CitedEntity
{
    public string Name { get; set; } = "";
    public PartyKind Kind { get; set; }

    /// <summary>ISO 3166-1 alpha-2 code, for states.</summary>
    public string? CountryCode { get; set; }

    public string? Notes { get; set; }
}

public enum PartyKind
{
    State,
    InternationalOrganisation,
    NonStateActor,
}
