using Talks.Api.Hosting.OpenApi;
using Talks.Api.Reading;
using Talks.Api.Records;
using Talks.Data.Entities;

namespace Talks.Api.Parties;

/// <summary>A party as clients create or replace it. Omit <c>id</c> on create to have one made from the name.</summary>
public sealed record PartyRequest : ICitedRequest
{
    public string? Id { get; init; }
    public required string Name { get; init; }
    public required PartyKind Kind { get; init; }

    /// <summary>ISO 3166-1 alpha-2, for states (e.g. "UA").</summary>
    public string? CountryCode { get; init; }

    public string? Notes { get; init; }
    public required IReadOnlyList<string> SourceIds { get; init; }
}

public sealed record PartyResponse(
    string Id,
    string Name,
    PartyKind Kind,
    string? CountryCode,
    string? Notes,
    IReadOnlyList<string> SourceIds,
    long Version,
    DateTime CreatedAt,
    DateTime UpdatedAt) : IResource;

/// <summary>Filters for GET /api/v1/parties.</summary>
public sealed record PartyQuery(int? Limit, string? Cursor, string? Sort, string? Q, string? Ids, [FilterValues<PartyKind>] string? Kind) : IListQuery;

internal static class PartyResource
{
    public static readonly ResourceKind<Party, PartyRequest, PartyResponse> Kind = new()
    {
        Singular = "party",
        BasePath = "/api/v1/parties",
        Projection = p => new PartyResponse(p.Id, p.Name, p.Kind, p.CountryCode, p.Notes, p.SourceIds, p.Version, p.CreatedAt, p.UpdatedAt),
        IdSource = r => r.Name,
        // What still names a party: its people, the rounds it sat in, its positions, statements and obligations.
        FindReferences = (db, id, ct) => References.FindAsync(
            ct,
            ("people", db.People.Where(p => p.PartyId == id || p.Offices.Any(o => o.PartyId == id)).Select(p => p.Id)),
            ("rounds", db.RoundParticipants.Where(p => p.PartyId == id).Select(p => p.RoundId)
                .Union(db.RoundDelegates.Where(d => d.PartyId == id).Select(d => d.RoundId))),
            ("positions", db.Positions.Where(p => p.PartyId == id).Select(p => p.Id)),
            ("statements", db.Statements.Where(s => s.SpeakerPartyId == id).Select(s => s.Id)),
            ("agreements", db.Obligations.Where(o => o.PartyId == id || o.BeneficiaryPartyId == id).Select(o => o.AgreementId))),
        ToRequest = p => new PartyRequest
        {
            Id = p.Id,
            Name = p.Name,
            Kind = p.Kind,
            CountryCode = p.CountryCode,
            Notes = p.Notes,
            SourceIds = p.SourceIds,
        },
        Apply = (r, p) =>
        {
            p.Name = r.Name;
            p.Kind = r.Kind;
            p.CountryCode = r.CountryCode;
            p.Notes = r.Notes;
            p.SourceIds = [.. r.SourceIds];
        },
    };

    /// <summary>Sorts (default id), and what <c>q</c> looks in.</summary>
    public static readonly ListSpec<Party, PartyResponse> List = new()
    {
        Projection = PartyResource.Kind.Projection,
        DefaultSort = "id",
        Sorts = new Dictionary<string, ISortKey<Party, PartyResponse>>
        {
            ["id"] = Sort.ByText<Party, PartyResponse>(p => p.Id, r => r.Id),
            ["name"] = Sort.ByText<Party, PartyResponse>(p => p.Name, r => r.Name),
            ["createdAt"] = Sort.ByTime<Party, PartyResponse>(p => p.CreatedAt, r => r.CreatedAt),
        },
        Text = q => p => p.Name.ToLower().Contains(q) || (p.Notes != null && p.Notes.ToLower().Contains(q)),
    };

}
