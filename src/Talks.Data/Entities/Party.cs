namespace Talks.Data.Entities;

public sealed class Party : CitedEntity
{
    public string Name { get; set; } = "";
    public PartyKind Kind { get; set; }

    /// <summary>ISO 3166-1 alpha-2 code, for states.</summary>
    public string? CountryCode { get; set; }

    public string? Notes { get; set; }

    /// <summary>Whether it is a primary party to the armed conflict the talks are about, as a state or armed group fighting is.</summary>
    public bool ConflictParty { get; set; }

    /// <summary>The names it is also known by, in its own and other scripts, in the order given.</summary>
    public List<PartyName> OtherNames { get; set; } = [];

    /// <summary>For a group of states or an organisation: the parties that belong to it ("E3": France, Germany, the United Kingdom).</summary>
    public List<PartyMember> Members { get; set; } = [];

    /// <summary>The groups and organisations it is a member of: the other end of their <see cref="Members"/>.</summary>
    public List<PartyMember> Memberships { get; set; } = [];
}

/// <summary>
/// What kind of actor a party is: state; state-group (a group or coalition of states, such as the E3 or the P5+1,
/// with its member parties); international-organisation (the UN, the EU, the OSCE); armed-group (a non-state armed
/// group); political-movement (a political party or movement); civil-society (organisations of citizens, victims,
/// churches). non-state-actor is kept for records made before the finer non-state kinds existed.
/// </summary>
public enum PartyKind
{
    State,
    InternationalOrganisation,
    NonStateActor,
    StateGroup,
    ArmedGroup,
    PoliticalMovement,
    CivilSociety,
}

/// <summary>One of the names a party is also known by.</summary>
public sealed class PartyName : OtherName
{
    public string PartyId { get; set; } = "";
}

/// <summary>A party that belongs to a group of states or an organisation.</summary>
public sealed class PartyMember
{
    public string GroupId { get; set; } = "";

    /// <summary>Keeps a group's members in the order they were given.</summary>
    public int Ordinal { get; set; }

    public string MemberId { get; set; } = "";
    public Party? Member { get; set; }
}
