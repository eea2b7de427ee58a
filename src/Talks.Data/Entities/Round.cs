namespace Talks.Data.Entities;

public sealed class Round : CitedEntity
{
    public string TalkId { get; set; } = "";
    public Talk? Talk { get; set; }

    public int Sequence { get; set; }

    /// <summary>Whether the round has taken place, or is announced, put off or called off.</summary>
    public RoundStatus Status { get; set; } = RoundStatus.Held;

    /// <summary>The local date at the venue (planned, for a round not yet held); always known, and what lists filter and sort on.</summary>
    public DateOnly Date { get; set; }

    /// <summary>How much of <see cref="Date"/> is known: a round known only to the month is dated the 1st.</summary>
    public DatePrecision DatePrecision { get; set; }

    /// <summary>The start instant in UTC, when the time of day is known. Kept as UTC so every provider can sort it.</summary>
    public DateTime? StartsAtUtc { get; set; }

    /// <summary>The venue's UTC offset at the start, so the API can answer with the local time and its offset.</summary>
    public int? StartsAtOffsetMinutes { get; set; }

    public int? DurationMinutes { get; set; }
    public DurationBound? DurationBound { get; set; }

    public string City { get; set; } = "";
    public string? CountryCode { get; set; }
    public string? Venue { get; set; }
    public string? VenueDescription { get; set; }

    /// <summary>The venue's position (WGS 84 degrees, as GeoJSON and maps take it); both or neither are known.</summary>
    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public string? Summary { get; set; }
    public string? Outcome { get; set; }
    public string? Atmosphere { get; set; }

    public List<RoundParticipant> Participants { get; set; } = [];
    public List<RoundDelegate> Delegates { get; set; } = [];
    public List<Position> Positions { get; set; } = [];
    public List<Statement> Statements { get; set; } = [];
    public List<Agreement> Agreements { get; set; } = [];
}

/// <summary>How much of a date is known: a month is stored as its 1st day, a year as 1 January.</summary>
public enum DatePrecision
{
    Day,
    Month,
    Year,
}

/// <summary>
/// Where a round stands: announced for a date (<see cref="RoundStatus.Scheduled"/>), taken place (<see cref="RoundStatus.Held"/>), put off to
/// a date not yet known or a new one (<see cref="RoundStatus.Postponed"/>), or called off (<see cref="RoundStatus.Cancelled"/>).
/// </summary>
public enum RoundStatus
{
    Scheduled,
    Held,
    Postponed,
    Cancelled,
}

/// <summary>How a round's duration was reported: "under two hours" is <see cref="LessThan"/> 120 minutes.</summary>
public enum DurationBound
{
    Exact,
    Approximately,
    LessThan,
    MoreThan,
}
