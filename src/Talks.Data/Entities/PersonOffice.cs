namespace Talks.Data.Entities;

/// <summary>
/// An office a person held for a time, e.g. Minister of Defence of Ukraine from 6 September 2023 to 16 July 2025.
/// A person's current office is the one without an end; a round shows the office held on its date.
/// </summary>
public sealed class PersonOffice
{
    public string PersonId { get; set; } = "";

    /// <summary>Keeps a person's offices in the order they were held.</summary>
    public int Ordinal { get; set; }

    public string Title { get; set; } = "";

    /// <summary>The party the office is held for, where it is not the person's own.</summary>
    public string? PartyId { get; set; }
    public Party? Party { get; set; }

    /// <summary>The first day in office; unknown when empty (held since before the record begins).</summary>
    public DateOnly? From { get; set; }

    /// <summary>The last day in office; still held when empty.</summary>
    public DateOnly? To { get; set; }
}
