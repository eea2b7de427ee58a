using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using System.Linq.Expressions;
using Talks.Api.Lists;
using Talks.Api.Records;
using Talks.Data.Entities;
using Talks.Data;

namespace Talks.Api.People;

internal sealed class PersonResource : ResourceKind<Person, PersonRequest, PersonResponse>
{
    public static readonly PersonResource Kind = new();

    public override string Singular => "person";

    public override string BasePath => "/api/v1/people";

    public override Expression<Func<Person, PersonResponse>> Projection { get; } = p => new PersonResponse(
            p.Id,
            p.Name,
            p.Offices.Where(o => o.To == null).OrderBy(o => o.Ordinal).Select(o => o.Title).FirstOrDefault(),
            p.Offices.Where(o => o.To == null).OrderBy(o => o.Ordinal).Select(o => o.From).FirstOrDefault(),
            p.Offices.OrderBy(o => o.Ordinal).Select(o => new OfficeDto { Title = o.Title, PartyId = o.PartyId, From = o.From, To = o.To }).ToList(),
            p.PartyId,
            p.OtherNames.OrderBy(n => n.Ordinal).Select(n => new OtherNameDto { Name = n.Name, Language = n.Language, Kind = n.Kind }).ToList(),
            p.Notes,
            p.SourceIds,
            p.Version,
            p.CreatedAt,
            p.UpdatedAt);

    public override string IdSource(PersonRequest r) => r.Name;

    // What still names a person: the delegations they sat in, the positions they voiced, what they said.
    public override Task<Dictionary<string, List<string>>> FindReferencesAsync(TalksDbContext db, string id, CancellationToken ct) =>
        References.FindAsync(
            ct,
            ("rounds", db.RoundDelegates.Where(d => d.PersonId == id).Select(d => d.RoundId)),
            ("positions", db.Positions.Where(p => p.VoicedById == id).Select(p => p.Id)),
            ("statements", db.Statements.Where(s => s.SpeakerPersonId == id).Select(s => s.Id)));

    /// <summary>Offices and other names are collections of their own: one query each, not one wide join.</summary>
    public override IQueryable<Person> ForRead(IQueryable<Person> q) => q.AsSplitQuery();

    public override IQueryable<Person> ForUpdate(IQueryable<Person> q) => q.Include(p => p.Offices).Include(p => p.OtherNames).AsSplitQuery();

    public override Task<ProblemHttpResult?> CheckCreateAsync(TalksDbContext db, Person stored, PersonRequest request, CancellationToken ct) =>
        OfficeHistory.CheckAsync(db, stored, request, ct);

    public override Task<ProblemHttpResult?> CheckUpdateAsync(TalksDbContext db, Person stored, PersonRequest request, CancellationToken ct) =>
        OfficeHistory.CheckAsync(db, stored, request, ct);

    public override PersonRequest ToRequest(Person p) => new PersonRequest
    {
        Id = p.Id,
        Name = p.Name,
        Office = OfficeHistory.Current(p.Offices)?.Title,
        OfficeSince = OfficeHistory.Current(p.Offices)?.From,
        Offices = p.Offices.OrderBy(o => o.Ordinal).Select(OfficeHistory.ToDto).ToList(),
        PartyId = p.PartyId,
        OtherNames = p.OtherNames.OrderBy(n => n.Ordinal).Select(OtherNames.ToDto).ToList(),
        Notes = p.Notes,
        SourceIds = p.SourceIds,
    };

    public override void Apply(PersonRequest r, Person p)
    {
        p.Name = r.Name;
        p.PartyId = r.PartyId;
        p.Notes = r.Notes;
        p.SourceIds = [.. r.SourceIds];
        OfficeHistory.Apply(r, p);
        OtherNames.Apply(p.OtherNames, r.OtherNames, () => new PersonName { PersonId = p.Id });
    }

    /// <summary>Sorts (default id), and what <c>q</c> looks in.</summary>
    public static readonly ListSpec<Person, PersonResponse> List = new()
    {
        Projection = PersonResource.Kind.Projection,
        SplitQuery = true,
        DefaultSort = "id",
        Sorts = new Dictionary<string, ISortKey<Person, PersonResponse>>
        {
            ["id"] = Sort.ByText<Person, PersonResponse>(p => p.Id, r => r.Id),
            ["name"] = Sort.ByText<Person, PersonResponse>(p => p.Name, r => r.Name),
            ["createdAt"] = Sort.ByTime<Person, PersonResponse>(p => p.CreatedAt, r => r.CreatedAt),
        },
        Text = q => p => p.Name.ToLower().Contains(q) || p.Offices.Any(o => o.Title.ToLower().Contains(q))
            || p.OtherNames.Any(n => n.Name.ToLower().Contains(q)),
    };

}
