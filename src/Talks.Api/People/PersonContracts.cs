using Talks.Api.Infrastructure;
using Talks.Data.Entities;

namespace Talks.Api.People;

/// <summary>A named official. Omit <c>id</c> on create to have one made from the name.</summary>
public sealed record PersonRequest : ICitedRequest
{
    public string? Id { get; init; }
    public required string Name { get; init; }

    /// <summary>The office held at the time of the talks recorded, e.g. "Minister of Defence of Ukraine".</summary>
    public string? Office { get; init; }

    public string? PartyId { get; init; }
    public string? Notes { get; init; }
    public required IReadOnlyList<string> SourceIds { get; init; }
}

public sealed record PersonResponse(
    string Id,
    string Name,
    string? Office,
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
        Projection = p => new PersonResponse(p.Id, p.Name, p.Office, p.PartyId, p.Notes, p.SourceIds, p.Version, p.CreatedAt, p.UpdatedAt),
        IdSource = r => r.Name,
        FindReferences = References.ToPersonAsync,
        ToRequest = p => new PersonRequest
        {
            Id = p.Id,
            Name = p.Name,
            Office = p.Office,
            PartyId = p.PartyId,
            Notes = p.Notes,
            SourceIds = p.SourceIds,
        },
        Apply = (r, p) =>
        {
            p.Name = r.Name;
            p.Office = r.Office;
            p.PartyId = r.PartyId;
            p.Notes = r.Notes;
            p.SourceIds = [.. r.SourceIds];
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
        Text = q => p => p.Name.ToLower().Contains(q) || (p.Office != null && p.Office.ToLower().Contains(q)),
    };

}
