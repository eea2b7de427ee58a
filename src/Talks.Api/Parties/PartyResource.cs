using System.Linq.Expressions;
using Talks.Api.Lists;
using Talks.Api.Records;
using Talks.Data.Entities;
using Talks.Data;

namespace Talks.Api.Parties;

internal sealed class PartyResource : ResourceKind<Party, PartyRequest, PartyResponse>
{
    public static readonly PartyResource Kind = new();

    public override string Singular => "party";

    public override string BasePath => "/api/v1/parties";

    public override Expression<Func<Party, PartyResponse>> Projection { get; } = p => new PartyResponse(
            p.Id, p.Name, p.Kind, p.CountryCode, p.Notes, p.SourceIds, p.Version, p.CreatedAt, p.UpdatedAt);

    public override string IdSource(PartyRequest r) => r.Name;

    // What still names a party: its people, the rounds it sat in, its positions, statements and obligations.
    public override Task<Dictionary<string, List<string>>> FindReferencesAsync(TalksDbContext db, string id, CancellationToken ct) =>
        References.FindAsync(
            ct,
            ("people", db.People.Where(p => p.PartyId == id || p.Offices.Any(o => o.PartyId == id)).Select(p => p.Id)),
            ("rounds", db.RoundParticipants.Where(p => p.PartyId == id).Select(p => p.RoundId)
                .Union(db.RoundDelegates.Where(d => d.PartyId == id).Select(d => d.RoundId))),
            ("positions", db.Positions.Where(p => p.PartyId == id).Select(p => p.Id)),
            ("statements", db.Statements.Where(s => s.SpeakerPartyId == id).Select(s => s.Id)),
            ("agreements", db.Obligations.Where(o => o.PartyId == id || o.BeneficiaryPartyId == id).Select(o => o.AgreementId)));

    public override PartyRequest ToRequest(Party p) => new PartyRequest
    {
        Id = p.Id,
        Name = p.Name,
        Kind = p.Kind,
        CountryCode = p.CountryCode,
        Notes = p.Notes,
        SourceIds = p.SourceIds,
    };

    public override void Apply(PartyRequest r, Party p)
    {
        p.Name = r.Name;
        p.Kind = r.Kind;
        p.CountryCode = r.CountryCode;
        p.Notes = r.Notes;
        p.SourceIds = [.. r.SourceIds];
    }

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
