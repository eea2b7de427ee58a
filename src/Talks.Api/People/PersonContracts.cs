using Microsoft.EntityFrameworkCore;
using Talks.Api.Reading;
using Talks.Api.Records;
using Talks.Data.Entities;

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

internal static class PersonResource
{
    public static readonly ResourceKind<Person, PersonRequest, PersonResponse> Kind = new()
    {
        Singular = "person",
        BasePath = "/api/v1/people",
        Projection = p => new PersonResponse(
            p.Id,
            p.Name,
            p.Offices.Where(o => o.To == null).OrderBy(o => o.Ordinal).Select(o => o.Title).FirstOrDefault(),
            p.Offices.Where(o => o.To == null).OrderBy(o => o.Ordinal).Select(o => o.From).FirstOrDefault(),
            p.Offices.OrderBy(o => o.Ordinal).Select(o => new OfficeDto { Title = o.Title, PartyId = o.PartyId, From = o.From, To = o.To }).ToList(),
            p.PartyId,
            p.Notes,
            p.SourceIds,
            p.Version,
            p.CreatedAt,
            p.UpdatedAt),
        IdSource = r => r.Name,
        // What still names a person: the delegations they sat in, the positions they voiced, what they said.
        FindReferences = (db, id, ct) => References.FindAsync(
            ct,
            ("rounds", db.RoundDelegates.Where(d => d.PersonId == id).Select(d => d.RoundId)),
            ("positions", db.Positions.Where(p => p.VoicedById == id).Select(p => p.Id)),
            ("statements", db.Statements.Where(s => s.SpeakerPersonId == id).Select(s => s.Id))),
        ForUpdate = q => q.Include(p => p.Offices),
        CheckCreateAsync = OfficeHistory.CheckAsync,
        CheckUpdateAsync = OfficeHistory.CheckAsync,
        ToRequest = p => new PersonRequest
        {
            Id = p.Id,
            Name = p.Name,
            Office = OfficeHistory.Current(p.Offices)?.Title,
            OfficeSince = OfficeHistory.Current(p.Offices)?.From,
            Offices = p.Offices.OrderBy(o => o.Ordinal).Select(OfficeHistory.ToDto).ToList(),
            PartyId = p.PartyId,
            Notes = p.Notes,
            SourceIds = p.SourceIds,
        },
        Apply = (r, p) =>
        {
            p.Name = r.Name;
            p.PartyId = r.PartyId;
            p.Notes = r.Notes;
            p.SourceIds = [.. r.SourceIds];
            OfficeHistory.Apply(r, p);
        },
    };

    /// <summary>Sorts (default id), and what <c>q</c> looks in.</summary>
    public static readonly ListSpec<Person, PersonResponse> List = new()
    {
        Projection = PersonResource.Kind.Projection,
        DefaultSort = "id",
        Sorts = new Dictionary<string, ISortKey<Person, PersonResponse>>
        {
            ["id"] = Sort.ByText<Person, PersonResponse>(p => p.Id, r => r.Id),
            ["name"] = Sort.ByText<Person, PersonResponse>(p => p.Name, r => r.Name),
            ["createdAt"] = Sort.ByTime<Person, PersonResponse>(p => p.CreatedAt, r => r.CreatedAt),
        },
        Text = q => p => p.Name.ToLower().Contains(q) || p.Offices.Any(o => o.Title.ToLower().Contains(q)),
    };

}
