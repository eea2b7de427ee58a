using System.Linq.Expressions;
using Talks.Api.Lists;
using Talks.Api.Records;
using Talks.Data.Entities;
using Talks.Data;

namespace Talks.Api.Sources;

internal sealed class SourceResource : ResourceKind<Source, SourceRequest, SourceResponse>
{
    public static readonly SourceResource Kind = new();

    public override string Singular => "source";

    public override string BasePath => "/api/v1/sources";

    public override Expression<Func<Source, SourceResponse>> Projection { get; } = s => new SourceResponse(
            s.Id, s.Title, s.Kind, s.Publisher, s.PublishedOn, s.Url, s.Notes, s.Version, s.CreatedAt, s.UpdatedAt);

    public override string IdSource(SourceRequest r) => r.Title;

    // What still cites a source: every kind of record, and an agreement through its events.
    public override Task<Dictionary<string, List<string>>> FindReferencesAsync(TalksDbContext db, string id, CancellationToken ct) =>
        References.FindAsync(
            ct,
            ("talks", db.Talks.Where(e => e.SourceIds.Contains(id)).Select(e => e.Id)),
            ("rounds", db.Rounds.Where(e => e.SourceIds.Contains(id)).Select(e => e.Id)),
            ("parties", db.Parties.Where(e => e.SourceIds.Contains(id)).Select(e => e.Id)),
            ("people", db.People.Where(e => e.SourceIds.Contains(id)).Select(e => e.Id)),
            ("positions", db.Positions.Where(e => e.SourceIds.Contains(id)).Select(e => e.Id)),
            ("statements", db.Statements.Where(e => e.SourceIds.Contains(id)).Select(e => e.Id)),
            ("agreements", db.Agreements.Where(e => e.SourceIds.Contains(id)).Select(e => e.Id)
                .Union(db.AgreementEvents.Where(e => e.SourceIds.Contains(id)).Select(e => e.AgreementId))));

    public override SourceRequest ToRequest(Source s) => new SourceRequest
    {
        Id = s.Id,
        Title = s.Title,
        Kind = s.Kind,
        Publisher = s.Publisher,
        PublishedOn = s.PublishedOn,
        Url = s.Url,
        Notes = s.Notes,
    };

    public override void Apply(SourceRequest r, Source s)
    {
        s.Title = r.Title;
        s.Kind = r.Kind;
        s.Publisher = r.Publisher;
        s.PublishedOn = r.PublishedOn;
        s.Url = r.Url;
        s.Notes = r.Notes;
    }

    /// <summary>Sorts (default id), and what <c>q</c> looks in.</summary>
    public static readonly ListSpec<Source, SourceResponse> List = new()
    {
        Projection = SourceResource.Kind.Projection,
        DefaultSort = "id",
        Sorts = new Dictionary<string, ISortKey<Source, SourceResponse>>
        {
            ["id"] = Sort.ByText<Source, SourceResponse>(s => s.Id, r => r.Id),
            ["title"] = Sort.ByText<Source, SourceResponse>(s => s.Title, r => r.Title),
            ["createdAt"] = Sort.ByTime<Source, SourceResponse>(s => s.CreatedAt, r => r.CreatedAt),
        },
        Text = q => s => s.Title.ToLower().Contains(q) || (s.Publisher != null && s.Publisher.ToLower().Contains(q)),
    };

}
