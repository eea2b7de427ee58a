using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using System.Linq.Expressions;
using Talks.Api.Hosting.Errors;
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
            p.Id,
            p.Name,
            p.Kind,
            p.CountryCode,
            p.ConflictParty,
            p.OtherNames.OrderBy(n => n.Ordinal).Select(n => new OtherNameDto { Name = n.Name, Language = n.Language, Kind = n.Kind }).ToList(),
            p.Members.OrderBy(m => m.Ordinal).Select(m => m.MemberId).ToList(),
            p.Memberships.OrderBy(m => m.GroupId).Select(m => m.GroupId).ToList(),
            p.Notes,
            p.SourceIds,
            p.Version,
            p.CreatedAt,
            p.UpdatedAt);

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
            ("agreements", db.Obligations.Where(o => o.PartyId == id || o.BeneficiaryPartyId == id).Select(o => o.AgreementId)),
            ("parties", db.PartyMembers.Where(m => m.MemberId == id).Select(m => m.GroupId)));

    /// <summary>Its names and memberships are collections of their own: one query each, not one wide join.</summary>
    public override IQueryable<Party> ForRead(IQueryable<Party> q) => q.AsSplitQuery();

    public override IQueryable<Party> ForUpdate(IQueryable<Party> q) => q.Include(p => p.OtherNames).Include(p => p.Members).AsSplitQuery();

    public override Task<ProblemHttpResult?> CheckCreateAsync(TalksDbContext db, Party stored, PartyRequest request, CancellationToken ct) =>
        CheckMembersAsync(db, stored.Id, request, ct);

    public override Task<ProblemHttpResult?> CheckUpdateAsync(TalksDbContext db, Party stored, PartyRequest request, CancellationToken ct) =>
        CheckMembersAsync(db, stored.Id, request, ct);

    /// <summary>
    /// A group may not contain itself, directly or through a group among its members: walking the members of members
    /// must never come back to it.
    /// </summary>
    private static async Task<ProblemHttpResult?> CheckMembersAsync(TalksDbContext db, string id, PartyRequest request, CancellationToken ct)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var next = request.MemberIds?.ToList() ?? [];
        while (next.Count > 0)
        {
            if (next.Contains(id, StringComparer.Ordinal))
            {
                return Problems.Invalid("memberIds", $"'{id}' would be a member of itself: a group may not contain itself, directly or through another group.");
            }

            next = next.Where(seen.Add).ToList();
            next = await db.PartyMembers.AsNoTracking().Where(m => next.Contains(m.GroupId)).Select(m => m.MemberId).ToListAsync(ct);
        }

        return null;
    }

    public override PartyRequest ToRequest(Party p) => new PartyRequest
    {
        Id = p.Id,
        Name = p.Name,
        Kind = p.Kind,
        CountryCode = p.CountryCode,
        ConflictParty = p.ConflictParty,
        OtherNames = p.OtherNames.OrderBy(n => n.Ordinal).Select(OtherNames.ToDto).ToList(),
        MemberIds = p.Members.OrderBy(m => m.Ordinal).Select(m => m.MemberId).ToList(),
        Notes = p.Notes,
        SourceIds = p.SourceIds,
    };

    public override void Apply(PartyRequest r, Party p)
    {
        p.Name = r.Name;
        p.Kind = r.Kind;
        p.CountryCode = r.CountryCode;
        p.ConflictParty = r.ConflictParty;
        p.Notes = r.Notes;
        OtherNames.Apply(p.OtherNames, r.OtherNames, () => new PartyName { PartyId = p.Id });
        if (r.MemberIds is { } members)
        {
            var rows = members.Select((m, i) => new PartyMember { GroupId = p.Id, Ordinal = i + 1, MemberId = m }).ToList();
            p.Members.Sync(rows, m => m.Ordinal, (from, to) => to.MemberId = from.MemberId);
        }
        p.SourceIds = [.. r.SourceIds];
    }

    /// <summary>Sorts (default id), and what <c>q</c> looks in.</summary>
    public static readonly ListSpec<Party, PartyResponse> List = new()
    {
        Projection = PartyResource.Kind.Projection,
        SplitQuery = true,
        DefaultSort = "id",
        Sorts = new Dictionary<string, ISortKey<Party, PartyResponse>>
        {
            ["id"] = Sort.ByText<Party, PartyResponse>(p => p.Id, r => r.Id),
            ["name"] = Sort.ByText<Party, PartyResponse>(p => p.Name, r => r.Name),
            ["createdAt"] = Sort.ByTime<Party, PartyResponse>(p => p.CreatedAt, r => r.CreatedAt),
        },
        Text = q => p => p.Name.ToLower().Contains(q) || (p.Notes != null && p.Notes.ToLower().Contains(q))
            || p.OtherNames.Any(n => n.Name.ToLower().Contains(q)),
    };

}
