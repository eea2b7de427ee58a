using Talks.Api.Hosting.OpenApi;
using Talks.Api.Reading;
using Talks.Api.Records;
using Talks.Data.Entities;

namespace Talks.Api.Sources;

/// <summary>Where facts come from. Omit <c>id</c> on create to have one made from the title.</summary>
public sealed record SourceRequest : IRequest
{
    public string? Id { get; init; }
    public required string Title { get; init; }
    public required SourceKind Kind { get; init; }
    public string? Publisher { get; init; }
    public DateOnly? PublishedOn { get; init; }

    /// <summary>An absolute http(s) address, where the source is online.</summary>
    public string? Url { get; init; }

    public string? Notes { get; init; }
}

public sealed record SourceResponse(
    string Id,
    string Title,
    SourceKind Kind,
    string? Publisher,
    DateOnly? PublishedOn,
    string? Url,
    string? Notes,
    long Version,
    DateTime CreatedAt,
    DateTime UpdatedAt) : IResource;

/// <summary>Filters for GET /api/v1/sources.</summary>
public sealed record SourceQuery(int? Limit, string? Cursor, string? Sort, string? Q, string? Ids, [FilterValues<SourceKind>] string? Kind) : IListQuery;

internal static class SourceResource
{
    public static readonly ResourceKind<Source, SourceRequest, SourceResponse> Kind = new()
    {
        Singular = "source",
        BasePath = "/api/v1/sources",
        Projection = s => new SourceResponse(s.Id, s.Title, s.Kind, s.Publisher, s.PublishedOn, s.Url, s.Notes, s.Version, s.CreatedAt, s.UpdatedAt),
        IdSource = r => r.Title,
        // What still cites a source: every kind of record, and an agreement through its events.
        FindReferences = (db, id, ct) => References.FindAsync(
            ct,
            ("talks", db.Talks.Where(e => e.SourceIds.Contains(id)).Select(e => e.Id)),
            ("rounds", db.Rounds.Where(e => e.SourceIds.Contains(id)).Select(e => e.Id)),
            ("parties", db.Parties.Where(e => e.SourceIds.Contains(id)).Select(e => e.Id)),
            ("people", db.People.Where(e => e.SourceIds.Contains(id)).Select(e => e.Id)),
            ("positions", db.Positions.Where(e => e.SourceIds.Contains(id)).Select(e => e.Id)),
            ("statements", db.Statements.Where(e => e.SourceIds.Contains(id)).Select(e => e.Id)),
            ("agreements", db.Agreements.Where(e => e.SourceIds.Contains(id)).Select(e => e.Id)
                .Union(db.AgreementEvents.Where(e => e.SourceIds.Contains(id)).Select(e => e.AgreementId)))),
        ToRequest = s => new SourceRequest
        {
            Id = s.Id,
            Title = s.Title,
            Kind = s.Kind,
            Publisher = s.Publisher,
            PublishedOn = s.PublishedOn,
            Url = s.Url,
            Notes = s.Notes,
        },
        Apply = (r, s) =>
        {
            s.Title = r.Title;
            s.Kind = r.Kind;
            s.Publisher = r.Publisher;
            s.PublishedOn = r.PublishedOn;
            s.Url = r.Url;
            s.Notes = r.Notes;
        },
    };

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
