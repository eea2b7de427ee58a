using Talks.Api.Records;
using Talks.Api.Lists;

namespace Talks.Api.People;

/// <summary>
/// A named official. Omit <c>id</c> on create to have one made from the name. <c>office</c> is the office held now:
/// changing it closes the current office (on the day before <c>officeSince</c>, else yesterday) and opens the new one,
/// so earlier rounds keep showing the office held at the time. <c>offices</c>, when given, replaces the whole history
/// (to correct it or record it from the start).
/// </summary>
public sealed record PersonRequest : ICitedRequest
{
    public string? Id { get; init; }
    public required string Name { get; init; }

    /// <summary>The office held now, e.g. "Minister of Defence of Ukraine"; null when none.</summary>
    public string? Office { get; init; }

    /// <summary>The first day in <c>office</c> when it changes; today when not given.</summary>
    public DateOnly? OfficeSince { get; init; }

    /// <summary>Every office held, oldest first; at most one without an end. Omit to keep the history as it is.</summary>
    public IReadOnlyList<OfficeDto>? Offices { get; init; }

    public string? PartyId { get; init; }
    public string? Notes { get; init; }
    public required IReadOnlyList<string> SourceIds { get; init; }
}

/// <summary>An office held for a time; <c>from</c> empty when it began before the record, <c>to</c> empty while it is held.</summary>
public sealed record OfficeDto
{
    public required string Title { get; init; }

    /// <summary>The party the office is held for, when it is not the person's own.</summary>
    public string? PartyId { get; init; }

    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
}

public sealed record PersonResponse(
    string Id,
    string Name,
    string? Office,
    DateOnly? OfficeSince,
    IReadOnlyList<OfficeDto> Offices,
    string? PartyId,
    string? Notes,
    IReadOnlyList<string> SourceIds,
    long Version,
    DateTime CreatedAt,
    DateTime UpdatedAt) : IResource;

/// <summary>Filters for GET /api/v1/people.</summary>
public sealed record PersonQuery(int? Limit, string? Cursor, string? Sort, string? Q, string? Ids, string? PartyId) : IListQuery;
