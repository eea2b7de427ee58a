using System.Text.Json;
using Talks.Data.Entities;

namespace Talks.Api.Releases;

/// <summary>
/// Freezes the data as it stands. <c>version</c> is calendar versioning, <c>YYYY.N</c>: the year and a number
/// counting from 1 within it (2025.1, 2025.2, …); it names the release for ever and can be cited.
/// </summary>
public sealed record ReleaseRequest
{
    public required string Version { get; init; }

    /// <summary>What changed since the release before, for the people who cite it.</summary>
    public string? Notes { get; init; }
}

/// <summary>
/// A release. <c>changeNumber</c> is the change feed's newest change when it was cut: it holds everything up to there
/// (<c>GET /api/v1/changes?sinceRelease=</c> lists what came after). <c>counts</c> gives the rows of each table.
/// </summary>
public sealed record ReleaseResponse(
    string Id,
    string Version,
    string? Notes,
    DateTime CreatedAt,
    long ChangeNumber,
    IReadOnlyDictionary<string, long> Counts,
    ReleaseDownload Zip,
    ReleaseDownload Json)
{
    public static ReleaseResponse From(Release r)
    {
        var url = $"/api/v1/releases/{r.Id}/download";
        return new ReleaseResponse(
            r.Id, r.Id, r.Notes, r.CreatedAt, r.ChangeNumber,
            JsonSerializer.Deserialize<Dictionary<string, long>>(r.Counts) ?? [],
            new ReleaseDownload(url, "application/zip", r.ZipLength, r.ZipSha256),
            new ReleaseDownload(url + "?format=json", "application/json", r.JsonLength, r.JsonSha256));
    }
}

/// <summary>One form of a release: where to get it, its size in bytes and the SHA-256 of those bytes (also its ETag).</summary>
public sealed record ReleaseDownload(string Url, string MediaType, long Size, string Sha256);

/// <summary>Paging for GET /api/v1/releases (newest first).</summary>
public sealed record ReleaseQuery(int? Limit, string? Cursor);

/// <summary><c>format=json</c> for the JSON document; the Data Package zip otherwise.</summary>
public sealed record ReleaseDownloadQuery(string? Format);
