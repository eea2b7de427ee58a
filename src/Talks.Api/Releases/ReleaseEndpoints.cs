using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Talks.Api.Hosting.Errors;
using Talks.Api.Hosting.Validation;
using Talks.Api.Keys;
using Talks.Api.Records;
using Talks.Data;
using Talks.Data.Entities;
using Talks.Api.Answers.Shaping;
using Talks.Api.Lists;

namespace Talks.Api.Releases;

public static class ReleaseEndpoints
{
    public static IEndpointRouteBuilder MapReleaseEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/releases").WithTags("Releases");
        group.MapGet("/", List).WithName("ListReleases").WithSummary("List the data releases, newest first.").RejectsUnknownQuery();
        group.MapGet("/{version}", Get).WithName("GetRelease").WithSummary("Get a release: when it was cut, at which change, its row counts and digests.")
            .ProducesProblem(404);
        group.MapGet("/{version}/download", Download).WithName(ReleaseDownloadDocs.OperationName)
            .WithSummary("Download a release as a Frictionless Data Package (zip: datapackage.json and one CSV per table), "
                + "or with format=json as one JSON document. The same bytes on every call; Range requests are answered.")
            .WithMetadata(new StreamingEndpoint(), new DisableRequestTimeoutAttribute())
            .Produces<byte[]>(StatusCodes.Status200OK, "application/zip", "application/json")
            .Produces<byte[]>(StatusCodes.Status206PartialContent, "application/zip", "application/json")
            .ProducesProblem(404).ProducesProblem(416).ProducesValidationProblem();
        group.MapPost("/", Create).WithName("CreateRelease")
            .WithSummary("Freeze the data as it stands into a new release (admin key). The version is YYYY.N, e.g. 2025.1.")
            .RequireAuthorization(KeyRoles.Admin).WithMetadata(new DisableRequestTimeoutAttribute())
            .Validates<ReleaseRequest>().ProducesProblem(409);
        group.MapDelete("/{version}", Delete).WithName("DeleteRelease")
            .WithSummary("Delete a release (admin key, If-Match required); the deletion shows on the change feed.").WritesExisting();
        return app;
    }

    private static async Task<Results<Ok<Page<ReleaseResponse>>, ValidationProblem>> List(
        [AsParameters] ReleaseQuery query, TalksDbContext db, HttpContext http, CancellationToken ct)
    {
        var errors = Paging.Check(query.Limit, query.Cursor, 2, out var take, out var after);
        var releases = db.Releases.AsNoTracking();
        if (after is [var ticksText, var id])
        {
            if (long.TryParse(ticksText, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTime.MaxValue.Ticks)
            {
                var at = new DateTime(ticks, DateTimeKind.Utc);
                releases = releases.Where(r => r.CreatedAt < at || (r.CreatedAt == at && string.Compare(r.Id, id) < 0));
            }
            else
            {
                errors["cursor"] = ["The cursor is not one this list issued."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var rows = await releases.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Take(take + 1).ToListAsync(ct);
        var page = rows.Select(ReleaseResponse.From).ToList()
            .ToPage(take, http, r => Paging.Encode(r.CreatedAt.Ticks.ToString(CultureInfo.InvariantCulture), r.Id));
        return TypedResults.Ok(page);
    }

    private static async Task<Results<Ok<ReleaseResponse>, ProblemHttpResult>> Get(string version, TalksDbContext db, HttpContext http, CancellationToken ct)
    {
        if (await FindAsync(db, version, ct) is not { } release)
        {
            return Problems.NotFound("release", version);
        }

        http.SetETag(release.Version);
        return TypedResults.Ok(ReleaseResponse.From(release));
    }

    private static async Task<Results<Created<ReleaseResponse>, ProblemHttpResult>> Create(ReleaseRequest request, ReleaseMaker maker, CancellationToken ct)
    {
        var outcome = await maker.CreateAsync(request.Version, request.Notes, ct);
        return outcome.Release is { } release
            ? TypedResults.Created($"/api/v1/releases/{release.Id}", ReleaseResponse.From(release))
            : Problems.Conflict("The version is taken.", $"A release '{request.Version}' already exists; a release is never replaced.");
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult, ValidationProblem>> Download(
        string version, [AsParameters] ReleaseDownloadQuery query, TalksDbContext db, HttpContext http, CancellationToken ct)
    {
        if (query.Format is not (null or ReleaseFormat.Zip or ReleaseFormat.Json))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["format"] = [$"'{query.Format}' is not a release format. Allowed: {ReleaseFormat.Json}, {ReleaseFormat.Zip}."],
            });
        }

        if (await FindAsync(db, version, ct) is not { } release)
        {
            return Problems.NotFound("release", version);
        }

        var json = query.Format == ReleaseFormat.Json;
        var length = json ? release.JsonLength : release.ZipLength;
        if (OutsideOf(http.Request, length))
        {
            http.Response.Headers.ContentRange = $"bytes */{length}";
            return TypedResults.Problem(
                statusCode: StatusCodes.Status416RangeNotSatisfiable,
                title: "The range is outside the release.",
                detail: $"This form of release {release.Id} is {length} bytes long; ask for a range that starts inside it.");
        }

        var content = new ReleaseContent(db, release.Id, json ? ReleaseFormat.Json : ReleaseFormat.Zip, length, release.PartSize);
        return TypedResults.Stream(
            content,
            json ? "application/json" : "application/zip",
            $"talks-{release.Id}.{(json ? "json" : "zip")}",
            lastModified: release.CreatedAt,
            entityTag: new EntityTagHeaderValue($"\"{(json ? release.JsonSha256 : release.ZipSha256)}\""),
            enableRangeProcessing: true);
    }

    /// <summary>Like every delete, it names the version read (If-Match), so a release is never removed by a stray call.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string version, TalksDbContext db, HttpContext http, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.Releases.SingleOrDefaultAsync(r => r.Id == version, ct) is not { } release)
        {
            return Problems.NotFound("release", version);
        }

        if (Preconditions.Check(http, release.Version) is { } failed)
        {
            return failed;
        }

        await db.ReleaseParts.Where(p => p.ReleaseId == version).ExecuteDeleteAsync(ct);
        db.Releases.Remove(release);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// A single byte range that starts past the end (or asks for the last 0 bytes). ASP.NET Core would answer it with
    /// an empty 416; this one says why, as every other error does. Left to ASP.NET Core: If-Range, and several ranges.
    /// </summary>
    private static bool OutsideOf(HttpRequest request, long length)
    {
        if (request.Headers.IfRange.Count > 0 || request.GetTypedHeaders().Range is not { Unit.Value: "bytes", Ranges.Count: 1 } ranges)
        {
            return false;
        }

        var range = ranges.Ranges.Single();
        return range.From is { } from ? from >= length : range.To is 0;
    }

    private static Task<Release?> FindAsync(TalksDbContext db, string version, CancellationToken ct) =>
        db.Releases.AsNoTracking().SingleOrDefaultAsync(r => r.Id == version, ct);
}
