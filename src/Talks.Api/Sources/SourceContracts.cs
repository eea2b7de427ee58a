using Talks.Api.Hosting.OpenApiParts;
using Talks.Api.Records;
using Talks.Data.Entities;
using Talks.Api.Lists;

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
